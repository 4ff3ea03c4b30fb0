#include "store/decisions.hpp"
#include "store/output_codec.hpp"
#include "store/output_dictionaries.hpp"

#include "billijk/decimal.hpp"
#include "billijk/unit.hpp"
#include "io/indication_json.hpp"
#include "store/audit.hpp"
#include "store/pseudonym.hpp"
#include "store/records.hpp"
#include "store/replay.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <array>
#include <set>

namespace billijk::store {

namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 4> fields = {"status", "quantity", "rate", "budget"};
constexpr std::array<std::string_view, 3> statuses = {"granted", "refused", "undetermined"};

Diagnostics bad(std::string_view override_text, std::string const& message) {
    return fail("S0109", std::nullopt, "--override " + std::string(override_text) + ": " + message);
}

std::string spec_text(OverrideSpec const& s) {
    return (s.provision.empty() ? "" : s.provision + ".") + s.field + "=" + s.value;
}

std::string quantity_text(json const& q) {
    return q.value("amount", "") + " " + q.value("unit", "");
}

/// Adds `node` and, when `deep`, every rule-like node in its derivation, once each.
void collect_rules(json const& node, bool direct, bool deep, std::vector<RuleBehind>& out,
                   std::set<std::string>& seen) {
    if (!node.is_object()) // an output without explanations has no nodes: no rules from it
        return;
    std::string const kind = node.value("kind", "");
    std::string const package = node.value("package", "");
    bool const rule_like = kind == "rule" || kind == "parameter" || kind == "table" ||
                           kind == "exception" || kind == "refusal" || kind == "provision";
    if (rule_like && !package.empty()) {
        std::string const name = node.value("name", "");
        if (seen.insert(package + "\n" + name).second)
            out.push_back({package, name, kind, node.value("cites", ""), direct});
    }
    if (!deep || !node.contains("inputs"))
        return;
    for (auto const& input : node["inputs"])
        collect_rules(input, false, true, out, seen);
}

/// The rules behind a field of a provision, from its explanation: the root's inputs are every
/// refusal checked, then the quantity, rate and budget derivations (docs/indication-format.md).
std::vector<RuleBehind> rules_behind(json const& provision, std::string const& field) {
    std::vector<RuleBehind> out;
    std::set<std::string> seen;
    json const& root = provision.contains("explanation") ? provision["explanation"] : json();
    json const inputs =
        root.is_object() && root.contains("inputs") ? root["inputs"] : json::array();
    if (field == "status") {
        collect_rules(root, true, false, out, seen);
        // Refused: the refusals that held; otherwise every refusal that was checked.
        bool const refused = provision.value("status", "") == "refused";
        for (auto const& input : inputs)
            if (input.value("kind", "") == "refusal" &&
                (!refused || input.value("value", "") == "true"))
                collect_rules(input, false, false, out, seen);
        return out;
    }
    std::vector<json> derivations;
    for (auto const& input : inputs)
        if (input.value("kind", "") != "refusal")
            derivations.push_back(input);
    json const* node = nullptr;
    if (provision.contains(field)) {
        std::string const value = quantity_text(provision[field]);
        for (auto const& d : derivations)
            if (d.value("value", "") == value) {
                node = &d;
                break;
            }
        if (!node) {
            // No node shows the value: take the field's position among those present.
            std::size_t position = 0;
            for (std::string_view f : {"quantity", "rate", "budget"}) {
                if (f == field)
                    break;
                if (provision.contains(std::string(f)))
                    ++position;
            }
            if (position < derivations.size())
                node = &derivations[position];
        }
    }
    if (node)
        collect_rules(*node, true, true, out, seen);
    else
        collect_rules(root, true, false, out, seen);
    return out;
}

} // namespace

Result<OverrideSpec> parse_override(std::string_view text) {
    auto const eq = text.find('=');
    if (eq == std::string_view::npos)
        return bad(text, "expected FIELD=VALUE, e.g. budget=7000.00");
    std::string target(text.substr(0, eq));
    OverrideSpec spec;
    spec.value = std::string(text.substr(eq + 1));
    if (auto dot = target.rfind('.'); dot != std::string::npos) {
        spec.provision = target.substr(0, dot);
        spec.field = target.substr(dot + 1);
    } else {
        spec.field = target;
    }
    if (std::find(fields.begin(), fields.end(), spec.field) == fields.end())
        return bad(text, "unknown field '" + spec.field +
                             "' (expected status, quantity, rate or budget)");
    if (spec.value.empty())
        return bad(text, "the value is empty");
    return spec;
}

