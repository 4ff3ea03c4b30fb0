// The byte scan that JSON reading and writing share: where the next byte is that is not plain
// ASCII text (a quote, a backslash, a control character or a byte of a multibyte sequence).
// Whether a multibyte sequence is strict UTF-8 is utf8_sequence (core/utf8.hpp). The writer
// copies the runs between such bytes in one go; the fast parser skips them 16 bytes at a time.
//
//   std::size_t i = first_special(text, 0);   // text.size() when all of it is plain
//   if (i < text.size() && needs_look(text[i])) ...
#pragma once

#include "core/utf8.hpp" // utf8_sequence

#include <cstddef>
#include <string_view>

namespace billijk::io {

/// Does `c` need a look: a control character, '"', '\\' or a byte of a multibyte sequence?
inline bool needs_look(unsigned char c) {
    return c < 0x20 || c >= 0x80 || c == '"' || c == '\\';
}

/// The index of the first byte at or after `from` that may need a look, or text.size() when no
/// byte does. The byte returned is only a candidate: the caller checks it with needs_look and
/// steps over it when it needs nothing.
std::size_t first_special(std::string_view text, std::size_t from);

} // namespace billijk::io
