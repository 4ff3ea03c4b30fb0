#include "review/need_profile.hpp"

#include "review/derivation.hpp"

#include <algorithm>
#include <set>

namespace billijk::review {

namespace {

constexpr char const* requested_rate = "request.rate";

bool is_case_input(Explanation const& node) {
    return node.kind == "input" || node.kind == "fact";
}

struct Walker {
    Explanation const* rate = nullptr;
    std::set<std::string> need_reads; ///< case inputs read outside the price derivation
    NeedProfile profile;

    bool is_price(Explanation const& node) const {
        // By rule, not by value: in a period split at a tariff change each part has its own.
        return rate && node.kind == rate->kind && node.name == rate->name;
    }

    void collect_need_reads(Explanation const& node) {
        if (is_price(node))
            return;
        if (is_case_input(node) && node.name != requested_rate)
            need_reads.insert(node.name.str());
        for (auto const& child : node.inputs)
            collect_need_reads(child);
    }

    void collect_price_inputs(Explanation const& node, bool inside_price) {
        inside_price = inside_price || is_price(node);
        bool const leaf = node.inputs.empty();
        if ((inside_price && leaf && !need_reads.count(node.name.str())) ||
            node.name == requested_rate) {
            profile.price_inputs.emplace(node.name.str(), node.value);
            if (is_case_input(node))
                profile.case_inputs.insert(node.name.str());
        }
        for (auto const& child : node.inputs)
            collect_price_inputs(child, inside_price);
    }

    bool is_non_need(Explanation const& node) const {
        return is_case_input(node) && !need_reads.count(node.name.str());
    }

    /// True when the subtree reads something that is not need.
    bool touches_price(Explanation const& node) const {
        if (is_price(node) || is_non_need(node))
            return true;
        return std::any_of(node.inputs.begin(), node.inputs.end(),
                           [&](Explanation const& c) { return touches_price(c); });
    }

    void collect_key(Explanation const& node) {
        if (is_price(node))
            return;
        if (!touches_price(node)) {
            profile.key.push_back({node.name.str(), node.value});
            return;
        }
        for (auto const& child : node.inputs)
            collect_key(child);
    }
};

} // namespace

NeedProfile need_profile(ProvisionResult const& result) {
    Walker w;
    w.rate = anatomy(result).rate;
    w.collect_need_reads(result.explanation);
    w.collect_price_inputs(result.explanation, false);
    // The provision node itself is never a key item: its value ("granted") would hide every
    // difference below it.
    for (auto const& child : result.explanation.inputs) {
        if (child.kind == "part") // a split period: the key covers every part
            for (auto const& grandchild : child.inputs)
                w.collect_key(grandchild);
        else
            w.collect_key(child);
    }
    auto& key = w.profile.key;
    std::sort(key.begin(), key.end());
    key.erase(std::unique(key.begin(), key.end()), key.end());
    return std::move(w.profile);
}

} // namespace billijk::review
