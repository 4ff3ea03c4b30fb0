#include "review/equal_cases.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace billijk::review {

namespace {

/// Decided budgets differ when their amounts or units differ, or only some members have one.
/// 6656.0 and 6656.00 are the same amount.
bool budgets_differ(std::vector<AuditEntry> const& entries, EqualCaseGroup const& g) {
    auto const& first = entries[g.members.front()].decided_budget;
    for (auto m : g.members) {
        auto const& b = entries[m].decided_budget;
        if (b.has_value() != first.has_value())
            return true;
        if (b && !(b->unit == first->unit && b->amount == first->amount))
            return true;
    }
    return false;
}

std::optional<Quantity> spread(std::vector<AuditEntry> const& entries, EqualCaseGroup const& g) {
    std::optional<Quantity> low, high;
    for (auto m : g.members) {
        auto const& b = entries[m].decided_budget;
        if (!b || (low && !(b->unit == low->unit)))
            return std::nullopt;
        if (!low || b->amount < low->amount)
            low = b;
        if (!high || high->amount < b->amount)
            high = b;
    }
    auto d = sub(high->amount, low->amount);
    if (!d.value)
        return std::nullopt;
    return Quantity{*d.value, low->unit};
}

std::vector<Driver> drivers(std::vector<AuditEntry> const& entries, EqualCaseGroup const& g) {
    std::set<std::string> names;
    for (auto m : g.members)
        for (auto const& [name, value] : entries[m].profile.price_inputs)
            names.insert(name);
    std::vector<Driver> out;
    for (auto const& name : names) {
        Driver d{name, {}};
        bool read_by_all = true, case_input = false;
        for (auto m : g.members) {
            auto const& inputs = entries[m].profile.price_inputs;
            auto it = inputs.find(name);
            d.values.push_back(it == inputs.end() ? "" : it->second);
            read_by_all = read_by_all && it != inputs.end();
            case_input = case_input || entries[m].profile.case_inputs.count(name) > 0;
        }
        // A constant (parameter, tariff) read on one provider's path only is no driver: the
        // provider is. It is one when all read it with different values (a tariff changed).
        if (!case_input && !read_by_all)
            continue;
        if (std::adjacent_find(d.values.begin(), d.values.end(), std::not_equal_to<>()) !=
            d.values.end())
            out.push_back(std::move(d));
    }
    return out;
}

} // namespace

std::vector<EqualCaseGroup> group_equal_cases(std::vector<AuditEntry> const& entries) {
    // The scope and the need key together identify a class of equal cases; std::map keeps the
    // grouping independent of hash order, and the result is re-sorted by first member.
    std::map<std::pair<std::string, std::vector<NeedItem>>, std::vector<std::size_t>> classes;
    for (std::size_t i = 0; i < entries.size(); ++i)
        classes[{entries[i].scope, entries[i].profile.key}].push_back(i);
    std::vector<EqualCaseGroup> out;
    for (auto const& [id, members] : classes) {
        if (members.size() < 2)
            continue;
        EqualCaseGroup g;
        g.members = members;
        g.key = id.second;
        g.budgets_differ = budgets_differ(entries, g);
        g.drivers = drivers(entries, g);
        g.spread = spread(entries, g);
        out.push_back(std::move(g));
    }
    std::sort(out.begin(), out.end(), [](EqualCaseGroup const& a, EqualCaseGroup const& b) {
        return a.members.front() < b.members.front();
    });
    return out;
}

} // namespace billijk::review
