#include "batch/progress.hpp"

#include <cstdio>
#include <unistd.h>

namespace billijk::batch {

bool Progress::stderr_is_terminal() {
    return ::isatty(STDERR_FILENO) == 1;
}

// Doubles here are deliberate: elapsed seconds, cases per second and the share of the input read
// only feed the progress line on a terminal. No amount, quantity or output byte depends on them.
double Progress::elapsed() const {
    return std::chrono::duration<double>(Clock::now() - start_).count();
}

std::string Progress::render(std::size_t done, double seconds, std::uint64_t bytes_read,
                             std::uint64_t total_bytes) {
    char buffer[128];
    double const rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
    int n = std::snprintf(buffer, sizeof buffer, "%zu cases  %.0f/s", done, rate);
    std::string out(buffer, static_cast<std::size_t>(n));
    if (total_bytes > 0 && bytes_read > 0) {
        double const share = static_cast<double>(bytes_read) / static_cast<double>(total_bytes);
        auto const left = static_cast<long long>(seconds / share - seconds);
        n = std::snprintf(buffer, sizeof buffer, "  %3.0f%%  ETA %lld:%02lld", share * 100,
                          left / 60, left % 60);
        out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
}

void Progress::update(std::size_t done, std::uint64_t bytes_read, std::uint64_t total_bytes) {
    if (!enabled_)
        return;
    auto const now = Clock::now();
    if (drawn_ && now - last_ < std::chrono::milliseconds(200))
        return;
    last_ = now;
    drawn_ = true;
    std::fprintf(stderr, "\r%-60s", render(done, elapsed(), bytes_read, total_bytes).c_str());
    std::fflush(stderr);
}

void Progress::finish() {
    if (enabled_ && drawn_)
        std::fprintf(stderr, "\r%-60s\r", "");
    drawn_ = false; // the next update draws at once
}

} // namespace billijk::batch
