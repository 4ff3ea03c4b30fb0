// Whether text from outside is UTF-8, for the readers that do not go through a JSON parser (CSV
// cases for `batch`, CSV decisions for `review`). Everything Billijk writes is UTF-8 JSON or text;
// a cell in another encoding, e.g. a spreadsheet saved as Windows-1252, is refused where it is
// read, with its line and column, instead of failing later when it is written out.
//
//   if (auto why = io::not_utf8(cell)) error(column, *why);
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace billijk::io {

/// The index of the first byte that does not start a strict UTF-8 sequence (io::utf8_sequence:
/// RFC 3629, as nlohmann decodes it), or text.size() when all of `text` is UTF-8.
std::size_t first_invalid_utf8(std::string_view text);

/// When `text` is not UTF-8: "is not UTF-8 text (byte 0xE9 at position 4); save the file as
/// UTF-8 (a spreadsheet's \"CSV UTF-8\")". Positions count bytes from 1.
std::optional<std::string> not_utf8(std::string_view text);

} // namespace billijk::io
