// Explanation diff (impact/explain_diff.hpp).
#include "impact/explain_diff.hpp"

#include <map>
#include <string>
#include <utility>

namespace billijk::impact {

namespace {

using Key = std::pair<std::string, std::string>; // kind, name

/// The corresponding input of `after` for each input of `before` (nullptr when there is none).
std::vector<Explanation const*> correspond(Explanation const& before, Explanation const& after) {
    std::map<Key, std::vector<Explanation const*>> by_key;
    for (auto const& in : after.inputs)
        by_key[{in.kind.str(), in.name.str()}].push_back(&in);
    std::map<Key, std::size_t> used;
    std::vector<Explanation const*> out;
    for (auto const& in : before.inputs) {
        Key const key{in.kind.str(), in.name.str()};
        auto const& candidates = by_key[key];
        std::size_t const n = used[key]++;
        out.push_back(n < candidates.size() ? candidates[n] : nullptr);
    }
    return out;
}

/// `root`: compare the inputs even when the values are equal — a provision granted under both
/// rule sets can still have another rate and budget below it.
void diff(Explanation const& before, Explanation const& after, std::vector<RuleChange>& out,
          bool root = false) {
    if (before.value == after.value && !root)
        return;
    auto const partners = correspond(before, after);
    bool deeper = false;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        if (partners[i] && partners[i]->value != before.inputs[i].value) {
            diff(before.inputs[i], *partners[i], out);
            deeper = true;
        }
    }
    if (deeper || before.value == after.value)
        return;
    RuleChange change;
    change.kind = (after.kind.empty() ? before.kind : after.kind).str();
    change.name = (after.name.empty() ? before.name : after.name).str();
    change.package = (after.package.empty() ? before.package : after.package).str();
    change.cites = (after.cites.empty() ? before.cites : after.cites).str();
    change.before = before.value;
    change.after = after.value;
    change.redefined = before.expression != after.expression || before.package != after.package;
    for (auto const& seen : out)
        if (seen.name == change.name && seen.before == change.before && seen.after == change.after)
            return;
    out.push_back(std::move(change));
}

} // namespace

std::vector<RuleChange> changed_rules(Explanation const& before, Explanation const& after) {
    std::vector<RuleChange> out;
    diff(before, after, out, true);
    return out;
}

} // namespace billijk::impact
