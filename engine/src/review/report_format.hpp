// The four renderings of a review Report. Each is a pure function of the report: the same
// report always gives the same bytes (no clock, no locale; JSON keys sorted). Only groups of
// equal cases whose decided budgets differ are written — they are the audit's findings.
//
//   text  report_text.cpp  for reading in a terminal
//   json  report_json.cpp  billijk.review/1 (docs/review-format.md)
//   csv   report_csv.cpp   one row per compared field that is not equal, then per group member
//   html  report_html.cpp  one self-contained page for the committee meeting (no network)
#pragma once

#include "review/report.hpp"

#include <string>

namespace billijk::review {

std::string write_report_text(Report const& report);
std::string write_report_json(Report const& report);
/// With `separator` ';' the dialect of a spreadsheet in a Dutch locale, as the decisions file of
/// the review was written: semicolons between fields, decimal commas in the amounts.
std::string write_report_csv(Report const& report, char separator = ',');
std::string write_report_html(Report const& report);

/// The equal-case groups that are findings (budgets differ), in report order.
std::vector<EqualCaseGroup const*> unequal_groups(Report const& report);

/// "D-1 (case BAR-1, line 3)": how a decision is named in every rendering.
std::string decision_name(ReviewedDecision const& d);

} // namespace billijk::review
