// The in-order end of `billijk batch`: writes each line's output, reports a bad line on stderr
// ("cases.jsonl:12: error[E0904]: client.birth_date: required field is missing"), counts, and
// with --store hands the prepared indications a group at a time to the committer, which stores
// them on its own thread (batch/committer.hpp, store/batch_records.hpp). The output is flushed
// before a group is handed over, so every committed line is in the output file.
//
//   batch::Writer writer(out, name, progress, bytes, total, run_or_null, commit_every, now_fn);
//   writer.write(std::move(result));   // false: stop the run (writer.failure() says why)
//   writer.finish();                   // or, when the run stopped early, writer.settle()
#pragma once

#include "batch/committer.hpp"
#include "batch/line.hpp"
#include "batch/progress.hpp"
#include "batch/reader.hpp"

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace billijk::batch {

struct Counts {
    std::size_t read = 0, indicated = 0, errors = 0;
    std::size_t granted = 0, refused = 0, undetermined = 0; ///< provisions by status
    std::size_t stored = 0;                                 ///< committed to the store
};

/// Why the run stopped: "output" (the output file cannot be written) or "store".
struct Failure {
    std::string kind;
    Diagnostics diagnostics;
};

class Writer {
  public:
    /// `bytes_read` is updated by the reader thread (for the progress line), `total_bytes` is
    /// the input's size (0: unknown); `run` is null without --store.
    Writer(std::FILE* out, std::string input_name, Progress& progress,
           std::atomic<std::uint64_t> const& bytes_read, std::uint64_t total_bytes,
           store::BatchRun* run, std::size_t commit_every, std::function<std::string()> now)
        : out_(out), input_name_(std::move(input_name)), progress_(progress),
          bytes_read_(bytes_read), total_bytes_(total_bytes), run_(run),
          commit_every_(commit_every < 1 ? 1 : commit_every), now_(std::move(now)) {
        if (run_ != nullptr)
            committer_.emplace(*run_);
    }

    bool write(LineResult&& result);
    /// Commits the last group and marks the run finished (with --store); flushes the output.
    bool finish();
    /// When the run stopped early: waits until the group handed over last is committed (or
    /// refused), so that the run record and the counts are final. False when a commit failed.
    bool settle();

    Counts const& counts() const { return counts_; }
    std::optional<Failure> const& failure() const { return failure_; }
    std::size_t last_line() const { return last_line_; }

  private:
    bool commit();
    bool flush_output();

    std::FILE* out_;
    std::string input_name_;
    Progress& progress_;
    std::atomic<std::uint64_t> const& bytes_read_;
    std::uint64_t total_bytes_;
    store::BatchRun* run_;
    std::size_t commit_every_;
    std::function<std::string()> now_;
    std::vector<store::PreparedIndication> group_;
    std::size_t last_line_ = 0;
    Counts counts_;
    std::optional<Failure> failure_;
    std::optional<GroupCommitter> committer_; ///< with --store; last: joined first
};

} // namespace billijk::batch
