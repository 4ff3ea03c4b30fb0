// The store's end of `billijk batch --store`: commits the writer's groups of prepared
// indications on a thread of its own, one at a time and in order, while the writer goes on
// writing output lines and filling the next group. The writer's thread was the bottleneck of a
// stored batch, and most of its time was SQLite's (docs/performance.md); with this, the two
// overlap. At most two groups are in memory: the one being committed and the one being filled.
//
//   batch::GroupCommitter committer(run);
//   committer.submit(std::move(group), last_line, now);  // false: an earlier commit failed
//   committer.drain();                                   // false: a commit failed
//   committer.failure();                                 // why (S0103)
#pragma once

#include "store/batch_records.hpp"

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace billijk::batch {

class GroupCommitter {
  public:
    explicit GroupCommitter(store::BatchRun& run);
    /// Waits for the group being committed, then stops the thread.
    ~GroupCommitter();
    GroupCommitter(GroupCommitter const&) = delete;
    GroupCommitter& operator=(GroupCommitter const&) = delete;

    /// Hands over a group that ends with input line `last_line`, waiting while the previous
    /// group is still being committed. False, and the group is not committed, when a commit
    /// failed before: nothing after a failed group is stored.
    bool submit(std::vector<store::PreparedIndication> group, std::size_t last_line,
                std::string now);
    /// Waits until every group handed over is committed or refused; false when a commit failed.
    bool drain();

    /// Why a commit failed (store::BatchRun::commit's diagnostics), after drain or a refused
    /// submit.
    std::optional<Diagnostics> failure() const;
    /// Indications committed so far.
    std::size_t committed() const;

  private:
    struct Job {
        std::vector<store::PreparedIndication> group;
        std::size_t last_line = 0;
        std::string now;
    };
    void run();

    store::BatchRun& run_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::optional<Job> job_; ///< handed over, not yet committed
    bool stopping_ = false;
    std::optional<Diagnostics> failure_;
    std::size_t committed_ = 0;
    std::thread thread_; ///< last: started once the members above exist
};

} // namespace billijk::batch
