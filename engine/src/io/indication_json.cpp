// Members are written in sorted key order, as nlohmann::json's std::map ordered them when this
// writer built an nlohmann tree: the bytes are unchanged (tests/unit/engine/io_json_writer_test).
#include "io/indication_json.hpp"

#include "io/json_writer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_map>

namespace billijk::io {

namespace {

void quantity(JsonWriter& w, Quantity const& q) {
    w.begin_object();
    w.member("amount", q.amount.to_string());
    w.member("unit", q.unit.to_string());
    w.end_object();
}

/// Writes `key` when the amount is present (quantity, rate, budget of a provision or part).
void put_amount(JsonWriter& w, char const* key, std::optional<Quantity> const& amount) {
    if (!amount)
        return;
    w.key(key);
    quantity(w, *amount);
}

void put_if(JsonWriter& w, char const* key, std::string_view value) {
    if (value.empty())
        return;
    w.key(key);
    w.string(value);
}

void period(JsonWriter& w, Period const& p) {
    w.begin_object();
    w.member("end", p.end.to_string());
    w.member("start", p.start.to_string());
    w.end_object();
}

/// The explanation nodes already written into one document. A shared node (one value used in
/// several places) is printed in full at every use; its bytes are copied, not built again: an
/// explained indication prints about three nodes for every distinct one.
using WrittenNodes = std::unordered_map<Explanation const*, JsonWriter::Written>;

void explanation(JsonWriter& w, Explanation const& e, WrittenNodes& written) {
    if (auto it = written.find(&e); it != written.end()) {
        w.repeat(it->second);
        return;
    }
    w.begin_object();
    auto bytes = JsonWriter::Written::start(w);
    put_if(w, "cites", e.cites);
    put_if(w, "expression", e.expression);
    put_if(w, "formula", e.formula);
    if (!e.inputs.empty()) {
        w.key("inputs");
        w.begin_array();
        for (Explanation const& input : e.inputs)
            explanation(w, input, written);
        w.end_array();
    }
    put_if(w, "kind", e.kind);
    put_if(w, "label_en", e.label_en);
    put_if(w, "label_nl", e.label_nl);
    put_if(w, "layer", e.layer);
    put_if(w, "name", e.name);
    put_if(w, "note_en", e.note_en);
    put_if(w, "note_nl", e.note_nl);
    put_if(w, "package", e.package);
    put_if(w, "value", e.value);
    w.end_object();
    bytes.finish(w);
    written.emplace(&e, bytes);
}

void reason_list(JsonWriter& w, std::vector<Reason> const& list) {
    w.begin_array();
    for (Reason const& r : list) {
        w.begin_object();
        w.member("cites", r.cites);
        w.member("rule", r.rule);
        w.member("text_en", r.text_en);
        w.member("text_nl", r.text_nl);
        w.end_object();
    }
    w.end_array();
}

void string_list(JsonWriter& w, std::vector<std::string> const& list) {
    w.begin_array();
    for (std::string const& s : list)
        w.string(s);
    w.end_array();
}

/// The members a provision and a part of it share, from "quantity" on (keys in sorted order).
template <typename Decided> void decision(JsonWriter& w, Decided const& p) {
    put_amount(w, "quantity", p.quantity);
    put_amount(w, "rate", p.rate);
    w.key("reasons");
    reason_list(w, p.reasons);
    w.member("status", status_name(p.status));
    w.key("undetermined");
    string_list(w, p.undetermined);
}

/// A part of a split period (absent when the period is not split).
void part(JsonWriter& w, PeriodPart const& p) {
    w.begin_object();
    put_amount(w, "budget", p.budget);
    w.key("period");
    period(w, p.period);
    decision(w, p);
    w.end_object();
}

/// What changed against the indication a re-indication replaces.
void changes(JsonWriter& w, std::vector<Change> const& list) {
    w.begin_array();
    for (Change const& c : list) {
        w.begin_object();
        put_amount(w, "difference", c.difference);
        w.member("field", c.field);
        put_if(w, "formula", c.formula);
        put_amount(w, "from", c.from);
        put_if(w, "label_en", c.label_en);
        put_if(w, "label_nl", c.label_nl);
        put_if(w, "rule", c.rule);
        put_amount(w, "to", c.to);
        w.end_object();
    }
    w.end_array();
}

/// The indication a re-indication replaces (absent otherwise).
void previous(JsonWriter& w, PreviousIndication const& p) {
    w.begin_object();
    put_amount(w, "budget", p.budget);
    w.member("decided_on", p.decided_on.to_string());
    put_amount(w, "quantity", p.quantity);
    put_amount(w, "rate", p.rate);
    w.end_object();
}

void provision(JsonWriter& w, ProvisionResult const& p, bool explanations, WrittenNodes& written) {
    w.begin_object();
    put_amount(w, "budget", p.budget);
    if (p.previous) {
        w.key("changes");
        changes(w, p.changes);
    }
    w.key("codes");
    w.begin_object();
    put_if(w, "category", p.category);
    put_if(w, "frequency", p.frequency);
    put_if(w, "product", p.product);
    put_if(w, "unit", p.unit_code);
    w.end_object();
    if (explanations) {
        w.key("explanation");
        explanation(w, p.explanation, written);
    }
    w.member("form", p.form);
    w.key("granted");
    w.boolean(p.status == Status::granted);
    if (!p.parts.empty()) {
        w.key("parts");
        w.begin_array();
        for (PeriodPart const& pp : p.parts)
            part(w, pp);
        w.end_array();
    }
    w.key("period");
    period(w, p.period);
    if (p.previous) {
        w.key("previous");
        previous(w, *p.previous);
    }
    w.member("provision", p.provision);
    decision(w, p);
    w.end_object();
}

void indication_object(JsonWriter& w, Indication const& indication, bool explanations) {
    w.begin_object();
    w.member("case_id", indication.case_id);
    w.member("engine", indication.engine);
    w.member("fingerprint", indication.fingerprint);
    // Only with plugins, so that indications without them are unchanged.
    if (!indication.plugins.empty()) {
        w.key("plugins");
        w.begin_array();
        for (PluginRef const& p : indication.plugins) {
            w.begin_object();
            w.member("abi", p.abi);
            w.member("municipality", p.municipality);
            w.member("name", p.name);
            w.member("sha256", p.sha256);
            w.member("version", p.version);
            w.end_object();
        }
        w.end_array();
    }
    w.key("provisions");
    w.begin_array();
    WrittenNodes written;
    for (ProvisionResult const& p : indication.provisions)
        provision(w, p, explanations, written);
    w.end_array();
    w.member("reference_date", indication.reference_date.to_string());
    w.key("rules");
    w.begin_array();
    for (RulePackageRef const& r : indication.rules) {
        w.begin_object();
        w.member("hash", r.hash);
        w.member("package", r.package);
        w.member("version", r.version);
        w.end_object();
    }
    w.end_array();
    w.member("schema", indication.schema);
    w.end_object();
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

std::string write_indication_json(Indication const& indication, bool explanations) {
    JsonWriter w(2);
    indication_object(w, indication, explanations);
    std::string text = w.take();
    text += '\n';
    return text;
}

std::string write_indication_json_line(Indication const& indication, bool explanations) {
    return append_indication_json_line({}, indication, explanations);
}

std::string append_indication_json_line(std::string before, Indication const& indication,
                                        bool explanations) {
    JsonWriter w(-1, std::move(before));
    indication_object(w, indication, explanations);
    return w.take();
}

bool indication_json_is_one_line(std::string_view json) {
    return json.find('\n') == std::string_view::npos;
}

bool indication_json_has_explanations(std::string_view json) {
    auto const root = nlohmann::json::parse(json, nullptr, false);
    if (!root.is_object())
        return false;
    auto const provisions = root.find("provisions");
    if (provisions == root.end() || !provisions->is_array())
        return false;
    if (provisions->empty())
        return true;
    return std::any_of(provisions->begin(), provisions->end(), [](nlohmann::json const& p) {
        return p.is_object() && p.contains("explanation");
    });
}

} // namespace billijk::io