Result<ResolvedOverride> resolve_override(json const& indication, OverrideSpec const& spec) {
    std::string const text = spec_text(spec);
    if (!indication.contains("provisions") || !indication["provisions"].is_array() ||
        indication["provisions"].empty())
        return bad(text, "the indication has no provisions");
    json const& provisions = indication["provisions"];
    ResolvedOverride out;
    if (spec.provision.empty()) {
        if (provisions.size() != 1)
            return bad(text, "the indication has " + std::to_string(provisions.size()) +
                                 " provisions; name one, e.g. 0." + spec.field + " or " +
                                 provisions[0].value("provision", "") + "." + spec.field);
        out.provision = 0;
    } else if (std::all_of(spec.provision.begin(), spec.provision.end(),
                           [](char c) { return c >= '0' && c <= '9'; })) {
        out.provision = static_cast<std::size_t>(std::stoul(spec.provision));
        if (out.provision >= provisions.size())
            return bad(text, "there is no provision " + spec.provision + " (the indication has " +
                                 std::to_string(provisions.size()) + ")");
    } else {
        std::size_t found = provisions.size(), count = 0;
        for (std::size_t i = 0; i < provisions.size(); ++i)
            if (provisions[i].value("provision", "") == spec.provision) {
                if (count++ == 0)
                    found = i;
            }
        if (count == 0)
            return bad(text, "the indication has no provision '" + spec.provision + "'");
        if (count > 1)
            return bad(text, "provision '" + spec.provision +
                                 "' appears more than once; name it by its index");
        out.provision = found;
    }
    json const& provision = provisions[out.provision];
    out.provision_name = provision.value("provision", "");
    out.field = spec.field;
    if (spec.field == "status") {
        out.engine_value = provision.value("status", "");
        if (std::find(statuses.begin(), statuses.end(), spec.value) == statuses.end())
            return bad(text, "a status is granted, refused or undetermined");
        out.decided = spec.value;
    } else {
        bool const has = provision.contains(spec.field);
        out.engine_value = has ? quantity_text(provision[spec.field]) : "none";
        std::string amount = spec.value, unit;
        if (auto space = spec.value.find(' '); space != std::string::npos) {
            amount = spec.value.substr(0, space);
            unit = spec.value.substr(space + 1);
        }
        if (!Decimal::parse(amount))
            return bad(text, "'" + amount + "' is not a decimal amount like 7000.00");
        std::string const engine_unit = has ? provision[spec.field].value("unit", "") : "";
        if (unit.empty()) {
            if (!has)
                return bad(text, "the engine gave no " + spec.field +
                                     "; give the unit too, e.g. \"" + amount + " eur/year\"");
            unit = engine_unit;
        } else if (has && unit != engine_unit) {
            return bad(text,
                       "the engine's " + spec.field + " is in " + engine_unit + ", not " + unit);
        } else if (!Unit::parse(unit)) {
            return bad(text, "unknown unit '" + unit + "'");
        }
        out.decided = amount + " " + unit;
    }
    if (out.decided == out.engine_value)
        return bad(text, "the engine gave the same " + spec.field + " (" + out.engine_value +
                             "); an override records a different decision");
    out.rules = rules_behind(provision, spec.field);
    return out;
}

