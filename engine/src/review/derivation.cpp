#include "review/derivation.hpp"

namespace billijk::review {

namespace {

bool matches(Explanation const* node, std::optional<Quantity> const& value) {
    return node && value && node->value == render(*value);
}

} // namespace

std::string render(Quantity const& q) {
    return q.amount.to_string() + " " + q.unit.to_string();
}

ProvisionAnatomy anatomy(ProvisionResult const& result) {
    ProvisionAnatomy out;
    std::vector<Explanation const*> rest;
    // A period split at a version change has one "part" node per part, each shaped like a whole
    // provision; the first part stands for the derivation (every part uses the same rules).
    Explanation const* root = &result.explanation;
    if (!root->inputs.empty() && root->inputs.front().kind == "part")
        root = &root->inputs.front();
    for (auto const& child : root->inputs) {
        if (child.kind == "refusal")
            out.refusals.push_back(&child);
        else
            rest.push_back(&child);
    }
    // eval/provision.cpp appends the quantity, then for a pgb the rate and the budget, each only
    // when the provision declares it. With all three (or an in-kind quantity alone) the position
    // says which is which; otherwise the reported values do.
    bool const pgb = result.form == "pgb";
    if (pgb && rest.size() == 3) {
        out.quantity = rest[0];
        out.rate = rest[1];
        out.budget = rest[2];
    } else if (!pgb && rest.size() == 1) {
        out.quantity = rest[0];
    } else {
        for (auto const* node : rest) {
            if (matches(node, result.quantity))
                out.quantity = node;
            else if (matches(node, result.rate))
                out.rate = node;
            else if (matches(node, result.budget))
                out.budget = node;
        }
    }
    return out;
}

std::string label(Explanation const& node, io::Language lang) {
    Text const& first = lang == io::Language::nl ? node.label_nl : node.label_en;
    Text const& second = lang == io::Language::nl ? node.label_en : node.label_nl;
    if (!first.empty())
        return first.str();
    if (!second.empty())
        return second.str();
    return node.name.str();
}

std::vector<std::string> derivation_lines(Explanation const& node, io::Language lang) {
    std::vector<std::string> out;
    std::string head = label(node, lang) + ": " + node.value;
    if (!node.cites.empty())
        head += " [" + node.cites + "]";
    out.push_back(std::move(head));
    if (!node.expression.empty()) {
        std::string formula = "= " + node.expression;
        if (!node.formula.empty() && node.formula != node.expression)
            formula += " = " + node.formula;
        out.push_back(std::move(formula));
    }
    for (auto const& input : node.inputs)
        out.push_back("- " + label(input, lang) + ": " + input.value);
    return out;
}

} // namespace billijk::review
