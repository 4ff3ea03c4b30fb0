#include "golden/explanation_diff.hpp"

#include "golden/value_diff.hpp"

#include <map>

namespace billijk::golden {

using nlohmann::json;

namespace {

/// The fields of a node that say what it computed and from what (labels are prose and follow
/// the rule; cites and notes are compared because a changed article or table row matters).
constexpr char const* compared_fields[] = {"value", "formula", "expression", "package",
                                           "layer", "cites",   "note_en"};

std::string field(json const& node, char const* key) {
    if (!node.is_object())
        return {};
    auto it = node.find(key);
    return it != node.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

std::string describe(json const& node) {
    std::string out = field(node, "kind") + " " + field(node, "name");
    if (auto pkg = field(node, "package"); !pkg.empty())
        out += " [" + pkg + "]";
    return out;
}

std::size_t subtree_size(json const& node) {
    std::size_t n = 1;
    if (node.is_object() && node.contains("inputs") && node["inputs"].is_array())
        for (auto const& kid : node["inputs"])
            n += subtree_size(kid);
    return n;
}

/// The children of a node keyed "kind name#occurrence", in order.
std::vector<std::pair<std::string, json const*>> keyed_inputs(json const& node) {
    std::vector<std::pair<std::string, json const*>> out;
    if (!node.is_object() || !node.contains("inputs") || !node["inputs"].is_array())
        return out;
    std::map<std::string, int> seen;
    for (auto const& kid : node["inputs"]) {
        std::string key = field(kid, "kind") + " " + field(kid, "name");
        out.emplace_back(key + "#" + std::to_string(++seen[key]), &kid);
    }
    return out;
}

struct Walker {
    std::string provision;
    std::vector<NodeChange> out;

    NodeChange change(NodeChange::Kind kind, std::string const& path, json const& node) {
        NodeChange c;
        c.kind = kind;
        c.provision = provision;
        c.path = path;
        c.node = describe(node);
        c.value = field(node, "value");
        c.size = subtree_size(node);
        return c;
    }

    void walk(std::string const& path, json const& e, json const& a) {
        std::vector<FieldChange> fields;
        for (char const* f : compared_fields) {
            std::string ev = field(e, f), av = field(a, f);
            if (ev != av)
                fields.push_back({f == std::string("note_en") ? "note" : f, ev, av});
        }
        if (!fields.empty()) {
            NodeChange c = change(NodeChange::Kind::changed, path, a);
            c.fields = std::move(fields);
            out.push_back(std::move(c));
        }
        auto const ekids = keyed_inputs(e);
        auto const akids = keyed_inputs(a);
        std::map<std::string, json const*> eby(ekids.begin(), ekids.end());
        std::map<std::string, bool> matched;
        for (auto const& [key, kid] : akids) {
            std::string const kid_path = (path.empty() ? "" : path + " > ") + field(*kid, "name");
            auto it = eby.find(key);
            if (it == eby.end()) {
                out.push_back(change(NodeChange::Kind::added, kid_path, *kid));
                continue;
            }
            matched[key] = true;
            walk(kid_path, *it->second, *kid);
        }
        for (auto const& [key, kid] : ekids)
            if (!matched.count(key))
                out.push_back(change(NodeChange::Kind::removed,
                                     (path.empty() ? "" : path + " > ") + field(*kid, "name"),
                                     *kid));
    }
};

} // namespace

std::vector<NodeChange> diff_explanation(std::string const& provision, json const& expected,
                                         json const& actual) {
    Walker w{provision, {}};
    w.walk(field(actual, "name"), expected, actual);
    return std::move(w.out);
}

std::vector<NodeChange> diff_explanations(json const& expected, json const& actual) {
    std::vector<NodeChange> out;
    auto const ekeys = provision_keys(expected);
    auto const akeys = provision_keys(actual);
    for (std::size_t i = 0; i < akeys.size(); ++i)
        for (std::size_t j = 0; j < ekeys.size(); ++j) {
            if (ekeys[j] != akeys[i])
                continue;
            json const& e = expected["provisions"][j];
            json const& a = actual["provisions"][i];
            json const none = json::object();
            auto const* ee = e.contains("explanation") ? &e["explanation"] : &none;
            auto const* ae = a.contains("explanation") ? &a["explanation"] : &none;
            for (auto& c : diff_explanation(akeys[i], *ee, *ae))
                out.push_back(std::move(c));
        }
    return out;
}

} // namespace billijk::golden
