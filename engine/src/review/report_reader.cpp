#include "review/report_reader.hpp"

#include "io/json_tree.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>

namespace billijk::review {

namespace {

using nlohmann::json;

constexpr char const* e_unreadable_report = "S0114";

// Paths as every reader of the project writes them ("decisions[2].fields[0].verdict").
using io::json_path_index;
using io::json_path_member;

/// Reads the report's fields, keeping the first problem found; after one, every read gives an
/// empty value and the report is discarded.
class ReportReader {
  public:
    std::optional<std::string> problem; ///< "decisions[2].line: expected a whole number"

    Report report(json const& root) {
        Report out;
        if (text(root, "", "schema") != "billijk.review/1")
            fail("schema", "expected \"billijk.review/1\"");
        std::map<std::size_t, std::size_t> decision_at_line;
        json const& decisions = list(root, "", "decisions");
        for (std::size_t i = 0; i < decisions.size(); ++i) {
            out.decisions.push_back(decision(decisions[i], json_path_index("decisions", i)));
            if (!decision_at_line.emplace(out.decisions.back().line, i).second)
                fail(json_path_index("decisions", i) + ".line", "a second decision on this line");
        }
        json const& summary = member(root, "", "summary");
        if (count(summary, "summary", "decisions") != out.decisions.size())
            fail("summary.decisions", "is not the number of decisions");
        if (count(summary, "summary", "with_deviations") != out.deviation_count())
            fail("summary.with_deviations", "is not the number of decisions that deviate");
        out.equal_case_audit = root.is_object() && root.contains("equal_cases");
        if (!out.equal_case_audit)
            return out;
        json const& groups = list(root, "", "equal_cases");
        for (std::size_t i = 0; i < groups.size(); ++i)
            out.groups.push_back(
                group(groups[i], json_path_index("equal_cases", i), out, decision_at_line));
        if (count(summary, "summary", "unequal_groups") != out.groups.size())
            fail("summary.unequal_groups", "is not the number of groups listed");
        std::size_t const all_groups = count(summary, "summary", "equal_case_groups");
        if (all_groups < out.groups.size())
            fail("summary.equal_case_groups", "is less than the number of unequal groups");
        // A group has two members or more, and no decision is in two groups (review/equal_cases):
        // this also bounds the empty groups made below by the size of the report.
        if (all_groups > out.decisions.size() / 2)
            fail("summary.equal_case_groups",
                 "is more groups than the decisions can form (two or more decisions each)");
        // The groups whose budgets agree are counted but not kept (they are no finding): as
        // many empty ones, so that the renderings count them as they did.
        if (!problem)
            out.groups.resize(all_groups);
        return out;
    }

  private:
    std::set<std::size_t> grouped_; ///< the decisions (indexes) already in a group

    void fail(std::string where, std::string const& what) {
        if (!problem)
            problem = (where.empty() ? std::string("(root)") : where) + ": " + what;
    }

    /// The member, or null (after reporting) when it is missing or `object` is no object.
    json const& member(json const& object, std::string const& path, std::string_view key) {
        static json const absent; // null
        if (!object.is_object()) {
            fail(path, "expected an object");
            return absent;
        }
        auto const it = object.find(key);
        if (it == object.end()) {
            fail(json_path_member(path, key), "missing");
            return absent;
        }
        return *it;
    }

    std::string text(json const& object, std::string const& path, std::string_view key) {
        json const& v = member(object, path, key);
        if (v.is_string())
            return v.get<std::string>();
        fail(json_path_member(path, key), "expected a string");
        return {};
    }

    std::size_t count(json const& object, std::string const& path, std::string_view key) {
        json const& v = member(object, path, key);
        if (v.is_number_unsigned())
            return v.get<std::size_t>();
        fail(json_path_member(path, key), "expected a whole number");
        return 0;
    }

    bool flag(json const& object, std::string const& path, std::string_view key) {
        json const& v = member(object, path, key);
        if (v.is_boolean())
            return v.get<bool>();
        fail(json_path_member(path, key), "expected true or false");
        return false;
    }

    json const& list(json const& object, std::string const& path, std::string_view key) {
        static json const empty = json::array();
        json const& v = member(object, path, key);
        if (v.is_array())
            return v;
        fail(json_path_member(path, key), "expected an array");
        return empty;
    }

    std::vector<std::string> texts(json const& object, std::string const& path,
                                   std::string_view key) {
        std::vector<std::string> out;
        std::string const here = json_path_member(path, key);
        json const& items = list(object, path, key);
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (items[i].is_string())
                out.push_back(items[i].get<std::string>());
            else
                fail(json_path_index(here, i), "expected a string");
        }
        return out;
    }

