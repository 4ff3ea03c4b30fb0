#include "review/report_format.hpp"

namespace billijk::review {

std::vector<EqualCaseGroup const*> unequal_groups(Report const& report) {
    std::vector<EqualCaseGroup const*> out;
    for (auto const& g : report.groups)
        if (g.budgets_differ)
            out.push_back(&g);
    return out;
}

std::string decision_name(ReviewedDecision const& d) {
    return d.decision_id + " (case " + d.case_id + ", line " + std::to_string(d.line) + ")";
}

} // namespace billijk::review
