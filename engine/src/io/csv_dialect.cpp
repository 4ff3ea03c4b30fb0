#include "io/csv_dialect.hpp"

#include <algorithm>

namespace billijk::io {

char csv_separator(std::string_view header_line) {
    // A majority, not a first sight: a table's column name may have a comma of its own
    // ("tarief per etmaal, 2022") between the semicolons a Dutch spreadsheet writes.
    bool quoted = false;
    std::size_t commas = 0, semicolons = 0;
    for (char const c : header_line) {
        if (c == '"')
            quoted = !quoted; // a doubled quote toggles twice: still inside
        else if (!quoted && c == ',')
            ++commas;
        else if (!quoted && c == ';')
            ++semicolons;
    }
    return semicolons > commas ? ';' : ',';
}

char csv_file_separator(std::string_view text) {
    while (!text.empty()) {
        std::size_t const end = std::min(text.find('\n'), text.size());
        std::string_view const line = text.substr(0, end);
        if (line.find_first_not_of(" \t\r") != std::string_view::npos)
            return csv_separator(line);
        text.remove_prefix(std::min(end + 1, text.size()));
    }
    return ',';
}

std::string csv_field(std::string_view value, char separator) {
    if (value.find_first_of(std::string{separator, '"', '\n', '\r'}) == std::string_view::npos)
        return std::string(value);
    std::string out = "\"";
    for (char const c : value) {
        out += c;
        if (c == '"')
            out += '"';
    }
    out += '"';
    return out;
}

std::string spreadsheet_decimal(std::string_view amount, char separator) {
    std::string text(amount);
    if (separator == ';')
        std::replace(text.begin(), std::find(text.begin(), text.end(), ' '), '.', ',');
    return text;
}

std::string inert_in_spreadsheet(std::string_view text) {
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
        return "'" + std::string(text);
    return std::string(text);
}

std::optional<std::string> rewritten_date(std::string_view cell) {
    auto digits = [&](std::size_t& i, std::size_t most) {
        std::size_t const from = i;
        while (i < cell.size() && i - from < most && cell[i] >= '0' && cell[i] <= '9')
            ++i;
        return i > from;
    };
    std::size_t i = 0;
    if (!digits(i, 2) || i >= cell.size())
        return std::nullopt;
    char const sep = cell[i++];
    if ((sep != '-' && sep != '/' && sep != '.') || !digits(i, 2) || i >= cell.size() ||
        cell[i++] != sep)
        return std::nullopt;
    std::size_t const year = i;
    if (!digits(i, 4) || i - year != 4 || i != cell.size())
        return std::nullopt;
    return "a date written day-month-year, as a spreadsheet re-writes the dates it recognises; "
           "write dates as YYYY-MM-DD (format the column as text)";
}

std::optional<std::string> ambiguous_decimal(std::string_view cell, char separator) {
    if (separator != ';' || cell.find('.') == std::string_view::npos)
        return std::nullopt;
    return "'" + std::string(cell) +
           "': in a file with semicolons between fields a decimal is written with a comma "
           "(16,00) and without a thousands separator; a point is ambiguous (1.234 is 1234 "
           "in Dutch)";
}

std::string decimal_text(std::string_view cell, char separator) {
    std::string text(cell);
    // Only one comma is a decimal comma: "1,234,56" is left as it is, so that the contract's
    // reader refuses it in the form the file has it.
    if (separator == ';' && std::count(text.begin(), text.end(), ',') == 1)
        std::replace(text.begin(), text.end(), ',', '.');
    return text;
}

} // namespace billijk::io
