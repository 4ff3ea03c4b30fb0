#include "golden/hand_check.hpp"

#include "golden/value_diff.hpp"

#include <map>

namespace billijk::golden {

using nlohmann::json;

namespace {

struct Checker {
    std::string case_file;
    Diagnostics errors;
    std::vector<std::string> mismatches;

    void malformed(std::string const& field, std::string const& what) {
        errors.error("G0004", std::nullopt, case_file + ": " + field + ": " + what);
    }

    /// The string at `key` of `want`, or nullopt when absent; an error when not a string.
    std::optional<std::string> text(json const& want, char const* key, std::string const& at) {
        auto it = want.find(key);
        if (it == want.end())
            return std::nullopt;
        if (!it->is_string()) {
            malformed(at + "." + key, "expected a string (amounts as \"10.0 hours/week\")");
            return std::nullopt;
        }
        return it->get<std::string>();
    }

    void same(std::string const& where, std::string const& have, std::string const& hand) {
        if (have != hand)
            mismatches.push_back(where + " is " + have + ", hand says " + hand);
    }

    static std::string status_of(json const& have) {
        auto it = have.find("status");
        return it != have.end() && it->is_string() ? it->get<std::string>() : "(none)";
    }

    static json const* find(json const& have, char const* key) {
        auto it = have.find(key);
        return it == have.end() ? nullptr : &*it;
    }

    void amounts(json const& want, json const& have, std::string const& at,
                 std::string const& where) {
        if (auto s = text(want, "status", at))
            same(where + ".status", status_of(have), *s);
        for (char const* field : {"quantity", "rate", "budget"})
            if (auto v = text(want, field, at))
                same(where + "." + field, amount_text(find(have, field)), *v);
    }

    void parts(json const& want, json const& have, std::string const& at, std::string const& name) {
        if (!want.is_array()) {
            malformed(at, "expected a list of parts");
            return;
        }
        json const empty = json::array();
        json const* got = find(have, "parts");
        if (!got || !got->is_array())
            got = &empty;
        if (want.size() != got->size()) {
            mismatches.push_back(name + " has " + std::to_string(got->size()) +
                                 " parts, hand says " + std::to_string(want.size()));
            return;
        }
        for (std::size_t i = 0; i < want.size(); ++i) {
            std::string const pat = at + "[" + std::to_string(i) + "]";
            std::string const where = name + ".parts[" + std::to_string(i) + "]";
            if (!want[i].is_object()) {
                malformed(pat, "expected an object");
                continue;
            }
            json const& part = (*got)[i];
            json const* period = find(part, "period");
            for (char const* field : {"start", "end"})
                if (auto v = text(want[i], field, pat)) {
                    json const* d = period ? find(*period, field) : nullptr;
                    same(where + "." + field,
                         d && d->is_string() ? d->get<std::string>() : "(none)", *v);
                }
            amounts(want[i], part, pat, where);
        }
    }

    void provision(json const& want, std::string const& at,
                   std::map<std::string, json> const& got) {
        if (!want.is_object()) {
            malformed(at, "expected an object with \"provision\"");
            return;
        }
        auto name = text(want, "provision", at);
        if (!name) {
            if (!want.contains("provision"))
                malformed(at + ".provision", "missing: which provision the hand values are for");
            return;
        }
        auto it = got.find(*name);
        if (it == got.end()) {
            mismatches.push_back("provision " + *name + " missing from the output");
            return;
        }
        json const& have = it->second;
        amounts(want, have, at, *name);
        if (auto r = want.find("reasons"); r != want.end()) {
            std::vector<std::string> hand;
            if (!r->is_array()) {
                malformed(at + ".reasons", "expected a list of rule ids");
            } else {
                for (auto const& id : *r) {
                    if (!id.is_string()) {
                        malformed(at + ".reasons", "expected a list of rule ids");
                        return;
                    }
                    hand.push_back(id.get<std::string>());
                }
            }
            std::vector<std::string> rules;
            if (json const* rs = find(have, "reasons"); rs && rs->is_array())
                for (auto const& reason : *rs)
                    if (json const* rule = find(reason, "rule"); rule && rule->is_string())
                        rules.push_back(rule->get<std::string>());
            if (rules != hand)
                same(*name + ".reasons", list(rules), list(hand));
        }
        if (auto p = want.find("parts"); p != want.end())
            parts(*p, have, at + ".parts", *name);
    }

    static std::string list(std::vector<std::string> const& items) {
        std::string out = "[";
        for (auto const& s : items)
            out += (out.size() > 1 ? ", " : "") + s;
        return out + "]";
    }
};

} // namespace

Result<std::vector<std::string>> check_hand_values(std::string const& case_file,
                                                   json const& case_json, json const& output) {
    Checker c{case_file, {}, {}};
    json const* extra = case_json.is_object() ? Checker::find(case_json, "extra") : nullptr;
    json const* expect = extra && extra->is_object() ? Checker::find(*extra, "expect") : nullptr;
    if (!expect || expect->is_null())
        return c.mismatches;
    if (!expect->is_object()) {
        c.malformed("extra.expect", "expected an object with \"provisions\"");
        return c.errors;
    }
    std::map<std::string, json> got;
    if (json const* list = Checker::find(output, "provisions"); list && list->is_array())
        for (auto const& p : *list)
            if (json const* name = Checker::find(p, "provision"); name && name->is_string())
                got[name->get<std::string>()] = p; // the last of a repeated name, as before
    if (auto it = expect->find("provisions"); it != expect->end()) {
        if (!it->is_array()) {
            c.malformed("extra.expect.provisions", "expected a list");
        } else {
            for (std::size_t i = 0; i < it->size(); ++i)
                c.provision((*it)[i], "extra.expect.provisions[" + std::to_string(i) + "]", got);
        }
    }
    if (c.errors.has_errors())
        return c.errors;
    return c.mismatches;
}

} // namespace billijk::golden
