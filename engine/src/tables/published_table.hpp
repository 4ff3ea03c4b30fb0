// A published table as CSV (docs/tables-verify.md, "The table file"): a header row naming the
// columns, then one row per published value. Lines starting with '#' are comments (a source
// citation); blank lines are skipped. Fields follow RFC 4180 (commas, double quotes).
//
//   auto read = tables::read_published_table(text);
//   if (!read.errors.empty()) for (auto& e : read.errors) std::cerr << to_text("t.csv", e);
//   read.table->header;   // {"request.provider", "published"}
//
// Problems are values naming the line and, where there is one, the column (number and header).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace billijk::tables {

struct TableError {
    std::size_t line = 0;    ///< 1-based
    std::size_t column = 0;  ///< 1-based; 0 = the whole line (or file)
    std::string column_name; ///< the header of `column`, when known
    std::string message;
};

/// "t.csv:7: error: column 3 (published): '5.32x' is not an amount: …" (no line for line 0).
std::string to_text(std::string const& path, TableError const& error);

struct TableRow {
    std::size_t line = 0;
    std::vector<std::string> cells; ///< as many as the header has columns, trimmed
};

struct PublishedTable {
    std::vector<std::string> header;
    std::size_t header_line = 0;
    /// ',' or, as a spreadsheet in a Dutch locale saves CSV, ';' (io/csv_dialect.hpp): the
    /// dialect the CSV report is written in.
    char separator = ',';
    std::vector<TableRow> rows;
};

struct ReadTable {
    std::optional<PublishedTable> table; ///< absent when errors is not empty
    std::vector<TableError> errors;
};

ReadTable read_published_table(std::string_view text);

} // namespace billijk::tables
