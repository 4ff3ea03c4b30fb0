// Reads a review report back from its JSON (billijk.review/1, report_json.cpp), so that a review
// kept in the store can be shown again as text, CSV or HTML years later, exactly as the committee
// saw it then (`billijk review --show N`, docs/store.md).
//
// The JSON holds everything the renderings print, with one exception: of the groups of equal
// cases it keeps only the unequal ones (the findings) and the number of all groups. The report
// read back has that many groups; those that were not findings are empty.
//
//   auto report = review::read_report_json(stored_bytes);
//   if (report) std::cout << review::write_report_text(report.value());
//
// A malformed report (not JSON, another schema, a field missing or of the wrong type) is an
// S0114 diagnostic that names the field: "decisions[2].fields[0].verdict: expected one of ...".
// The id is the store's (docs/store.md): the store is where reports are read back from.
#pragma once

#include "billijk/result.hpp"
#include "review/report.hpp"

#include <string_view>

namespace billijk::review {

Result<Report> read_report_json(std::string_view json_text);

} // namespace billijk::review
