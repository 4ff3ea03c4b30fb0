// The direct JSON writer against the nlohmann tree it replaced: the same indication must give
// the same bytes, pretty and on one line, including strings that need escaping or are not valid
// UTF-8. The reference below is the former io/indication_json.cpp, kept here as the oracle.
#include "io_sample_indication.hpp"

#include "io/indication_json.hpp"
#include "io/json_writer.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <random>
#include <string>
#include <vector>

namespace billijk {
namespace {

namespace reference {

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

void put_if(json& out, char const* key, std::string_view value) {
    if (!value.empty())
        out[key] = std::string(value);
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
    out["status"] = std::string(io::status_name(p.status));
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
    out["status"] = std::string(io::status_name(p.status));
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

std::string pretty(Indication const& indication) {
    return indication_object(indication, true).dump(2, ' ', false, json::error_handler_t::replace) +
           "\n";
}

std::string line(Indication const& indication, bool explanations) {
    return indication_object(indication, explanations)
        .dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace reference

void check_same(Indication const& ind) {
    CHECK(io::write_indication_json(ind) == reference::pretty(ind));
    CHECK(io::write_indication_json_line(ind, true) == reference::line(ind, true));
    CHECK(io::write_indication_json_line(ind, false) == reference::line(ind, false));
}

/// The sample with a split period, a re-indication and an empty explanation node.
Indication with_every_member() {
    Indication ind = test::sample_indication();
    auto& p = ind.provisions.at(0);
    PeriodPart part;
    part.period = p.period;
    part.status = Status::granted;
    part.quantity = p.quantity;
    part.reasons = {{"r", "art. 1", "tekst", "text"}};
    part.undetermined = {"missing request.rate"};
    p.parts = {part, part};
    p.previous = PreviousIndication{*Date::parse("2016-12-01"), p.quantity, p.rate, std::nullopt};
    Change change;
    change.field = "rate";
    change.from = p.rate;
    change.to = p.rate;
    change.difference = p.rate;
    change.rule = "hourly_rate";
    change.label_nl = "Uurtarief";
    change.formula = "min(16.00, 27.00)";
    p.changes = {change, Change{}};
    Explanation empty;
    Explanation root = p.explanation;
    root.inputs.push_back(empty);
    p.explanation = root;
    ind.plugins.clear();
    return ind;
}

} // namespace

TEST_CASE("io: the direct writer gives nlohmann's bytes for the sample indication") {
    check_same(test::sample_indication());
    check_same(with_every_member());
    check_same(Indication{});
}

TEST_CASE("io: the direct writer escapes strings as nlohmann does") {
    std::vector<std::string> const strings = {
        "",
        "plain",
        "quote \" and backslash \\ and slash /",
        "cli\xC3\xABnt \xE2\x82\xAC 16,00 \xF0\x9F\x98\x80", // ë, €, an emoji
        "tab\there, newline\nthere, \r\b\f",
        std::string("nul \0 and \x01 and \x1F", 17),
        "delete \x7F",
        "stray \xFF byte",
        "cut \xE2\x82", // truncated sequence
        "overlong \xC0\xAF, surrogate \xED\xA0\x80, too high \xF4\x90\x80\x80",
    };
    for (auto const& s : strings) {
        INFO(s);
        Indication ind = test::sample_indication();
        ind.case_id = s;
        auto& p = ind.provisions.at(0);
        p.undetermined = {s, s};
        Explanation root = p.explanation;
        root.label_nl = s;
        root.formula = s;
        p.explanation = root;
        check_same(ind);
    }
}

TEST_CASE("io: a shared explanation node is written at every use, at any depth") {
    // The writer copies the bytes of a node it wrote before (JsonWriter::repeat): the copy must
    // equal writing the node again, at the same depth, deeper, shallower and on one line.
    Indication ind = test::sample_indication();
    Explanation leaf;
    leaf.kind = "parameter";
    leaf.name = "share";
    leaf.value = "60%";
    leaf.note_nl = "versie geldig van 2015-01-01 zonder einddatum";
    Explanation middle;
    middle.kind = "rule";
    middle.name = "capped";
    middle.inputs.push_back(leaf);
    middle.inputs.push_back(std::make_shared<Explanation const>(Explanation{}));
    auto const shared_middle = std::make_shared<Explanation const>(middle);
    ExplanationRef const shared_leaf = shared_middle->inputs.refs().front();
    Explanation deeper;
    deeper.kind = "expression";
    deeper.inputs.push_back(shared_middle);
    Explanation root = ind.provisions.at(0).explanation;
    root.inputs.push_back(shared_middle);                               // depth d
    root.inputs.push_back(std::make_shared<Explanation const>(deeper)); // depth d + 1
    root.inputs.push_back(shared_leaf);                                 // the leaf shallower
    root.inputs.push_back(shared_middle);                               // depth d again
    ind.provisions.at(0).explanation = root;
    ProvisionResult second = ind.provisions.at(0);
    second.explanation = Explanation{};
    second.explanation.kind = "provision";
    second.explanation.inputs.push_back(shared_leaf); // in the next provision
    ind.provisions.push_back(second);
    check_same(ind);
}

TEST_CASE("io: random strings are escaped as nlohmann escapes them") {
    // append_json_string skips plain bytes eight at a time and checks UTF-8 as it goes: strings
    // of every length up to 40 with specials at every position, against nlohmann's dump.
    std::vector<std::string> const pieces = {"a",
                                             "Z",
                                             " ",
                                             "~",
                                             "\"",
                                             "\\",
                                             "/",
                                             "\n",
                                             "\t",
                                             std::string(1, '\0'),
                                             "\x1F",
                                             "\x7F",
                                             "\xC3\xAB",
                                             "\xC2\xA7",
                                             "\xE2\x80\xA6",
                                             "\xF0\x9F\x98\x80",
                                             "\xFF",
                                             "\xC3",
                                             "\xE2\x82",
                                             "\xED\xA0\x80",
                                             "\xC0\xAF"};
    std::mt19937 random(20261127);
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        auto const parts = random() % 24;
        for (std::size_t k = 0; k < parts; ++k) {
            // Mostly plain letters, so that long plain runs occur between the specials.
            auto const pick = random() % (pieces.size() * 3);
            text += pick < pieces.size() ? pieces[pick] : std::string(1 + random() % 9, 'x');
        }
        std::string ours;
        io::append_json_string(ours, text);
        auto const theirs =
            nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        INFO(text);
        REQUIRE(ours == theirs);
    }
}

TEST_CASE("io: a byte that needs escaping is found at every offset of a word and of the tail") {
    // append_json_string reads sixteen or eight bytes at a time and a padded tail, jumps to the
    // first byte that needs a look, and writes plain strings of up to 62 bytes in one append:
    // one such byte (or sequence) at every position of strings up to 70 bytes long, appended
    // after text already in the buffer, against nlohmann's dump.
    std::vector<std::string> const pieces = {
        "\"", "\\",       "\n",   std::string(1, '\0'), "\x1F",     "\x7F",
        " ",  "\xC3\xAB", "\xFF", "\xE2\x82\xAC",       "\xE2\x82", "\xF0\x9F\x98\x80"};
    for (std::size_t length = 0; length <= 70; ++length) {
        for (std::size_t at = 0; at <= length; ++at) {
            for (auto const& piece : pieces) {
                std::string const text =
                    std::string(at, 'x') + piece + std::string(length - at, 'y');
                std::string ours = "before";
                io::append_json_string(ours, text);
                auto const theirs = nlohmann::json(text).dump(
                    -1, ' ', false, nlohmann::json::error_handler_t::replace);
                INFO(length << " " << at << " " << text);
                REQUIRE(ours == "before" + theirs);
            }
        }
    }
}

TEST_CASE("io: an indication written after a prefix is the prefix and the one-line JSON") {
    // A batch result line is written this way ({"indication": …), with a shared node repeated.
    Indication ind = test::sample_indication();
    auto const shared = std::make_shared<Explanation const>(ind.provisions.at(0).explanation);
    Explanation root;
    root.kind = "provision";
    root.inputs.push_back(shared);
    root.inputs.push_back(shared);
    ind.provisions.at(0).explanation = root;
    for (bool explanations : {true, false}) {
        std::string const alone = io::write_indication_json_line(ind, explanations);
        std::string const prefixed =
            io::append_indication_json_line("{\"indication\":", ind, explanations);
        REQUIRE(prefixed == "{\"indication\":" + alone);
        REQUIRE(alone == nlohmann::json::parse(alone).dump(
                             -1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
}

TEST_CASE("io: JsonWriter nests empty and filled containers like nlohmann") {
    io::JsonWriter w(2);
    w.begin_object();
    w.key("a");
    w.begin_array();
    w.end_array();
    w.key("b");
    w.begin_object();
    w.end_object();
    w.key("c");
    w.begin_array();
    w.integer(-12);
    w.boolean(false);
    w.begin_array();
    w.string("x");
    w.end_array();
    w.end_array();
    w.end_object();
    nlohmann::json j = {{"a", nlohmann::json::array()},
                        {"b", nlohmann::json::object()},
                        {"c", {-12, false, {"x"}}}};
    CHECK(w.take() == j.dump(2));
}

} // namespace billijk
