// What the rules read about a client's need and situation, taken from one provision's
// explanation (docs/committee.md, "Equal cases"). Two decisions with the same profile are equal
// cases: the review expects them to get equal budgets.
//
// Definitions, on the explanation tree of one provision:
// - the *price derivation* is the rate's derivation (ProvisionAnatomy::rate), wherever it occurs
//   in the tree (the budget derivation reuses it);
// - the *non-need inputs* are `request.rate` (the rate the family asked) and every case input or
//   fact that is read only inside the price derivation (e.g. `request.provider` where the rules
//   use it only to choose which maximum rate applies);
// - a node is *need-only* when its subtree reads no non-need input and contains no part of the
//   price derivation;
// - the *need key* is the sorted set of `name = value` of the highest need-only nodes below the
//   provision (the refusals checked, the hours above customary care, ...): the values the rules
//   derived from need inputs alone. Leaves are compared where nothing above them is need-only.
#pragma once

#include "billijk/indication.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace billijk::review {

struct NeedItem {
    std::string name;
    std::string value;
    friend auto operator<=>(NeedItem const&, NeedItem const&) = default;
};

struct NeedProfile {
    std::vector<NeedItem> key; ///< sorted, without duplicates
    /// Every input of the price derivation and request.rate: name → value (first occurrence).
    /// Constants of the price derivation (parameters, tariffs) are listed too, so a change of
    /// tariff shows as a driver.
    std::map<std::string, std::string> price_inputs;
    /// The names in price_inputs that are case inputs or facts (the others are constants).
    std::set<std::string> case_inputs;
};

NeedProfile need_profile(ProvisionResult const& result);

} // namespace billijk::review
