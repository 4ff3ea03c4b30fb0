// The implementation of run_ordered (pipeline.hpp): a template, so that the pipeline knows
// nothing about cases. One mutex guards the queue of read records, the map of finished results
// and the counters; threads wait on three condition variables.
#pragma once

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

    std::mutex mutex;
    std::condition_variable can_read, can_work, can_write;
    std::deque<std::pair<std::size_t, InputRecord>> queue; // (sequence, record)
    std::map<std::size_t, Out> done;                       // by sequence
    std::size_t read_count = 0, written = 0;
    bool input_ended = false, stopped = false;

    std::thread reader([&] {
        for (;;) {
            {
                std::unique_lock lock(mutex);
                can_read.wait(lock, [&] { return stopped || read_count - written < window; });
                if (stopped)
                    break;
            }
            std::optional<InputRecord> record = read(); // outside the lock: I/O
            std::lock_guard lock(mutex);
            if (!record) {
                input_ended = true;
                can_work.notify_all();
                can_write.notify_all();
                break;
            }
            queue.emplace_back(read_count++, std::move(*record));
            can_work.notify_one();
        }
    });
    std::vector<std::thread> workers;
    for (unsigned i = 0; i < threads; ++i)
        workers.emplace_back([&] {
            for (;;) {
                std::pair<std::size_t, InputRecord> job;
                {
                    std::unique_lock lock(mutex);
                    can_work.wait(lock, [&] { return stopped || input_ended || !queue.empty(); });
                    if (stopped || queue.empty())
                        return;
                    job = std::move(queue.front());
                    queue.pop_front();
                }
                Out out = process(job.second);
                std::lock_guard lock(mutex);
                done.emplace(job.first, std::move(out));
                if (job.first == written)
                    can_write.notify_one();
            }
        });

    bool completed = true;
    for (;;) {
        Out out;
        {
            std::unique_lock lock(mutex);
            can_write.wait(lock, [&] {
                return done.count(written) > 0 || (input_ended && written == read_count);
            });
            auto it = done.find(written);
            if (it == done.end())
                break; // everything read was written
            out = std::move(it->second);
            done.erase(it);
        }
        bool const go_on = write(std::move(out)); // outside the lock: I/O, store commits
        std::lock_guard lock(mutex);
        ++written;
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
