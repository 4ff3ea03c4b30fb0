#include "review/report.hpp"

#include <algorithm>

namespace billijk::review {

bool ReviewedDecision::has_finding() const {
    return std::any_of(fields.begin(), fields.end(),
                       [](FieldComparison const& f) { return f.verdict == Verdict::deviation; });
}

std::size_t Report::deviation_count() const {
    return static_cast<std::size_t>(
        std::count_if(decisions.begin(), decisions.end(),
                      [](ReviewedDecision const& d) { return d.has_finding(); }));
}

std::size_t Report::unequal_group_count() const {
    return static_cast<std::size_t>(std::count_if(
        groups.begin(), groups.end(), [](EqualCaseGroup const& g) { return g.budgets_differ; }));
}

} // namespace billijk::review
