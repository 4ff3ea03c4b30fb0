// A small RFC 4180 CSV splitter: fields separated by commas, optionally in double quotes (a
// quote inside a quoted field is doubled). Records end at a line break outside quotes. Used for
// reading proposed decisions (decision_csv) and published tables (tables/published_table); fields
// are written by io::csv_field.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace billijk::review {

struct CsvRecord {
    std::size_t line = 0; ///< 1-based line where the record starts
    std::vector<std::string> fields;
};

struct CsvParse {
    std::vector<CsvRecord> records; ///< blank lines are skipped
    std::optional<std::size_t> unterminated_quote_line;
};

/// Fields are separated by `separator`: ',' or, as a spreadsheet in a Dutch locale writes CSV,
/// ';' (io/csv_dialect.hpp).
CsvParse split_csv(std::string_view text, char separator = ',');

} // namespace billijk::review
