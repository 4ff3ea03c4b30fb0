// A compact unified diff of two texts, line by line (longest common subsequence), with one line
// of context and at most `max_lines` lines of output.
//
//   golden::unified_diff(old_text, new_text, "expected.en.txt", "actual", 40)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace billijk::golden {

/// Empty when the texts are equal. Texts of more than 4000 lines are compared as wholes.
std::string unified_diff(std::string_view expected, std::string_view actual,
                         std::string const& from, std::string const& to, std::size_t max_lines);

} // namespace billijk::golden
