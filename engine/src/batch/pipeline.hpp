// The ordered pipeline of `billijk batch`: one reader thread, N worker threads and the calling
// thread as the in-order writer. At most `window` records are between being read and being
// written, so memory is bounded whatever the input's size; results reach the writer in input
// order, so the output is the same whatever N is. Records are handed between the threads in
// chunks (up to 32, at most a sixteenth of the window): a chunk is read whole before it is
// worked on, so from a slow pipe results appear a chunk at a time.
//
//   batch::run_ordered(read_next, process, write, {.threads = 4, .window = 256});
#pragma once

#include "batch/reader.hpp"

#include <functional>
#include <optional>

namespace billijk::batch {

struct PipelineOptions {
    unsigned threads = 1;     ///< worker threads (at least 1)
    std::size_t window = 256; ///< records in flight at most (read, not yet written)
};

/// Runs the pipeline. `read` is called on the reader thread only; `process` on the workers (it
/// must be safe to call concurrently); `write` on the calling thread, in input order. When
/// `write` returns false the run stops: nothing more is read, work in flight is discarded.
/// Returns false when it stopped that way.
template <typename Out>
bool run_ordered(std::function<std::optional<InputRecord>()> const& read,
                 std::function<Out(InputRecord const&)> const& process,
                 std::function<bool(Out&&)> const& write, PipelineOptions const& options);

} // namespace billijk::batch

#include "batch/pipeline_impl.hpp"
