// An impact run: indicate every case under the base and the draft rule set and collect the
// report (model.hpp). Pure: no I/O; the caller reads the cases and loads the rule sets.
//
//   std::vector<impact::CaseInput> cases = ...;   // parsed cases with where they came from
//   auto report = impact::run_impact(base, draft, cases, date, sources);
#pragma once

#include "billijk/engine.hpp"
#include "impact/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace billijk::impact {

struct CaseInput {
    std::string source; ///< the case file as given, or "store:indication N"
    Case the_case;
};

/// `date`: the reference date for both rule sets; none: each case's decision date.
/// Fails only when a total overflows (E1101).
Result<Report> run_impact(RuleSet const& base, RuleSet const& draft,
                          std::vector<CaseInput> const& cases, std::optional<Date> date,
                          SourceSet const& sources);

} // namespace billijk::impact