Result<std::int64_t> record_decision(Database& db, std::int64_t indication,
                                     std::vector<OverrideSpec> const& overrides,
                                     std::string const& reason, std::string const& decided_on,
                                     std::string const& recorded_at) {
    if (overrides.empty())
        return fail("S0109", std::nullopt, "a decision needs at least one --override");
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
        return fail("S0109", std::nullopt, "--reason: the committee's reason must not be empty");
    if (contains_bsn_like(reason))
        return fail("S0109", std::nullopt,
                    "--reason: contains a number that looks like a BSN; refer to the case by "
                    "its indication id instead");
    auto& sql = db.sql();
    try {
        SQLite::Statement query(sql,
                                "SELECT output, output_encoding FROM indications WHERE id = ?");
        query.bind(1, indication);
        if (!query.executeStep())
            return fail("S0107", std::nullopt,
                        db.path().string() + ": there is no indication " +
                            std::to_string(indication));
        auto const& column = query.getColumn(0);
        std::string why;
        StoredDictionaries dictionaries(db.sql());
        auto const text =
            decode_output(std::string_view(static_cast<char const*>(column.getBlob()),
                                           static_cast<std::size_t>(column.getBytes())),
                          query.getColumn(1).getString(), why, &dictionaries);
        if (!text)
            return fail("S0111", std::nullopt,
                        db.path().string() + ": indication " + std::to_string(indication) + ": " +
                            why + " (audit verify names the damaged entry)");
        json output = json::parse(*text, nullptr, false);
        if (!output.is_discarded() && !io::indication_json_has_explanations(*text)) {
            // Stored by `batch --store --no-explain`: the rules behind an override come from
            // the explanations, so they are recomputed (and checked against the stored bytes).
            BILLIJK_TRY(stored, load_indication(db, indication));
            BILLIJK_TRY(explained, explained_output(stored));
            output = json::parse(explained, nullptr, false);
        }
        if (output.is_discarded())
            return store_failure(db.path(), "reading indication " + std::to_string(indication),
                                 "the stored output is not JSON");
        std::vector<ResolvedOverride> resolved;
        std::set<std::pair<std::size_t, std::string>> seen;
        for (auto const& spec : overrides) {
            BILLIJK_TRY(r, resolve_override(output, spec));
            if (!seen.insert({r.provision, r.field}).second)
                return fail("S0109", std::nullopt,
                            "--override " + spec_text(spec) + ": that field is overridden twice");
            resolved.push_back(std::move(r));
        }

        // IMMEDIATE: the audit chain's last entry must be read under the write lock (audit.hpp).
        SQLite::Transaction tx(sql, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement add(
            sql, "INSERT INTO decisions(indication, decided_on, reason) VALUES (?,?,?)");
        add.bind(1, indication);
        add.bind(2, decided_on);
        add.bind(3, reason);
        add.exec();
        std::int64_t const id = sql.getLastInsertRowid();
        for (auto const& r : resolved) {
            SQLite::Statement add_override(
                sql, "INSERT INTO decision_overrides(decision, provision, field, engine_value, "
                     "decided) VALUES (?,?,?,?,?)");
            add_override.bind(1, id);
            add_override.bind(2, static_cast<std::int64_t>(r.provision));
            add_override.bind(3, r.field);
            add_override.bind(4, r.engine_value);
            add_override.bind(5, r.decided);
            add_override.exec();
            std::int64_t const override_id = sql.getLastInsertRowid();
            for (auto const& rule : r.rules) {
                SQLite::Statement add_rule(sql, "INSERT INTO override_rules(override, package, "
                                                "rule, kind, cites, direct) VALUES (?,?,?,?,?,?)");
                add_rule.bind(1, override_id);
                add_rule.bind(2, rule.package);
                add_rule.bind(3, rule.rule);
                add_rule.bind(4, rule.kind);
                add_rule.bind(5, rule.cites);
                add_rule.bind(6, rule.direct ? 1 : 0);
                add_rule.exec();
            }
        }
        std::optional<json> content;
        {
            RecordReader reader(sql); // finalised here, before the commit
            content = decision_audit_content(reader, id);
        }
        append_audit(sql, {"decision", "decision " + std::to_string(id), recorded_at,
                           content ? content->dump() : std::string("{}")});
        tx.commit();
        return id;
    } catch (std::exception const& e) {
        return store_failure(db.path(), "recording the decision", e.what());
    }
}

std::optional<json> decision_audit_content(RecordReader& reader, std::int64_t id) {
    auto& query =
        reader.statement("SELECT indication, decided_on, reason FROM decisions WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep())
        return std::nullopt;
    json content;
    content["decision"] = id;
    content["indication"] = query.getColumn(0).getInt64();
    content["decided_on"] = query.getColumn(1).getString();
    content["reason"] = query.getColumn(2).getString();
    json overrides = json::array();
    auto& rows = reader.statement("SELECT id, provision, field, engine_value, decided FROM "
                                  "decision_overrides WHERE decision = ? ORDER BY id");
    rows.bind(1, id);
    while (rows.executeStep()) {
        json rules = json::array();
        auto& behind = reader.statement("SELECT package, rule, kind, cites, direct FROM "
                                        "override_rules WHERE override = ? ORDER BY package, rule");
        behind.bind(1, rows.getColumn(0).getInt64());
        while (behind.executeStep())
            rules.push_back({{"package", behind.getColumn(0).getString()},
                             {"rule", behind.getColumn(1).getString()},
                             {"kind", behind.getColumn(2).getString()},
                             {"cites", behind.getColumn(3).getString()},
                             {"direct", behind.getColumn(4).getInt() != 0}});
        overrides.push_back({{"provision", rows.getColumn(1).getInt64()},
                             {"field", rows.getColumn(2).getString()},
                             {"engine", rows.getColumn(3).getString()},
                             {"decided", rows.getColumn(4).getString()},
                             {"rules", std::move(rules)}});
    }
    content["overrides"] = std::move(overrides);
    return content;
}

Result<std::vector<RecordedDecision>> decisions_on(Database& db, std::int64_t indication) {
    try {
        std::vector<RecordedDecision> out;
        SQLite::Statement decisions(db.sql(), "SELECT id, decided_on, reason FROM decisions "
                                              "WHERE indication = ? ORDER BY id");
        decisions.bind(1, indication);
        SQLite::Statement overrides(db.sql(), "SELECT provision, field, engine_value, decided "
                                              "FROM decision_overrides WHERE decision = ? "
                                              "ORDER BY id");
        while (decisions.executeStep()) {
            RecordedDecision d;
            d.id = decisions.getColumn(0).getInt64();
            d.decided_on = decisions.getColumn(1).getString();
            d.reason = decisions.getColumn(2).getString();
            overrides.bind(1, d.id);
            while (overrides.executeStep())
                d.overrides.push_back({static_cast<std::size_t>(overrides.getColumn(0).getInt64()),
                                       overrides.getColumn(1).getString(),
                                       overrides.getColumn(2).getString(),
                                       overrides.getColumn(3).getString()});
            overrides.reset();
            out.push_back(std::move(d));
        }
        return out;
    } catch (std::exception const& e) {
        return store_failure(db.path(),
                             "reading the decisions on indication " + std::to_string(indication),
                             e.what());
    }
}

} // namespace billijk::store
