#include "io/indication_json.hpp"

#include <nlohmann/json.hpp>

namespace billijk::io {

namespace {

using json = nlohmann::json;

json quantity(Quantity const& q) {
    json out = json::object();
    out["amount"] = q.amount.to_string();
    out["unit"] = q.unit.to_string();
    return out;
}

json period(Period const& p) {
    json out = json::object();
    out["start"] = p.start.to_string();
    out["end"] = p.end.to_string();
    return out;
}

void put_if(json& out, char const* key, std::string const& value) {
    if (!value.empty())
        out[key] = value;
}

json explanation(Explanation const& e) {
    json out = json::object();
    put_if(out, "kind", e.kind);
    put_if(out, "name", e.name);
    put_if(out, "package", e.package);
    put_if(out, "layer", e.layer);
    put_if(out, "cites", e.cites);
    put_if(out, "label_nl", e.label_nl);
    put_if(out, "label_en", e.label_en);
    put_if(out, "value", e.value);
    put_if(out, "expression", e.expression);
    put_if(out, "formula", e.formula);
    put_if(out, "note_nl", e.note_nl);
    put_if(out, "note_en", e.note_en);
    if (!e.inputs.empty()) {
        json inputs = json::array();
        for (Explanation const& input : e.inputs)
            inputs.push_back(explanation(input));
        out["inputs"] = std::move(inputs);
    }
    return out;
}

json reason_list(std::vector<Reason> const& list) {
    json reasons = json::array();
    for (Reason const& r : list) {
        json reason = json::object();
        reason["rule"] = r.rule;
        reason["cites"] = r.cites;
        reason["text_nl"] = r.text_nl;
        reason["text_en"] = r.text_en;
        reasons.push_back(std::move(reason));
    }
    return reasons;
}

json string_list(std::vector<std::string> const& list) {
    json out = json::array();
    for (std::string const& s : list)
        out.push_back(s);
    return out;
}

/// A part of a split period (absent when the period is not split).
/// Writes `key` when the amount is present (quantity, rate, budget of a provision or part).
void put_amount(json& out, char const* key, std::optional<Quantity> const& amount) {
    if (amount)
        out[key] = quantity(*amount);
}

json part(PeriodPart const& p) {
    json out = json::object();
    out["period"] = period(p.period);
    out["status"] = std::string(status_name(p.status));
    put_amount(out, "quantity", p.quantity);
    put_amount(out, "rate", p.rate);
    put_amount(out, "budget", p.budget);
    out["reasons"] = reason_list(p.reasons);
    out["undetermined"] = string_list(p.undetermined);
    return out;
}

/// The indication a re-indication replaces, and what changed (absent otherwise).
void reindication(json& out, ProvisionResult const& p) {
    if (!p.previous)
        return;
    json previous = json::object();
    previous["decided_on"] = p.previous->decided_on.to_string();
    put_amount(previous, "quantity", p.previous->quantity);
    put_amount(previous, "rate", p.previous->rate);
    put_amount(previous, "budget", p.previous->budget);
    out["previous"] = std::move(previous);
    json changes = json::array();
    for (Change const& c : p.changes) {
        json change = json::object();
        change["field"] = c.field;
        put_amount(change, "from", c.from);
        put_amount(change, "to", c.to);
        put_amount(change, "difference", c.difference);
        put_if(change, "rule", c.rule);
        put_if(change, "label_nl", c.label_nl);
        put_if(change, "label_en", c.label_en);
        put_if(change, "formula", c.formula);
        changes.push_back(std::move(change));
    }
    out["changes"] = std::move(changes);
}

json provision(ProvisionResult const& p, bool explanations) {
    json out = json::object();
    out["provision"] = p.provision;
    out["status"] = std::string(status_name(p.status));
    out["granted"] = p.status == Status::granted;
    out["form"] = p.form;
    put_amount(out, "quantity", p.quantity);
    put_amount(out, "rate", p.rate);
    put_amount(out, "budget", p.budget);
    out["period"] = period(p.period);
    json codes = json::object();
    put_if(codes, "category", p.category);
    put_if(codes, "product", p.product);
    put_if(codes, "unit", p.unit_code);
    put_if(codes, "frequency", p.frequency);
    out["codes"] = std::move(codes);
    out["reasons"] = reason_list(p.reasons);
    out["undetermined"] = string_list(p.undetermined);
    if (!p.parts.empty()) {
        json parts = json::array();
        for (PeriodPart const& pp : p.parts)
            parts.push_back(part(pp));
        out["parts"] = std::move(parts);
    }
    reindication(out, p);
    if (explanations)
        out["explanation"] = explanation(p.explanation);
    return out;
}

} // namespace

std::string_view status_name(Status status) {
    switch (status) {
    case Status::granted:
        return "granted";
    case Status::refused:
        return "refused";
    case Status::undetermined:
        return "undetermined";
    }
    return "undetermined";
}

namespace {

json indication_object(Indication const& indication, bool explanations) {
    json out = json::object();
    out["schema"] = indication.schema;
    out["case_id"] = indication.case_id;
    out["fingerprint"] = indication.fingerprint;
    out["engine"] = indication.engine;
    out["reference_date"] = indication.reference_date.to_string();
    json rules = json::array();
    for (RulePackageRef const& r : indication.rules) {
        json ref = json::object();
        ref["package"] = r.package;
        ref["version"] = r.version;
        ref["hash"] = r.hash;
        rules.push_back(std::move(ref));
    }
    out["rules"] = std::move(rules);
    // Only with plugins, so that indications without them are unchanged.
    if (!indication.plugins.empty()) {
        json plugins = json::array();
        for (PluginRef const& p : indication.plugins) {
            json ref = json::object();
            ref["name"] = p.name;
            ref["municipality"] = p.municipality;
            ref["version"] = p.version;
            ref["abi"] = p.abi;
            ref["sha256"] = p.sha256;
            plugins.push_back(std::move(ref));
        }
        out["plugins"] = std::move(plugins);
    }
    json provisions = json::array();
    for (ProvisionResult const& p : indication.provisions)
        provisions.push_back(provision(p, explanations));
    out["provisions"] = std::move(provisions);
    return out;
}

} // namespace

// Strings come from rule files and cases, both UTF-8; `replace` keeps a stray byte from
// throwing here.
std::string write_indication_json(Indication const& indication) {
    return indication_object(indication, true).dump(2, ' ', false, json::error_handler_t::replace) +
           "\n";
}

std::string write_indication_json_line(Indication const& indication, bool explanations) {
    return indication_object(indication, explanations)
        .dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace billijk::io
