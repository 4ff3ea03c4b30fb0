// The results of `billijk batch` as CSV (`--out RESULTS.csv`, docs/batch.md, "Output as CSV"):
// for the back office that handed in a spreadsheet and wants one back. One row per provision of
// an indicated line, one row per line that gave no indication, in input order; the columns are
// fixed, so every run's file has the same shape. The separator is the input CSV's (io/
// csv_dialect.hpp): with semicolons, amounts have a decimal comma, as a spreadsheet in a Dutch
// locale reads them. The JSON Lines output stays the complete record (explanations, reasons'
// citations, the rule packages); this is the summary of it.
//
//   std::string head = batch::result_csv_header(';');
//   std::string rows = batch::result_csv_rows(line, indication, ';');   // no final line break
#pragma once

#include "billijk/diagnostic.hpp"
#include "billijk/indication.hpp"

#include <string>
#include <vector>

namespace billijk::batch {

/// The header line: line, case_id, provision, status, form, the amounts and units, the period,
/// the reasons, the fingerprint and the errors. Without a line break.
std::string result_csv_header(char separator);

/// The rows of an indicated input line, one per provision, separated by '\n' (none after the
/// last). An indication without provisions gives one row with the line and case id alone.
std::string result_csv_rows(std::size_t line, Indication const& indication, char separator);

/// The row of an input line that gave no indication: the line and its errors ("E0909
/// client.birth_date: …", separated by " | ").
std::string error_csv_row(std::size_t line, std::vector<Diagnostic> const& problems,
                          char separator);

} // namespace billijk::batch
