#include "batch/committer.hpp"

namespace billijk::batch {

GroupCommitter::GroupCommitter(store::BatchRun& run)
    : run_(run), thread_([this] { this->run(); }) {}

GroupCommitter::~GroupCommitter() {
    {
        std::unique_lock lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join(); // the thread commits a job it was handed before it stops
}

bool GroupCommitter::submit(std::vector<store::PreparedIndication> group, std::size_t last_line,
                            std::string now) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !job_ || failure_; });
    if (failure_)
        return false;
    job_ = Job{std::move(group), last_line, std::move(now)};
    lock.unlock();
    changed_.notify_all();
    return true;
}

bool GroupCommitter::drain() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !job_; });
    return !failure_;
}

std::optional<Diagnostics> GroupCommitter::failure() const {
    std::lock_guard lock(mutex_);
    return failure_;
}

std::size_t GroupCommitter::committed() const {
    std::lock_guard lock(mutex_);
    return committed_;
}

void GroupCommitter::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [&] { return job_ || stopping_; });
        if (!job_)
            return; // stopping, with nothing left to commit
        // The job stays in job_ while it is committed (submit waits for it to go); the commit
        // itself runs unlocked, so the writer can read `committed` and fill the next group.
        Job& job = *job_;
        lock.unlock();
        auto failed = run_.commit(job.group, job.last_line, job.now);
        std::vector<store::PreparedIndication> done = std::move(job.group);
        lock.lock();
        if (failed)
            failure_ = std::move(*failed);
        else
            committed_ += done.size();
        job_.reset();
        changed_.notify_all();
        // The committed group is freed here, outside the lock and off the writer's thread.
        lock.unlock();
        done = {};
        lock.lock();
    }
}

} // namespace billijk::batch
