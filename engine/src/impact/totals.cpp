// Totals and distribution (impact/totals.hpp).
#include "impact/totals.hpp"

#include <map>
#include <utility>

namespace billijk::impact {

namespace {

bool same(std::optional<Quantity> const& a, std::optional<Quantity> const& b) {
    return a.has_value() == b.has_value() && (!a || *a == *b);
}

/// Adds a yearly budget to a sum; false on overflow.
bool add_budget(Decimal& sum, int& count, std::optional<Quantity> const& budget) {
    if (!budget || !is_yearly_euro(*budget))
        return true;
    auto s = add(sum, budget->amount);
    if (!s.value)
        return false;
    sum = *s.value;
    ++count;
    return true;
}

} // namespace

bool is_yearly_euro(Quantity const& q) {
    return q.unit == Unit::of(BaseUnit::eur) / Unit::of(BaseUnit::year);
}

Result<std::vector<Total>> totals_of(std::vector<ProvisionImpact> const& rows) {
    std::map<std::pair<std::string, std::string>, Total> by_key;
    for (auto const& r : rows) {
        Total& t = by_key[{r.municipality, r.provision}];
        t.municipality = r.municipality;
        t.provision = r.provision;
        ++t.cases;
        if (r.changed)
            ++t.changed;
        if (r.before.status != r.after.status)
            ++t.status_changed;
        if (!same(r.before.quantity, r.after.quantity))
            ++t.quantity_changed;
        if (!same(r.before.rate, r.after.rate))
            ++t.rate_changed;
        if (r.budget_change && !r.budget_change->amount.is_zero()) {
            if (r.budget_change->amount.is_negative())
                ++t.down;
            else
                ++t.up;
        }
        if (!add_budget(t.budget_before, t.budgets_before, r.before.budget) ||
            !add_budget(t.budget_after, t.budgets_after, r.after.budget))
            return fail("E1101", std::nullopt,
                        "the sum of the yearly budgets of " + r.municipality + " " + r.provision +
                            " overflows (at case " + r.case_id + ")");
    }
    std::vector<Total> out;
    for (auto& [key, total] : by_key)
        out.push_back(std::move(total));
    return out;
}

std::vector<Bucket> distribution_of(std::vector<ProvisionImpact> const& rows) {
    std::vector<Bucket> buckets = {{"below -2000.00", 0},   {"-2000.00 to -1000.00", 0},
                                   {"-1000.00 to 0.00", 0}, {"no change", 0},
                                   {"0.00 to 1000.00", 0},  {"1000.00 to 2000.00", 0},
                                   {"above 2000.00", 0}};
    Decimal const k1 = Decimal::from_int(1000);
    Decimal const k2 = Decimal::from_int(2000);
    for (auto const& r : rows) {
        if (!r.budget_change || !is_yearly_euro(*r.budget_change))
            continue;
        Decimal const& c = r.budget_change->amount;
        Decimal const m1 = negate(k1);
        Decimal const m2 = negate(k2);
        std::size_t i = 0;
        if (c < m2)
            i = 0;
        else if (c < m1)
            i = 1;
        else if (c.is_negative())
            i = 2;
        else if (c.is_zero())
            i = 3;
        else if (c <= k1)
            i = 4;
        else if (c <= k2)
            i = 5;
        else
            i = 6;
        ++buckets[i].count;
    }
    return buckets;
}

} // namespace billijk::impact
