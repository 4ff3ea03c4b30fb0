// The byte scans that JSON reading and writing share: where the next byte is that is not plain
// ASCII text (a quote, a backslash, a control character or a byte of a multibyte sequence), and
// whether a multibyte sequence is strict UTF-8. The writer copies the runs between such bytes
// in one go; the fast parser skips them 16 bytes at a time.
//
//   std::size_t i = first_special(text, 0);   // text.size() when all of it is plain
//   if (i < text.size() && needs_look(text[i])) ...
#pragma once

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

/// The length of the UTF-8 sequence (2 to 4 bytes) that starts at `i` with a byte >= 0x80, or 0
/// when it is not strict UTF-8 as nlohmann decodes it (RFC 3629): no overlong forms, no
/// surrogates, at most U+10FFFF.
std::size_t utf8_sequence(std::string_view text, std::size_t i);

} // namespace billijk::io
