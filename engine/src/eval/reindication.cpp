// Old versus new per field (eval/reindication.hpp).
#include "eval/reindication.hpp"

namespace billijk::eval {

namespace {

std::optional<Quantity> difference(std::optional<Quantity> const& from,
                                   std::optional<Quantity> const& to) {
    if (!from || !to || !(from->unit == to->unit))
        return std::nullopt;
    auto d = sub(to->amount, from->amount);
    if (!d.value)
        return std::nullopt; // overflow: the two values are still shown
    return Quantity{*d.value, to->unit};
}

} // namespace

void compare_with_previous(ProvisionResult& result, PreviousIndication const& previous) {
    result.previous = previous;
    auto compare = [&](char const* field, std::optional<Quantity> const& from,
                       std::optional<Quantity> const& to) {
        if (!from)
            return; // the previous indication did not state this field
        Change c;
        c.field = field;
        c.from = from;
        c.to = to;
        c.difference = difference(from, to);
        if (auto it = result.field_sources.find(field); it != result.field_sources.end()) {
            c.rule = it->second->name;
            c.label_nl = it->second->label_nl;
            c.label_en = it->second->label_en;
            c.formula = it->second->formula;
        }
        result.changes.push_back(std::move(c));
    };
    compare("quantity", previous.quantity, result.quantity);
    compare("rate", previous.rate, result.rate);
    compare("budget", previous.budget, result.budget);
}

} // namespace billijk::eval
