// Proposed decisions as CSV (docs/review-format.md): a header line naming the columns, then one
// decision per line; the case is a billijk.case/1 file named in column case_file (relative to
// the CSV file). Every malformed line is reported with its line number and column.
#pragma once

#include "review/decision.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace billijk::review {

/// The columns a decisions CSV may have, in the documented order.
std::vector<std::string> const& decision_csv_columns();

DecisionFile read_decisions_csv(std::string_view text, std::string const& path);

} // namespace billijk::review
