// Joining a few pieces of text into one string with a single allocation: `"need(" + kind + ")"`
// makes a temporary string per `+` and may grow each, and an explained indication builds
// dozens of such names and notes.
//
//   std::string name = eval::concat({"need(", kind, ")"});
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace billijk::eval {

inline std::string concat(std::initializer_list<std::string_view> pieces) {
    std::size_t size = 0;
    for (auto piece : pieces)
        size += piece.size();
    std::string out;
    out.reserve(size);
    for (auto piece : pieces)
        out += piece;
    return out;
}

} // namespace billijk::eval
