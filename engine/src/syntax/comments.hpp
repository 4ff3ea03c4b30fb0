// The comments of a rule file, found by a lexical scan of its text.
//
// Comments ('#' to the end of the line) are not part of the syntax tree: the grammar skips them
// like blanks. The formatter (printer.hpp, `format`) needs them back, with enough of their
// surroundings to put them where the policy writer left them: whether the comment has a line of
// its own, and whether a blank line comes before or after it. A '#' inside a string is no
// comment.
//
//   for (Comment const& c : collect_comments(text)) ... c.text == "# Art. 2.3.6 lid 2"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace billijk::syntax {

struct Comment {
    std::uint32_t begin = 0;   ///< offset of the '#'
    std::string text;          ///< from '#' to the end of the line, trailing blanks removed
    std::uint32_t column = 0;  ///< blanks before the '#' on its line (own-line comments)
    bool own_line = false;     ///< nothing but blanks before it on its line
    bool blank_before = false; ///< own-line, and the line before it is blank (or absent)
    bool blank_after = false;  ///< the line after it is blank (or absent)
};

/// Every comment of `text`, in order.
std::vector<Comment> collect_comments(std::string_view text);

} // namespace billijk::syntax
