// The ordered pipeline of `billijk batch`: results in input order whatever the threads and the
// chunking, never more records in flight than the window, and a stop that stops reading.
#include "batch/pipeline.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

using namespace billijk;

namespace {

/// A reader of `count` records, line i holding "i"; counts the records handed out.
struct CountingReader {
    std::size_t count;
    std::atomic<std::size_t> handed_out{0};

    std::optional<batch::InputRecord> operator()() {
        if (handed_out == count)
            return std::nullopt;
        std::size_t const line = ++handed_out;
        return batch::InputRecord{line, std::to_string(line)};
    }
};

} // namespace

TEST_CASE("results come in input order whatever the threads and the window", "[batch][pipeline]") {
    for (unsigned threads : {1u, 2u, 7u})
        for (std::size_t window : {1u, 5u, 16u, 100u, 1000u})
            for (std::size_t count : {0u, 1u, 31u, 500u}) {
                CAPTURE(threads, window, count);
                CountingReader reader{count};
                std::vector<std::size_t> written;
                bool const completed = batch::run_ordered<std::size_t>(
                    [&] { return reader(); },
                    [](batch::InputRecord const& r) {
                        // Uneven work, so that later records often finish first.
                        if (r.line % 7 == 0)
                            std::this_thread::sleep_for(std::chrono::microseconds(200));
                        return static_cast<std::size_t>(std::stoul(r.text));
                    },
                    [&](std::size_t&& line) {
                        written.push_back(line);
                        return true;
                    },
                    {threads, window});
                CHECK(completed);
                REQUIRE(written.size() == count);
                for (std::size_t i = 0; i < count; ++i)
                    REQUIRE(written[i] == i + 1);
            }
}

TEST_CASE("never more records in flight than the window", "[batch][pipeline]") {
    for (std::size_t window : {1u, 3u, 40u, 256u}) {
        CAPTURE(window);
        CountingReader reader{2000};
        std::size_t written = 0, most_in_flight = 0;
        batch::run_ordered<int>(
            [&] { return reader(); }, [](batch::InputRecord const&) { return 0; },
            [&](int&&) {
                // Read but not yet written, this one included.
                most_in_flight = std::max(most_in_flight, reader.handed_out.load() - written);
                ++written;
                if (written % 50 == 0) // a slow write now and then lets the reader fill the window
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                return true;
            },
            {3, window});
        CHECK(written == 2000);
        CHECK(most_in_flight <= window);
    }
}

TEST_CASE("a write that fails stops the run, and reading stops soon after", "[batch][pipeline]") {
    CountingReader reader{100000};
    std::vector<std::size_t> written;
    bool const completed = batch::run_ordered<std::size_t>(
        [&] { return reader(); },
        [](batch::InputRecord const& r) { return static_cast<std::size_t>(r.line); },
        [&](std::size_t&& line) {
            written.push_back(line);
            return line < 10; // the write of line 10 fails
        },
        {2, 64});
    CHECK_FALSE(completed);
    REQUIRE(written.size() == 10);
    CHECK(written.back() == 10);
    // At most a window beyond what was written was read.
    CHECK(reader.handed_out.load() <= 10 + 64);
}
