// The two CSV dialects Billijk reads (`batch` cases, `review` decisions, `tables verify`
// tables): commas between fields and a decimal point ("16.00"), and what a spreadsheet in a
// Dutch locale saves as CSV: semicolons between fields and a decimal comma ("16,00"), because
// there the comma is the decimal separator. The header line tells them apart.
//
//   char const separator = io::csv_separator(header_line);             // ',' or ';'
//   if (auto why = io::ambiguous_decimal(cell, separator)) error(column, *why);
//   std::string amount = io::decimal_text(cell, separator);            // "16,00" -> "16.00"
//   out += io::spreadsheet_decimal("6656.00", separator);              // "6656,00" with ';'
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace billijk::io {

/// The field separator of a CSV file, from its header line: ';' when the line has more
/// semicolons than commas outside double quotes, ',' otherwise.
char csv_separator(std::string_view header_line);

/// csv_separator of the first line of `text` that is not blank (the header of a whole file).
char csv_file_separator(std::string_view text);

/// Why a decimal cell cannot be read in a file with `separator`: in a semicolon-separated file a
/// point, because in Dutch it separates thousands ("1.234,00"), so "1.234" could be 1234 or
/// 1.234. Nothing for a comma-separated file, or a cell without a point.
std::optional<std::string> ambiguous_decimal(std::string_view cell, char separator);

/// A decimal cell as the contracts write decimals: in a semicolon-separated file its decimal
/// comma becomes a point ("16,00" -> "16.00"); otherwise the cell as it is. Whether the result is
/// a decimal is for the contract's reader to say.
std::string decimal_text(std::string_view cell, char separator);

/// A decimal written for a spreadsheet that reads `separator`-separated CSV: with ';' the decimal
/// point of its first word becomes a comma ("6656.00" -> "6656,00", "30.00 eur/hour" ->
/// "30,00 eur/hour"); otherwise the text as it is. The inverse of decimal_text, for output.
std::string spreadsheet_decimal(std::string_view amount, char separator);

/// One field for a CSV file with `separator`: in double quotes (a quote inside doubled) when it
/// holds the separator, a quote or a line break.
std::string csv_field(std::string_view value, char separator = ',');

/// A text from the input (a case id, a decision id, a label) as a CSV cell a spreadsheet shows
/// and does not evaluate: one that begins like a formula (= + - @, a tab or a carriage return)
/// gets an apostrophe before it, as OWASP advises against CSV injection. Only for texts: a
/// negative amount keeps its sign.
std::string inert_in_spreadsheet(std::string_view text);

/// Why `cell` is not read as a date: it is D-M-YYYY (or with '/' or '.'), as a spreadsheet
/// re-writes the dates it recognises when it saves CSV. It is not turned round, because whether
/// 1-6-2017 is in June or January depends on the spreadsheet's locale. Nothing for other cells.
std::optional<std::string> rewritten_date(std::string_view cell);

} // namespace billijk::io
