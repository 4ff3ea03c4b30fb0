// One request of a case against its municipal package: the facts read per their declared
// types (facts.cpp), then the provision's refusals and outputs evaluated (provision.cpp).
//
//   auto facts = eval::convert_facts(program, root, request, 0);     // Result<FactValues>
//   auto result = eval::evaluate_request(program, root, the_case, 0);  // split.cpp
//
// Errors (an undeclared fact, a fact of the wrong type, an unknown provision, an amount without
// a finite decimal expansion) are diagnostics naming the JSON path or the rule; missing inputs
// are not errors but make values undetermined.
#pragma once

#include "billijk/case.hpp"
#include "billijk/indication.hpp"
#include "billijk/result.hpp"
#include "eval/evaluator.hpp"
#include "sema/ir.hpp"

#include <string>

namespace billijk::eval {

/// The request's facts as values of their declared types. The values view the request's texts
/// and the program's enumeration names (sema::OptionalText::borrow): read them while both live.
Result<FactValues> convert_facts(sema::Program const& program, sema::PackageId root,
                                 Request const& request, std::size_t index);

/// Evaluates request `index` over the case's period, split at version changes (eval/split.hpp).
/// `explain` false: the same values without explanation nodes (IndicateOptions::explain).
Result<ProvisionResult> evaluate_request(sema::Program const& program, sema::PackageId root,
                                         Case const& the_case, std::size_t index,
                                         bool explain = true);

} // namespace billijk::eval
