// Which rules changed a value: compare the derivations of one provision under the base and the
// draft and return the deepest nodes whose value differs.
//
//   auto why = impact::changed_rules(before.explanation, after.explanation);
//
// The roots (the provision nodes) are always compared input by input, so a provision granted
// under both still shows why its rate changed. Two nodes correspond when they have the same kind
// and name (the n-th occurrence matching the n-th). Where a node's value differs, its corresponding
// inputs are compared in turn; a node whose value differs while no corresponding input differs is
// where the change comes from (its rule was redefined, or it now uses other inputs). Each (name,
// before, after) is reported once, in the order of the base derivation.
#pragma once

#include "billijk/indication.hpp"
#include "impact/model.hpp"

#include <vector>

namespace billijk::impact {

std::vector<RuleChange> changed_rules(Explanation const& before, Explanation const& after);

} // namespace billijk::impact
