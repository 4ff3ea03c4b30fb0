#include "review/decision_jsonl.hpp"

#include "io/json_tree.hpp"
#include "review/decision_case.hpp"
#include "review/proposal_fields.hpp"

#include <set>

namespace billijk::review {

namespace {

using io::JsonNode;

/// Collects the problems of one line; every check records its field and goes on, so that one
/// run reports all of them.
struct LineReader {
    std::size_t line;
    std::vector<LineError>& errors;
    bool ok = true;

    void fail(std::string field, std::string message) {
        errors.push_back({line, std::move(field), std::move(message), false});
        ok = false;
    }

    bool expect_object(JsonNode const& node, std::string const& path,
                       std::set<std::string> const& allowed) {
        if (node.kind != JsonNode::Kind::object) {
            fail(path.empty() ? "(root)" : path,
                 "expected an object, found " + std::string(io::describe(node.kind)));
            return false;
        }
        for (auto const& key : node.keys)
            if (!allowed.count(key))
                fail(io::json_path_member(path, key), "unknown field (put extra data under "
                                                      "\"extra\")");
        return true;
    }

    /// A string member; absent → nullopt (and an error when required).
    std::optional<std::string> string_member(JsonNode const& object, std::string const& path,
                                             std::string const& key, bool required) {
        auto const* node = object.find(key);
        std::string const field = io::json_path_member(path, key);
        if (!node) {
            if (required)
                fail(field, "required field is missing");
            return std::nullopt;
        }
        if (node->kind != JsonNode::Kind::string) {
            fail(field, "expected a string, found " + std::string(io::describe(node->kind)));
            return std::nullopt;
        }
        return node->text;
    }

    template <typename T> std::optional<T> checked(std::string const& field, FieldResult<T> value) {
        if (!value.value)
            fail(field, value.problem);
        return std::move(value.value);
    }

    std::optional<Quantity> quantity(JsonNode const& proposal, std::string const& key) {
        auto const* node = proposal.find(key);
        if (!node)
            return std::nullopt;
        std::string const path = io::json_path_member("proposal", key);
        if (!expect_object(*node, path, {"amount", "unit"}))
            return std::nullopt;
        auto amount = string_member(*node, path, "amount", true);
        auto unit = string_member(*node, path, "unit", true);
        if (!amount || !unit)
            return std::nullopt;
        return checked(path, read_quantity(*amount, *unit));
    }

    std::optional<Period> period(JsonNode const& proposal) {
        auto const* node = proposal.find("period");
        if (!node || !expect_object(*node, "proposal.period", {"start", "end"}))
            return std::nullopt;
        auto start = string_member(*node, "proposal.period", "start", true);
        auto end = string_member(*node, "proposal.period", "end", true);
        std::optional<Date> s, e;
        if (start)
            s = checked("proposal.period.start", read_date(*start));
        if (end)
            e = checked("proposal.period.end", read_date(*end));
        if (!s || !e)
            return std::nullopt;
        if (*e < *s) {
            fail("proposal.period", "end " + e->to_string() + " is before start " + s->to_string());
            return std::nullopt;
        }
        return Period{*s, *e};
    }

    void proposal(JsonNode const& node, Proposal& out) {
        if (!expect_object(
                node, "proposal",
                {"provision", "form", "status", "quantity", "rate", "budget", "period", "extra"}))
            return;
        out.provision = string_member(node, "proposal", "provision", true).value_or("");
        if (auto form = string_member(node, "proposal", "form", false))
            out.form = checked("proposal.form", read_form(*form));
        if (auto status = string_member(node, "proposal", "status", true))
            out.status = checked("proposal.status", read_status(*status)).value_or("");
        out.quantity = quantity(node, "quantity");
        out.rate = quantity(node, "rate");
        out.budget = quantity(node, "budget");
        out.period = period(node);
    }
};

std::optional<ProposedDecision> read_line(std::string_view text, std::size_t line,
                                          std::string const& path, std::vector<LineError>& errors) {
    LineReader r{line, errors};
    auto parsed = io::parse_json_tree(text);
    if (!parsed.root) {
        r.fail("", parsed.error);
        return std::nullopt;
    }
    for (auto const& dup : parsed.duplicates)
        r.fail(io::json_path_member(dup.object_path, dup.key), "field appears more than once");
    JsonNode const& root = *parsed.root;
    if (!r.expect_object(root, "",
                         {"schema", "decision_id", "case", "case_file", "proposal", "extra"}))
        return std::nullopt;

    ProposedDecision decision;
    decision.line = line;
    if (auto schema = r.string_member(root, "", "schema", true);
        schema && *schema != decision_schema_id)
        r.fail("schema",
               "expected \"" + std::string(decision_schema_id) + "\", found \"" + *schema + "\"");
    decision.decision_id = r.string_member(root, "", "decision_id", true).value_or("");
    if (root.find("decision_id") && decision.decision_id.empty() && r.ok)
        r.fail("decision_id", "must not be empty");

    if (auto const* p = root.find("proposal"))
        r.proposal(*p, decision.proposal);
    else
        r.fail("proposal", "required field is missing");

    auto const* embedded = root.find("case");
    auto file = r.string_member(root, "", "case_file", false);
    std::optional<Case> the_case;
    if (embedded && root.find("case_file")) {
        r.fail("case", "give either \"case\" or \"case_file\", not both");
    } else if (embedded) {
        the_case = read_decision_case(io::write_canonical(*embedded), line, "case", errors);
    } else if (file) {
        auto case_text = r.checked("case_file", read_case_file(path, *file));
        if (case_text)
            the_case = read_decision_case(*case_text, line, "case_file", errors);
    } else if (!root.find("case_file")) {
        r.fail("case", "required field is missing (or give \"case_file\")");
    }
    if (!the_case || !r.ok)
        return std::nullopt;
    decision.the_case = std::move(*the_case);
    if (!bind_request(decision, errors))
        return std::nullopt;
    return decision;
}

} // namespace

DecisionFile read_decisions_jsonl(std::string_view text, std::string const& path) {
    DecisionFile out;
    std::size_t line = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view one = text.substr(pos, end - pos);
        ++line;
        pos = end + 1;
        if (!one.empty() && one.back() == '\r')
            one.remove_suffix(1);
        if (one.find_first_not_of(" \t") == std::string_view::npos)
            continue; // blank lines (and the end of the file) are not decisions
        if (auto d = read_line(one, line, path, out.errors))
            out.decisions.push_back(std::move(*d));
    }
    return out;
}

} // namespace billijk::review
