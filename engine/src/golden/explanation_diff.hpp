// Which nodes of two explanation trees differ. Nodes are matched by kind and name among their
// siblings (the n-th "rule hourly_rate" with the n-th), so a changed formula is reported as one
// changed node, a new parameter as one added node, not as a wall of text.
//
//   auto changes = golden::diff_explanation("begeleiding_individueel", old_tree, new_tree);
//   // changed  budget > hourly_rate   rule hourly_rate [barendrecht.jeugd]
//   //          value: 27.00 eur/hour → 25.00 eur/hour
#pragma once

#include "golden/verdict.hpp"

#include <nlohmann/json.hpp>

namespace billijk::golden {

/// The differences between two explanation trees (the "explanation" of a provision).
std::vector<NodeChange> diff_explanation(std::string const& provision,
                                         nlohmann::json const& expected,
                                         nlohmann::json const& actual);

/// The explanation differences of every provision the two indications share.
std::vector<NodeChange> diff_explanations(nlohmann::json const& expected,
                                          nlohmann::json const& actual);

} // namespace billijk::golden
