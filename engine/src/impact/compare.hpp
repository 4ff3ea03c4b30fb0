// One case under the base and the draft: one ProvisionImpact per request, with before → after,
// the yearly budget change and the rules whose value changed.
//
//   auto before = indicate(base, the_case, options);
//   auto after = indicate(draft, the_case, options);
//   auto rows = impact::compare_case(the_case, "case.json", before, after, sources);
//
// An indication that failed (e.g. no package valid on the date) is the outcome "error" for
// every request of the case, with the diagnostics as text: that the draft makes a case
// computable, or no longer computable, is part of its impact.
#pragma once

#include "billijk/engine.hpp"
#include "impact/model.hpp"

#include <string>
#include <vector>

namespace billijk::impact {

std::vector<ProvisionImpact> compare_case(Case const& the_case, std::string const& source,
                                          Result<Indication> const& before,
                                          Result<Indication> const& after,
                                          SourceSet const& sources);

/// "granted", "refused", "undetermined".
std::string status_name(Status status);

} // namespace billijk::impact
