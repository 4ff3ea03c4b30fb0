// The flat CSV form of a case for `billijk batch` (docs/batch.md, "CSV input"): one case with
// one request per record, the columns named in a header line. Each record becomes the
// billijk.case/1 JSON text (docs/case-format.md), which is then read like any case file, so the
// case contract's checks and messages are the same for both inputs.
//
//   auto columns = batch::CsvColumns::from_header(reader.header());   // B0002 unknown column
//   auto json = columns.value().case_json(record.text);               // B0003 bad record
#pragma once

#include "billijk/result.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace billijk::batch {

/// The fields of one CSV record (RFC 4180: separated by `separator`, "quoted" with "" for a
/// quote); nullopt when a quoted field is not closed.
std::optional<std::vector<std::string>> split_csv_record(std::string_view record,
                                                         char separator = ',');

/// The fixed columns, in the documented order. Besides these, `need_<kind>` (hours of that kind
/// of care, long form of need) and `fact_<name>` (a fact) may appear.
std::vector<std::string> const& csv_case_columns();

class CsvColumns {
  public:
    /// Checks the header: every column known, none twice, the required ones present (B0002).
    /// `separator` is the file's (io/csv_dialect.hpp): with ';' decimals have a decimal comma.
    static Result<CsvColumns> from_header(std::vector<std::string> const& header,
                                          char separator = ',');

    /// The case JSON text of one record; B0003 naming the column when a cell cannot be mapped
    /// (the case contract itself is checked afterwards by io::read_case).
    Result<std::string> case_json(std::string_view record) const;

  private:
    std::vector<std::string> names_;
    char separator_ = ',';
};

} // namespace billijk::batch
