// Reading the published table (tables/published_table.hpp) on top of review's CSV splitter.
#include "tables/published_table.hpp"

#include "core/utf8.hpp"
#include "io/csv_dialect.hpp"
#include "review/csv.hpp"

#include <set>

namespace billijk::tables {

std::string to_text(std::string const& path, TableError const& e) {
    std::string out = path;
    if (e.line > 0)
        out += ":" + std::to_string(e.line);
    out += ": error: ";
    if (e.column > 0) {
        out += "column " + std::to_string(e.column);
        if (!e.column_name.empty())
            out += " (" + e.column_name + ")";
        out += ": ";
    }
    return out + e.message;
}

namespace {

/// Blanks every line that starts with '#', keeping the line breaks so that line numbers stay.
std::string without_comments(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool line_start = true, comment = false;
    for (char c : text) {
        if (line_start)
            comment = c == '#';
        line_start = c == '\n';
        if (!comment || c == '\n')
            out += c;
    }
    return out;
}

std::string trim(std::string const& s) {
    auto const first = s.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

} // namespace

ReadTable read_published_table(std::string_view text) {
    ReadTable out;
    std::string const body = without_comments(without_bom(text));
    // Semicolons when a spreadsheet in a Dutch locale saved it; amounts are read with either
    // decimal separator anyway (tables/amount.hpp).
    char const separator = io::csv_file_separator(body);
    auto const csv = review::split_csv(body, separator);
    if (csv.unterminated_quote_line) {
        out.errors.push_back({*csv.unterminated_quote_line, 0, {}, "unterminated quote"});
        return out;
    }
    if (csv.records.empty()) {
        out.errors.push_back({0, 0, {}, "empty table: no header row"});
        return out;
    }
    PublishedTable table;
    table.separator = separator;
    table.header_line = csv.records.front().line;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < csv.records.front().fields.size(); ++i) {
        auto name = trim(csv.records.front().fields[i]);
        if (auto why = not_utf8(name, csv_utf8_advice))
            out.errors.push_back({table.header_line, i + 1, {}, "the column name " + *why});
        else if (name.empty())
            out.errors.push_back({table.header_line, i + 1, {}, "empty column name"});
        else if (!seen.insert(name).second)
            out.errors.push_back({table.header_line, i + 1, name, "duplicate column name"});
        table.header.push_back(std::move(name));
    }
    for (std::size_t r = 1; r < csv.records.size(); ++r) {
        auto const& record = csv.records[r];
        if (record.fields.size() != table.header.size()) {
            out.errors.push_back({record.line,
                                  0,
                                  {},
                                  std::to_string(record.fields.size()) +
                                      " fields, but the header has " +
                                      std::to_string(table.header.size()) + " columns"});
            continue;
        }
        TableRow row{record.line, {}};
        for (auto const& field : record.fields)
            row.cells.push_back(trim(field));
        // Labels and values are written into the report, which must be UTF-8 (JSON).
        for (std::size_t k = 0; k < row.cells.size(); ++k)
            if (auto why = not_utf8(row.cells[k], csv_utf8_advice))
                out.errors.push_back({record.line, k + 1,
                                      // A header name that is not UTF-8 has its own error.
                                      first_invalid_utf8(table.header[k]) == table.header[k].size()
                                          ? table.header[k]
                                          : std::string(),
                                      *why});
        table.rows.push_back(std::move(row));
    }
    if (out.errors.empty() && table.rows.empty())
        out.errors.push_back({table.header_line, 0, {}, "the table has a header but no rows"});
    if (out.errors.empty())
        out.table = std::move(table);
    return out;
}

} // namespace billijk::tables
