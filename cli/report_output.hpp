// Where a command's report goes: the file named by --output, or stdout. A file is written
// beside its target and renamed into place, so that a failed run never leaves half a report
// where the last good one was.
//
//   if (!emit_report(args, text)) return exit_bad_input;   // "FILE: error: cannot write ..."
#pragma once

#include "args.hpp"

#include <string>

namespace billijk::cli {

/// Writes `text` to `path` through a temporary file beside it; false when that fails.
bool write_output(std::string const& path, std::string const& text);

/// Prints `text` to --output or stdout; false (after saying so on stderr) when the file cannot
/// be written.
bool emit_report(Args const& args, std::string const& text);

} // namespace billijk::cli
