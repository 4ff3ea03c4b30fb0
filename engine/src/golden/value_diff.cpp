#include "golden/value_diff.hpp"

#include <map>

namespace billijk::golden {

using nlohmann::json;

namespace {

json const* member(json const& object, char const* key) {
    if (!object.is_object())
        return nullptr;
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

std::string text_of(json const* value) {
    if (!value || value->is_null())
        return "(none)";
    if (value->is_string())
        return value->get<std::string>();
    if (value->is_object() && value->contains("amount") && value->contains("unit"))
        return amount_text(value);
    if (value->is_object() && value->contains("start") && value->contains("end"))
        return text_of(member(*value, "start")) + ".." + text_of(member(*value, "end"));
    return value->dump(-1, ' ', false, json::error_handler_t::replace);
}

/// The rule ids of a reasons array, "[]" when there are none.
std::string reasons_text(json const* reasons) {
    if (!reasons || !reasons->is_array())
        return text_of(reasons);
    std::string out = "[";
    for (auto const& r : *reasons)
        out += (out.size() > 1 ? ", " : "") + text_of(member(r, "rule"));
    return out + "]";
}

void compare(std::vector<ValueChange>& out, std::string path, std::string expected,
             std::string actual) {
    if (expected != actual)
        out.push_back({std::move(path), std::move(expected), std::move(actual)});
}

/// status, quantity, rate, budget, period and reasons: what a provision and a part share.
void diff_amounts(std::vector<ValueChange>& out, std::string const& where, json const& e,
                  json const& a) {
    compare(out, where + ".status", text_of(member(e, "status")), text_of(member(a, "status")));
    for (char const* field : {"quantity", "rate", "budget", "period"})
        compare(out, where + "." + field, text_of(member(e, field)), text_of(member(a, field)));
    compare(out, where + ".reasons", reasons_text(member(e, "reasons")),
            reasons_text(member(a, "reasons")));
    compare(out, where + ".undetermined", text_of(member(e, "undetermined")),
            text_of(member(a, "undetermined")));
}

void diff_provision(std::vector<ValueChange>& out, std::string const& name, json const& e,
                    json const& a) {
    diff_amounts(out, name, e, a);
    for (char const* field : {"form", "codes", "previous", "changes"})
        compare(out, name + "." + field, text_of(member(e, field)), text_of(member(a, field)));
    json const* ep = member(e, "parts");
    json const* ap = member(a, "parts");
    std::size_t const en = ep && ep->is_array() ? ep->size() : 0;
    std::size_t const an = ap && ap->is_array() ? ap->size() : 0;
    compare(out, name + ".parts", std::to_string(en) + " parts", std::to_string(an) + " parts");
    for (std::size_t i = 0; i < en && i < an; ++i)
        diff_amounts(out, name + ".parts[" + std::to_string(i) + "]", (*ep)[i], (*ap)[i]);
}

/// "package version hash" per rule package, "name version" per plugin, in order.
std::string list_text(json const* list, std::vector<char const*> const& fields) {
    if (!list || !list->is_array())
        return text_of(list);
    std::string out;
    for (auto const& item : *list) {
        std::string one;
        for (char const* f : fields)
            one += (one.empty() ? "" : " ") + text_of(member(item, f));
        out += (out.empty() ? "" : "; ") + one;
    }
    return out.empty() ? "(none)" : out;
}

} // namespace

std::string amount_text(json const* value) {
    if (!value || !value->is_object())
        return "(none)";
    return text_of(member(*value, "amount")) + " " + text_of(member(*value, "unit"));
}

std::vector<std::string> provision_keys(json const& indication) {
    std::vector<std::string> keys;
    std::map<std::string, int> seen;
    json const* list = member(indication, "provisions");
    if (!list || !list->is_array())
        return keys;
    for (auto const& p : *list) {
        std::string name = text_of(member(p, "provision"));
        int const n = ++seen[name];
        keys.push_back(n == 1 ? name : name + "#" + std::to_string(n));
    }
    return keys;
}

std::vector<ValueChange> diff_values(json const& expected, json const& actual) {
    std::vector<ValueChange> out;
    for (char const* field : {"case_id", "reference_date", "engine"})
        compare(out, field, text_of(member(expected, field)), text_of(member(actual, field)));
    compare(out, "rules", list_text(member(expected, "rules"), {"package", "version", "hash"}),
            list_text(member(actual, "rules"), {"package", "version", "hash"}));
    compare(out, "plugins", list_text(member(expected, "plugins"), {"name", "version", "abi"}),
            list_text(member(actual, "plugins"), {"name", "version", "abi"}));

    auto const ekeys = provision_keys(expected);
    auto const akeys = provision_keys(actual);
    std::map<std::string, json const*> eby;
    for (std::size_t i = 0; i < ekeys.size(); ++i)
        eby[ekeys[i]] = &expected["provisions"][i];
    std::map<std::string, bool> matched;
    for (std::size_t i = 0; i < akeys.size(); ++i) {
        json const& a = actual["provisions"][i];
        auto it = eby.find(akeys[i]);
        if (it == eby.end()) {
            compare(out, akeys[i], "(no such provision)", text_of(member(a, "status")));
            continue;
        }
        matched[akeys[i]] = true;
        diff_provision(out, akeys[i], *it->second, a);
    }
    for (auto const& key : ekeys)
        if (!matched.count(key))
            compare(out, key, text_of(member(*eby[key], "status")), "(no such provision)");
    return out;
}

} // namespace billijk::golden
