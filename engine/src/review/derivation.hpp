// Reading a provision's explanation tree (billijk.indication/1, docs/indication-format.md) for
// the review: which child derives the quantity, the rate and the budget, and the few lines that
// explain one value — the node itself, its formula and the values it was computed from — rather
// than the whole tree.
#pragma once

#include "billijk/indication.hpp"
#include "io/explain_text.hpp"

#include <string>
#include <vector>

namespace billijk::review {

/// The parts of ProvisionResult::explanation: the refusals checked, then the quantity, rate and
/// budget derivations (those the provision declares and evaluated). A part the review cannot
/// tell apart is left null.
struct ProvisionAnatomy {
    std::vector<Explanation const*> refusals;
    Explanation const* quantity = nullptr;
    Explanation const* rate = nullptr;
    Explanation const* budget = nullptr;
};

ProvisionAnatomy anatomy(ProvisionResult const& result);

/// "16.00 eur/hour": how an amount is written in explanations and reports.
std::string render(Quantity const& q);

/// The label of a node in the language, else the other language's, else its name.
std::string label(Explanation const& node, io::Language lang);

/// Lines explaining one node: "label: value [cites]", then "= expression = formula" when it has
/// one, then "- label: value" for each value it was computed from (one level, no deeper).
std::vector<std::string> derivation_lines(Explanation const& node, io::Language lang);

} // namespace billijk::review
