// The lexical comment scan; see comments.hpp.
#include "syntax/comments.hpp"

#include "core/utf8.hpp"

namespace billijk::syntax {
namespace {

bool blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/// True if the line that starts at `pos` holds only blanks (or `pos` is past the end).
bool blank_line_at(std::string_view text, std::size_t pos) {
    while (pos < text.size() && text[pos] != '\n') {
        if (!blank(text[pos])) {
            return false;
        }
        ++pos;
    }
    return true;
}

} // namespace

std::vector<Comment> collect_comments(std::string_view text) {
    std::vector<Comment> out;
    std::size_t line_start = 0;
    bool in_string = false;
    for (std::size_t p = 0; p < text.size(); ++p) {
        char const c = text[p];
        if (c == '\n') {
            line_start = p + 1;
            in_string = false; // strings end at the line; the parser reports the rest
        } else if (in_string) {
            if (c == '\\' && p + 1 < text.size() && text[p + 1] != '\n') {
                ++p;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '#') {
            Comment comment;
            comment.begin = static_cast<std::uint32_t>(p);
            std::size_t end = text.find('\n', p);
            std::size_t const next_line = end == std::string_view::npos ? text.size() : end + 1;
            end = end == std::string_view::npos ? text.size() : end;
            while (end > p && blank(text[end - 1])) {
                --end;
            }
            comment.text = std::string(text.substr(p, end - p));
            comment.own_line = true;
            for (std::size_t q = line_start; q < p; ++q) {
                // A byte order mark before the first line's comment counts as blank.
                bool const bom = q == 0 && text.starts_with(utf8_bom);
                if (bom) {
                    q += utf8_bom.size() - 1;
                } else if (!blank(text[q])) {
                    comment.own_line = false;
                    break;
                }
            }
            comment.column = static_cast<std::uint32_t>(p - line_start);
            if (comment.own_line) {
                if (line_start == 0) {
                    comment.blank_before = true;
                } else {
                    std::size_t previous = line_start - 1; // the '\n' ending the previous line
                    while (previous > 0 && text[previous - 1] != '\n') {
                        --previous;
                    }
                    comment.blank_before = blank_line_at(text, previous);
                }
            }
            comment.blank_after = next_line >= text.size() || blank_line_at(text, next_line);
            out.push_back(std::move(comment));
            p = next_line - 1;
            line_start = next_line;
        }
    }
    return out;
}

} // namespace billijk::syntax
