// The formatter's safety net: is a formatted text a faithful, stable layout of the original?
//
// `billijk fmt` runs it before it writes a file (a policy writer's file is never replaced by
// one that means something else or has lost a comment); the round-trip property test and the
// parser fuzzer assert it. Faithful: the formatted text parses to the same tree (compared as
// the flat `print` of both trees, which shows every field but the spans) and holds the same
// comments in the same order. Stable: formatting it again changes nothing.
//
//   std::string out = syntax::format(file, text);
//   if (auto problem = syntax::check_formatted(file, text, out)) abort_with(*problem);
#pragma once

#include "syntax/tree.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace billijk::syntax {

/// Nothing if `formatted` (format's output for `original`, parsed from `original_text`) is
/// faithful and stable; otherwise what is wrong, for an internal-error message.
std::optional<std::string> check_formatted(File const& original, std::string_view original_text,
                                           std::string const& formatted);

} // namespace billijk::syntax
