// The impact report writers: text for the terminal, JSON (billijk.impact/1, sorted keys) for
// tools, CSV (one row per case and provision) for spreadsheets, and one self-contained HTML file
// with inline SVG charts that opens offline. Same report, same bytes: no clock, no paths beyond
// those given on the command line.
//
//   std::cout << impact::write_text(report);
#pragma once

#include "impact/model.hpp"

#include <optional>
#include <string>

namespace billijk::impact {

std::string write_text(Report const& report);
std::string write_json(Report const& report);
std::string write_csv(Report const& report);
std::string write_html(Report const& report);

// Shared by the writers (report_common.cpp).

/// "8 hours/week"; "none" when absent.
std::string show(std::optional<Quantity> const& q);
/// "+1664.00", "-2912.00", "0.00".
std::string signed_amount(Decimal const& d);
/// How many rows changed, and how many of those changed status, quantity, rate or budget.
struct Summary {
    int rows = 0, changed = 0, status = 0, quantity = 0, rate = 0, budget = 0, up = 0, down = 0;
    int errors_both = 0; ///< rows that are "error" under both rule sets
};
Summary summarise(Report const& report);
/// One line saying which amount a policy writer still has to watch: e.g. "the draft changes the
/// rate (P) in 12 cases and the quantity (Q) in none: hours are still not normed by it".
std::string pq_sentence(Summary const& s);

} // namespace billijk::impact
