// A grant whose period crosses a version change is split at the change, and each part is priced
// under the versions valid in it (docs/rule-language.md, "Periods that cross a change").
//
// evaluate_part (provision.cpp) evaluates one request over one period, taking every versioned
// value (parameter and table versions, plugin tariff rows) on the period's first day, and
// reports the dates on which a value it read starts or stops applying. evaluate_request splits
// the period at those dates that fall inside it and evaluates each part again, until no part
// contains a change; one part gives the result as before, several give a result with `parts`.
//
//   auto part = eval::evaluate_part(program, root, case_with_period, 0);  // Result<PartResult>
//   part.value().change_dates;                                             // {2024-03-01, ...}
#pragma once

#include "billijk/case.hpp"
#include "billijk/indication.hpp"
#include "billijk/result.hpp"
#include "sema/ir.hpp"

#include <set>
#include <string_view>

namespace billijk::eval {

struct PartResult {
    ProvisionResult result;
    std::set<Date> change_dates;
};

/// `explain` false: the same values, no explanation nodes (IndicateOptions::explain).
Result<PartResult> evaluate_part(sema::Program const& program, sema::PackageId root,
                                 Case const& the_case, std::size_t index, bool explain = true);

/// "granted", "refused", "undetermined".
std::string_view status_text(Status s);

/// The combined result of the parts, in date order (at least two): the status is refused when a
/// part is refused, else undetermined when one is, else granted; an amount is reported for the
/// whole period when every part has the same one, and a budget in eur (an amount for the part,
/// not per time unit) as the sum of the parts; every part keeps its own amounts and derivation.
ProvisionResult combine_parts(std::vector<ProvisionResult> parts, Period whole);

} // namespace billijk::eval
