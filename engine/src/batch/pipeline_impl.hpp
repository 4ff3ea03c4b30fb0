// The implementation of run_ordered (pipeline.hpp): a template, so that the pipeline knows
// nothing about cases. One mutex guards the queue of read chunks of records, the map of
// finished chunks and the counters; threads wait on three condition variables.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace billijk::batch {

template <typename Out>
bool run_ordered(std::function<std::optional<InputRecord>()> const& read,
                 std::function<Out(InputRecord const&)> const& process,
                 std::function<bool(Out&&)> const& write, PipelineOptions const& options) {
    std::size_t const window = options.window < 1 ? 1 : options.window;
    unsigned const threads = options.threads < 1 ? 1 : options.threads;
    // Records travel in chunks: every hand-over between threads is a lock and often a futex
    // wake-up, which cost about a twentieth of a stored case when it was done per record
    // (perf, batch --store). A chunk is at most a sixteenth of the window, so several are in
    // flight for the workers to share.
    std::size_t const chunk_size = std::clamp<std::size_t>(window / 16, 1, 32);

    std::mutex mutex;
    std::condition_variable can_read, can_work, can_write;
    std::deque<std::pair<std::size_t, std::vector<InputRecord>>> queue; // (chunk number, records)
    std::map<std::size_t, std::vector<Out>> done;                       // by chunk number
    std::size_t chunks_read = 0, chunks_written = 0;
    std::size_t in_flight = 0; // records read and not yet written
    bool input_ended = false, stopped = false;

    std::thread reader([&] {
        for (;;) {
            {
                std::unique_lock lock(mutex);
                can_read.wait(lock, [&] { return stopped || in_flight + chunk_size <= window; });
                if (stopped)
                    break;
            }
            std::vector<InputRecord> chunk; // read outside the lock: I/O
            chunk.reserve(chunk_size);
            bool ended = false;
            while (chunk.size() < chunk_size) {
                std::optional<InputRecord> record = read();
                if (!record) {
                    ended = true;
                    break;
                }
                chunk.push_back(std::move(*record));
            }
            std::lock_guard lock(mutex);
            if (!chunk.empty()) {
                in_flight += chunk.size();
                queue.emplace_back(chunks_read++, std::move(chunk));
                can_work.notify_one();
            }
            if (ended) {
                input_ended = true;
                can_work.notify_all();
                can_write.notify_all();
                break;
            }
        }
    });
    std::vector<std::thread> workers;
    for (unsigned i = 0; i < threads; ++i)
        workers.emplace_back([&] {
            for (;;) {
                std::pair<std::size_t, std::vector<InputRecord>> job;
                {
                    std::unique_lock lock(mutex);
                    can_work.wait(lock, [&] { return stopped || input_ended || !queue.empty(); });
                    if (stopped || queue.empty())
                        return;
                    job = std::move(queue.front());
                    queue.pop_front();
                }
                std::vector<Out> out;
                out.reserve(job.second.size());
                for (auto const& record : job.second)
                    out.push_back(process(record));
                std::lock_guard lock(mutex);
                done.emplace(job.first, std::move(out));
                if (job.first == chunks_written)
                    can_write.notify_one();
            }
        });

    bool completed = true;
    for (;;) {
        std::vector<Out> outs;
        {
            std::unique_lock lock(mutex);
            can_write.wait(lock, [&] {
                return done.count(chunks_written) > 0 ||
                       (input_ended && chunks_written == chunks_read);
            });
            auto it = done.find(chunks_written);
            if (it == done.end())
                break; // everything read was written
            outs = std::move(it->second);
            done.erase(it);
        }
        bool go_on = true;
        for (auto& out : outs) // outside the lock: I/O, store commits
            if (!(go_on = write(std::move(out))))
                break;
        std::lock_guard lock(mutex);
        ++chunks_written;
        in_flight -= outs.size();
        can_read.notify_one();
        if (!go_on) {
            stopped = true;
            completed = false;
            can_read.notify_all();
            can_work.notify_all();
            break;
        }
    }
    reader.join();
    for (auto& w : workers)
        w.join();
    return completed;
}

} // namespace billijk::batch
