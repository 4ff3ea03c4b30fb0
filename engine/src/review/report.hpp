// The review's result, before it is written as text, JSON, CSV or HTML (report_*.hpp): per
// proposed decision the engine's values and the comparison per field, and, with the equal-case
// audit, the groups of equal cases. The writers only format this; they decide nothing.
#pragma once

#include "review/compare.hpp"
#include "review/equal_cases.hpp"

#include <optional>
#include <string>
#include <vector>

namespace billijk::review {

struct ReviewedDecision {
    std::size_t line = 0;
    std::string decision_id;
    std::string case_id;
    std::string provision;
    std::vector<FieldComparison> fields;
    std::optional<Quantity> decided_budget;
    std::optional<Quantity> engine_budget;

    /// True when any field deviates beyond the tolerance.
    bool has_finding() const;
};

struct Report {
    std::vector<ReviewedDecision> decisions; ///< in file order
    bool equal_case_audit = false;           ///< --equal-cases was asked for
    std::vector<EqualCaseGroup> groups;      ///< groups of equal cases; members index decisions

    std::size_t deviation_count() const; ///< decisions with a finding
    std::size_t unequal_group_count() const;
    bool has_findings() const { return deviation_count() + unequal_group_count() > 0; }
};

} // namespace billijk::review