    /// {"amount": "6656.00", "unit": "eur/year"} or null.
    std::optional<Quantity> amount(json const& object, std::string const& path,
                                   std::string_view key) {
        json const& v = member(object, path, key);
        if (v.is_null())
            return std::nullopt;
        std::string const here = json_path_member(path, key);
        auto value = Decimal::parse(text(v, here, "amount"));
        auto unit = Unit::parse(text(v, here, "unit"));
        if (!value)
            fail(json_path_member(here, "amount"), "expected a decimal string");
        if (!unit)
            fail(json_path_member(here, "unit"), "expected a unit");
        if (!value || !unit)
            return std::nullopt;
        return Quantity{*value, *unit};
    }

    Verdict verdict(json const& object, std::string const& path) {
        std::string const v = text(object, path, "verdict");
        for (Verdict candidate : {Verdict::equal, Verdict::within_tolerance, Verdict::deviation})
            if (v == to_string(candidate))
                return candidate;
        fail(json_path_member(path, "verdict"),
             "expected \"equal\", \"within_tolerance\" or \"deviation\", found \"" + v + "\"");
        return Verdict::equal;
    }

    ReviewedDecision decision(json const& node, std::string const& path) {
        ReviewedDecision d;
        d.line = count(node, path, "line");
        d.decision_id = text(node, path, "decision_id");
        d.case_id = text(node, path, "case_id");
        d.provision = text(node, path, "provision");
        std::string const fields_path = json_path_member(path, "fields");
        json const& fields = list(node, path, "fields");
        for (std::size_t i = 0; i < fields.size(); ++i) {
            std::string const here = json_path_index(fields_path, i);
            FieldComparison f;
            f.field = text(fields[i], here, "field");
            f.proposed = text(fields[i], here, "proposed");
            f.engine = text(fields[i], here, "engine");
            f.difference = text(fields[i], here, "difference");
            f.verdict = verdict(fields[i], here);
            f.explanation = texts(fields[i], here, "explanation");
            d.fields.push_back(std::move(f));
        }
        // Written from the verdicts, so it must agree with them: a report edited by hand may not.
        if (flag(node, path, "finding") != d.has_finding())
            fail(json_path_member(path, "finding"), "does not agree with the fields' verdicts");
        return d;
    }

    /// One unequal group. Its members are found among the decisions by their line and give
    /// those decisions their budgets (the JSON keeps budgets only where a group shows them).
    EqualCaseGroup group(json const& node, std::string const& path, Report& report,
                         std::map<std::size_t, std::size_t> const& decision_at_line) {
        EqualCaseGroup g;
        g.budgets_differ = true;
        std::string const members_path = json_path_member(path, "members");
        json const& members = list(node, path, "members");
        for (std::size_t i = 0; i < members.size(); ++i) {
            std::string const here = json_path_index(members_path, i);
            auto const at = decision_at_line.find(count(members[i], here, "line"));
            if (at == decision_at_line.end()) {
                fail(json_path_member(here, "line"), "no decision on that line");
                continue;
            }
            if (!grouped_.insert(at->second).second) {
                fail(json_path_member(here, "line"),
                     "the decision on that line is already in a group");
                continue;
            }
            ReviewedDecision& d = report.decisions[at->second];
            if (text(members[i], here, "decision_id") != d.decision_id)
                fail(json_path_member(here, "decision_id"),
                     "is not that of the decision on that line (" + d.decision_id + ")");
            d.decided_budget = amount(members[i], here, "decided_budget");
            d.engine_budget = amount(members[i], here, "engine_budget");
            g.members.push_back(at->second);
        }
        if (members.size() < 2)
            fail(members_path, "an unequal group has two members or more");
        std::string const key_path = json_path_member(path, "equal_in");
        json const& key = list(node, path, "equal_in");
        for (std::size_t i = 0; i < key.size(); ++i) {
            std::string const here = json_path_index(key_path, i);
            g.key.push_back({text(key[i], here, "name"), text(key[i], here, "value")});
        }
        std::string const drivers_path = json_path_member(path, "drivers");
        json const& drivers = list(node, path, "drivers");
        for (std::size_t i = 0; i < drivers.size(); ++i) {
            std::string const here = json_path_index(drivers_path, i);
            g.drivers.push_back(
                {text(drivers[i], here, "input"), texts(drivers[i], here, "values")});
            // The renderings show a driver's values beside the members, one each.
            if (g.drivers.back().values.size() != g.members.size())
                fail(json_path_member(here, "values"),
                     "expected one value per member (" + std::to_string(g.members.size()) +
                         "), found " + std::to_string(g.drivers.back().values.size()));
        }
        g.spread = amount(node, path, "spread");
        return g;
    }
};

} // namespace

Result<Report> read_report_json(std::string_view json_text) {
    json const root = json::parse(json_text.begin(), json_text.end(), nullptr,
                                  /*allow_exceptions=*/false);
    if (root.is_discarded())
        return fail(e_unreadable_report, std::nullopt, "the review report is not JSON");
    ReportReader reader;
    Report out = reader.report(root);
    if (reader.problem)
        return fail(e_unreadable_report, std::nullopt,
                    "the review report cannot be read: " + *reader.problem);
    return out;
}

} // namespace billijk::review
