// IndicateOptions::explain = false: the same statuses, amounts, parts, reasons and undetermined
// reasons as with explanations, and no explanation at all.
#include "barendrecht_fixture.hpp"
#include "io/indication_json.hpp"

#include <catch2/catch.hpp>

using namespace billijk;
using namespace billijk::test;

namespace {

std::string amount(std::optional<Quantity> const& q) {
    return q ? q->amount.to_string() + " " + q->unit.to_string() : "-";
}

std::string status(Status s) {
    return s == Status::granted ? "granted" : s == Status::refused ? "refused" : "undetermined";
}

/// Everything an indication decides, as text, without the explanation.
std::string decided(Indication const& ind) {
    std::string out = ind.case_id + " " + ind.reference_date.to_string() + "\n";
    for (auto const& p : ind.provisions) {
        out += p.provision + " " + status(p.status) + " q=" + amount(p.quantity) +
               " r=" + amount(p.rate) + " b=" + amount(p.budget) + "\n";
        for (auto const& r : p.reasons)
            out += "  reason " + r.rule + " | " + r.cites + " | " + r.text_nl + "\n";
        for (auto const& u : p.undetermined)
            out += "  undetermined " + u + "\n";
        for (auto const& part : p.parts)
            out += "  part " + part.period.start.to_string() + " " + status(part.status) +
                   " r=" + amount(part.rate) + " b=" + amount(part.budget) + "\n";
    }
    return out;
}

bool empty(Explanation const& e) {
    return e.kind.empty() && e.name.empty() && e.value.empty() && e.formula.empty() &&
           e.inputs.empty();
}

/// Indicates `c` with and without explanations and checks that both decide the same.
void same_decision(RuleSet const& rules, Case const& c) {
    auto with = indicate(rules, c, {});
    IndicateOptions quiet;
    quiet.explain = false;
    auto without = indicate(rules, c, quiet);
    REQUIRE(with.ok() == without.ok());
    if (!with.ok())
        return;
    CHECK(decided(with.value()) == decided(without.value()));
    for (auto const& p : with.value().provisions)
        CHECK(!empty(p.explanation));
    for (auto const& p : without.value().provisions) {
        CHECK(empty(p.explanation));
        CHECK(p.field_sources.empty());
    }
}

} // namespace

TEST_CASE("without explanations the Barendrecht cases decide the same") {
    RulesDir dir;
    write_barendrecht(dir);
    auto loaded = dir.load();
    REQUIRE(loaded->ok());
    auto const& rules = loaded->rules();

    auto c = barendrecht_case();
    SECTION("granted") {
        same_decision(rules, c);
    }
    SECTION("capped at 60% of the in-kind cost") {
        c.requests[0].rate = qty("30.00", "eur/hour");
        same_decision(rules, c);
    }
    SECTION("split at a version change") {
        c.period = {*Date::parse("2016-07-01"), *Date::parse("2017-06-30")};
        c.requests[0].rate = qty("30.00", "eur/hour");
        same_decision(rules, c);
    }
    SECTION("refused") {
        c.requests[0].facts["pgb_capable"] = false;
        same_decision(rules, c);
    }
    SECTION("undetermined: a missing fact") {
        c.requests[0].facts.clear();
        same_decision(rules, c);
    }
    SECTION("undetermined: a missing rate") {
        c.requests[0].rate.reset();
        same_decision(rules, c);
    }
    SECTION("minutes per week and no need above customary care") {
        c.requests[0].need = {{std::string("begeleiding"), qty("390", "minutes/week")}};
        same_decision(rules, c);
        c.requests[0].need = {{std::nullopt, qty("3", "hours/week")}};
        same_decision(rules, c);
    }
}

TEST_CASE("without explanations an exception decides the same") {
    RulesDir dir;
    write_barendrecht(dir);
    dir.write("barendrecht/exception.rules",
              R"RULES(package barendrecht.extra "Uitzondering"
  layer municipal
  law jeugdwet
  municipality GM0489
  extends national.jeugdwet
  valid 2018-01-01 ..

import "../national/jeugdwet.rules"

rule hourly_rate: eur/hour
  cites "test" label "Uurtarief"
  = 25.00 eur/hour

exception informal_lower to hourly_rate
  cites "test" label "Informeel lager"
  when request.provider == informal
  = min(request.rate, 20.00 eur/hour)

provision begeleiding_individueel
  cites "test" label "Begeleiding"
  kind begeleiding
  quantity = need(begeleiding)
  rate = hourly_rate
)RULES");
    auto loaded = dir.load();
    INFO(dump(loaded->diags()));
    REQUIRE(loaded->ok());
    auto c = barendrecht_case();
    c.decision_date = *Date::parse("2018-02-01");
    c.period = {*Date::parse("2018-02-01"), *Date::parse("2018-12-31")};
    c.requests[0].rate = qty("22.50", "eur/hour");
    same_decision(loaded->rules(), c); // the exception holds: 20.00
    c.requests[0].provider = "professional";
    same_decision(loaded->rules(), c); // it does not: 25.00
    c.requests[0].provider.reset();
    same_decision(loaded->rules(), c); // undetermined condition
}

TEST_CASE("without explanations an indication holds nothing of its rule set") {
    // It keeps no reference to the program (no node borrows a text from it), so it must stay
    // whole when the rule set is gone: read after the rule set is freed (the sanitizer build
    // would report a text that still pointed into it).
    RulesDir dir;
    write_barendrecht(dir);
    auto loaded = dir.load();
    REQUIRE(loaded->ok());
    auto c = barendrecht_case();
    c.period = {*Date::parse("2016-07-01"), *Date::parse("2017-06-30")}; // split: parts too
    IndicateOptions quiet;
    quiet.explain = false;
    auto without = indicate(loaded->rules(), c, quiet);
    auto with = indicate(loaded->rules(), c, {});
    REQUIRE(without);
    REQUIRE(with);
    std::string const expected = decided(with.value());
    std::string const expected_json = io::write_indication_json(without.value());
    for (auto const& p : with.value().provisions)
        CHECK(p.rule_set != nullptr); // explained: the program outlives the rule set's owner
    for (auto const& p : without.value().provisions)
        CHECK(p.rule_set == nullptr);
    loaded.reset();
    CHECK(decided(without.value()) == expected);
    CHECK(io::write_indication_json(without.value()) == expected_json);
    CHECK(decided(with.value()) == expected); // kept alive by its rule_set
}
