// Whether text is strict UTF-8. Everything Billijk writes is UTF-8 (JSON, text), so text from
// outside that does not go through the JSON parser is checked where it is read: rule files (the
// parser), CSV cases (`batch`), CSV decisions (`review`), published tables (`tables verify`). A
// file in another encoding, e.g. saved as Windows-1252, is refused with its line and column
// instead of failing, or being altered, later when it is written out.
//
//   if (auto why = not_utf8(cell, csv_utf8_advice)) error(column, *why);
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace billijk {

/// The length of the UTF-8 sequence (2 to 4 bytes) that starts at `i` with a byte >= 0x80, or 0
/// when it is not strict UTF-8 as nlohmann decodes it (RFC 3629): no overlong forms, no
/// surrogates, at most U+10FFFF.
std::size_t utf8_sequence(std::string_view text, std::size_t i);

/// The index of the first byte that does not start a strict UTF-8 sequence (ASCII or
/// utf8_sequence), or text.size() when all of `text` is UTF-8.
std::size_t first_invalid_utf8(std::string_view text);

/// The UTF-8 byte order mark (U+FEFF): Windows editors, and spreadsheets saving "CSV UTF-8", write
/// it before the text. It is not part of the text: every reader of a file skips it.
inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

/// `text` without a leading byte order mark.
inline std::string_view without_bom(std::string_view text) {
    return text.starts_with(utf8_bom) ? text.substr(utf8_bom.size()) : text;
}

/// What to do about a CSV file that is not UTF-8: spreadsheets save CSV in the system's encoding
/// (often Windows-1252) unless told otherwise.
inline constexpr std::string_view csv_utf8_advice =
    "save the file as UTF-8 (a spreadsheet's \"CSV UTF-8\")";

/// When `text` is not UTF-8: "is not UTF-8 text (byte 0xE9 at position 4); <advice>". Positions
/// count bytes from 1.
std::optional<std::string> not_utf8(std::string_view text, std::string_view advice);

/// Appends `byte` as two uppercase hex digits ("E9"): how every message names a byte that is
/// not UTF-8.
void append_hex_byte(std::string& out, unsigned char byte);

/// `text` with every byte that starts no UTF-8 sequence written as "\\xE9": for names from the
/// file system, which need not be UTF-8, where they are kept in JSON (a batch run's input, a
/// review's decisions file). UTF-8 text is returned unchanged.
std::string utf8_display(std::string_view text);

} // namespace billijk
