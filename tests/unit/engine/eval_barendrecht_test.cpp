// End to end: a Barendrecht-like rule set, loaded and checked, then indicated for the audit's
// example case (informal begeleiding, €16/h asked, 14 h/week assessed, child of 7).
#include "barendrecht_fixture.hpp"

#include <catch2/catch.hpp>

using namespace billijk;
using namespace billijk::test;

namespace {

struct Fixture {
    RulesDir dir;
    std::unique_ptr<Loaded> loaded;
    Fixture() {
        write_barendrecht(dir);
        loaded = dir.load();
    }
    Indication run(Case const& c, IndicateOptions const& o = {}) {
        REQUIRE(loaded->ok());
        auto ind = indicate(loaded->rules(), c, o);
        INFO((ind ? std::string() : dump(ind.diagnostics())));
        REQUIRE(ind.ok());
        return ind.value();
    }
};

} // namespace

TEST_CASE("the Barendrecht rule set loads without diagnostics") {
    Fixture f;
    INFO(dump(f.loaded->diags()));
    CHECK(f.loaded->ok());
}

TEST_CASE("the audit's informal begeleiding case is granted at the requested rate") {
    Fixture f;
    auto ind = f.run(barendrecht_case());
    CHECK(ind.case_id == "TEST-1");
    CHECK(ind.reference_date.to_string() == "2017-06-01");
    REQUIRE(ind.rules.size() == 2);
    CHECK(ind.rules[0].package == "barendrecht.jeugd");
    CHECK(ind.rules[0].version == "2015-01-01..2017-12-31");
    CHECK(ind.rules[0].hash.rfind("sha256:", 0) == 0);
    CHECK(ind.rules[0].hash.size() == 7 + 64);
    CHECK(ind.rules[1].package == "national.jeugdwet");
    CHECK(ind.rules[1].version == "2015-01-01..");

    REQUIRE(ind.provisions.size() == 1);
    auto const& p = ind.provisions[0];
    CHECK(p.status == Status::granted);
    CHECK(p.provision == "begeleiding_individueel");
    CHECK(p.category == "45");
    CHECK(p.product == "45A07");
    CHECK(p.unit_code == "04");
    CHECK(p.frequency == "2");
    REQUIRE(p.quantity);
    CHECK(p.quantity->amount.to_string() == "10");
    CHECK(p.quantity->unit.to_string() == "hours/week");
    REQUIRE(p.rate);
    CHECK(p.rate->amount.to_string() == "16.00");
    CHECK(p.rate->unit.to_string() == "eur/hour");
    REQUIRE(p.budget);
    CHECK(p.budget->amount.to_string() == "8320.00");
    CHECK(p.budget->unit.to_string() == "eur/year");
    CHECK(p.reasons.empty());
    CHECK(p.undetermined.empty());
}

TEST_CASE("the explanation quotes every rule with values substituted") {
    Fixture f;
    auto ind = f.run(barendrecht_case());
    auto const& root = ind.provisions.at(0).explanation;
    CHECK(root.kind == "provision");
    CHECK(root.name == "begeleiding_individueel");
    CHECK(root.value == "granted");
    CHECK(root.package == "barendrecht.jeugd");
    CHECK(root.layer == "municipal");
    // refusals first (lower layer first), then quantity, rate, budget
    REQUIRE(root.inputs.size() == 5);
    CHECK(root.inputs[0].name == "not_capable");
    CHECK(root.inputs[0].kind == "refusal");
    CHECK(root.inputs[0].value == "false");
    CHECK(root.inputs[0].layer == "national");
    CHECK(root.inputs[1].name == "no_need");
    CHECK(root.inputs[1].value == "false");
    CHECK(root.inputs[1].formula == "10 hours/week <= 0 hours/week");
    CHECK(root.inputs[2].name == "hours_per_week");
    CHECK(root.inputs[3].name == "hourly_rate");
    CHECK(root.inputs[4].name == "budget_per_year");

    auto const* cap = node(root, "informal_cap");
    REQUIRE(cap);
    CHECK(cap->kind == "rule");
    CHECK(cap->value == "27.00 eur/hour");
    CHECK(cap->expression == "round(informal_share * in_kind_cost, 0.01, half_up)");
    CHECK(cap->formula == "round(60% * 45.00 eur/hour, 0.01, half_up)");
    CHECK(cap->cites == "Beleidsregels Jeugdhulp 2015 §2.12.1");
    CHECK(cap->label_nl == "Maximaal uurtarief informele zorg");
    CHECK(cap->label_en == "Maximum hourly rate for informal care");
    REQUIRE(cap->inputs.size() == 2);
    CHECK(cap->inputs[0].name == "informal_share");
    CHECK(cap->inputs[0].value == "60%");
    CHECK(cap->inputs[1].name == "in_kind_cost");

    auto const* rate = node(root, "hourly_rate");
    REQUIRE(rate);
    CHECK(rate->value == "16.00 eur/hour");
    CHECK(rate->expression == "if request.provider == informal then min(request.rate, "
                              "informal_cap) else min(request.rate, in_kind_cost)");
    CHECK(rate->formula == "if informal == informal then min(16.00 eur/hour, 27.00 eur/hour) "
                           "else min(request.rate, in_kind_cost)");
    REQUIRE(rate->inputs.size() == 3);
    CHECK(rate->inputs[0].kind == "input");
    CHECK(rate->inputs[0].name == "request.provider");
    CHECK(rate->inputs[1].name == "request.rate");
    CHECK(rate->inputs[2].name == "informal_cap");

    auto const* cost = node(root, "in_kind_cost");
    REQUIRE(cost);
    CHECK(cost->kind == "parameter");
    CHECK(cost->value == "45.00 eur/hour");
    CHECK(cost->note_nl == "versie geldig van 2017-01-01 t/m 2017-12-31");
    CHECK(cost->note_en == "version valid from 2017-01-01 to 2017-12-31");

    auto const* budget = node(root, "budget_per_year");
    REQUIRE(budget);
    CHECK(budget->formula == "16.00 eur/hour * 10 hours/week * 52 weeks/year");
    CHECK(budget->value == "8320.00 eur/year");

    auto const* table = node(root, "customary_care");
    REQUIRE(table);
    CHECK(table->kind == "table");
    CHECK(table->formula == "customary_care(begeleiding, 7 years)");
    CHECK(table->value == "4 hours/week");
    CHECK(table->note_nl == "rij 2: begeleiding, [5, 18) -> 4 hours/week");

    auto const* need = node(root, "need(begeleiding)");
    REQUIRE(need);
    CHECK(need->kind == "input");
    CHECK(need->value == "14 hours/week");

    auto const* hours = node(root, "hours_per_week");
    REQUIRE(hours);
    CHECK(hours->formula == "max(14 hours/week - 4 hours/week, 0 hours/week) + max(0 hours/week "
                            "- 10 hours/week, 0 hours/week)");
}

TEST_CASE("parameter versions are picked by the period's first day") {
    Fixture f;
    auto c = barendrecht_case();
    c.period = {*Date::parse("2016-05-01"), *Date::parse("2016-12-31")};
    auto ind = f.run(c);
    auto const* cap = node(ind.provisions.at(0).explanation, "informal_cap");
    REQUIRE(cap);
    CHECK(cap->formula == "round(60% * 44.00 eur/hour, 0.01, half_up)");
    CHECK(cap->value == "26.40 eur/hour");
    CHECK(ind.provisions.at(0).parts.empty());
}

TEST_CASE("the reference date chooses the package, not the versions") {
    Fixture f;
    IndicateOptions o;
    o.reference_date = *Date::parse("2016-05-01"); // the period still starts 2017-07-01
    auto ind = f.run(barendrecht_case(), o);
    CHECK(ind.reference_date.to_string() == "2016-05-01");
    auto const* cap = node(ind.provisions.at(0).explanation, "informal_cap");
    REQUIRE(cap);
    CHECK(cap->value == "27.00 eur/hour");
}

TEST_CASE("a period that crosses a version change is split there, each part priced apart") {
    Fixture f;
    auto c = barendrecht_case();
    c.period = {*Date::parse("2016-07-01"), *Date::parse("2017-06-30")};
    c.requests[0].rate = qty("30.00", "eur/hour"); // above both caps: the cap decides the rate

    auto ind = f.run(c);
    auto const& p = ind.provisions.at(0);
    CHECK(p.status == Status::granted);
    CHECK(p.period.start.to_string() == "2016-07-01");
    CHECK(p.period.end.to_string() == "2017-06-30");
    REQUIRE(p.parts.size() == 2);
    CHECK(p.parts[0].period.start.to_string() == "2016-07-01");
    CHECK(p.parts[0].period.end.to_string() == "2016-12-31");
    CHECK(p.parts[1].period.start.to_string() == "2017-01-01");
    CHECK(p.parts[1].period.end.to_string() == "2017-06-30");
    CHECK(p.parts[0].rate->amount.to_string() == "26.40");
    CHECK(p.parts[1].rate->amount.to_string() == "27.00");
    // The hours are the same in both parts; the rate and the yearly budget are not, so the
    // provision reports the shared quantity and leaves rate and budget to the parts.
    REQUIRE(p.quantity);
    CHECK(p.quantity->amount.to_string() == "10");
    CHECK(!p.rate);
    CHECK(!p.budget);
    REQUIRE(p.explanation.inputs.size() == 2);
    CHECK(p.explanation.inputs[0].kind == "part");
    CHECK(p.explanation.inputs[0].name == "2016-07-01..2016-12-31");
    CHECK(p.explanation.inputs[1].label_en == "Part 2 of 2: 2017-01-01 to 2017-06-30");
    auto const* later = node(p.explanation.inputs[1], "informal_cap");
    REQUIRE(later);
    CHECK(later->formula == "round(60% * 45.00 eur/hour, 0.01, half_up)");
}

TEST_CASE("parts that agree report their common amounts on the provision") {
    Fixture f;
    auto c = barendrecht_case(); // 16.00 asked: below both caps
    c.period = {*Date::parse("2016-07-01"), *Date::parse("2017-06-30")};
    auto ind = f.run(c);
    auto const& p = ind.provisions.at(0);
    REQUIRE(p.parts.size() == 2);
    REQUIRE(p.rate);
    CHECK(p.rate->amount.to_string() == "16.00");
    REQUIRE(p.budget);
    CHECK(p.budget->amount == p.parts[0].budget->amount);
}

TEST_CASE("a version that ends without a successor does not split the period") {
    Fixture f;
    auto c = barendrecht_case();
    c.period = {*Date::parse("2017-07-01"), *Date::parse("2018-06-30")}; // 45.00 ends 2017-12-31
    auto ind = f.run(c);
    auto const& p = ind.provisions.at(0);
    CHECK(p.parts.empty());
    CHECK(p.status == Status::granted);
    auto const* cap = node(p.explanation, "in_kind_cost");
    REQUIRE(cap);
    CHECK(cap->note_nl == "versie geldig van 2017-01-01 t/m 2017-12-31");
}

TEST_CASE("a missing requested rate leaves the rate, the budget and the status undetermined") {
    Fixture f;
    auto c = barendrecht_case();
    c.requests[0].rate.reset();
    auto ind = f.run(c);
    auto const& p = ind.provisions.at(0);
    CHECK(p.status == Status::undetermined);
    CHECK(p.explanation.value == "undetermined");
    CHECK(p.quantity); // what could be computed is still reported
    CHECK(!p.rate);
    CHECK(!p.budget);
    CHECK(p.undetermined == std::vector<std::string>{"missing request.rate"});
    auto const* budget = node(p.explanation, "budget_per_year");
    REQUIRE(budget);
    CHECK(budget->value == "undetermined: missing request.rate");
    CHECK(budget->formula == "undetermined * 10 hours/week * 52 weeks/year");
}

TEST_CASE("a missing fact makes the refusal, and so the provision, undetermined") {
    Fixture f;
    auto c = barendrecht_case();
    c.requests[0].facts.clear();
    auto ind = f.run(c);
    auto const& p = ind.provisions.at(0);
    CHECK(p.status == Status::undetermined);
    CHECK(p.undetermined == std::vector<std::string>{"missing fact pgb_capable"});
    CHECK(!p.quantity);
    CHECK(p.explanation.inputs.at(0).value == "undetermined: missing fact pgb_capable");
}

TEST_CASE("an in-kind request short-circuits the PGB refusal and reports no rate") {
    Fixture f;
    auto c = barendrecht_case();
    c.requests[0].form = "in_kind";
    c.requests[0].facts.clear(); // not needed: `request.form == pgb` is false
    auto ind = f.run(c);
    auto const& p = ind.provisions.at(0);
    CHECK(p.status == Status::granted);
    CHECK(p.quantity);
    CHECK(!p.rate);
    CHECK(!p.budget);
}

TEST_CASE("a refusal that holds refuses with its citation") {
    Fixture f;
    auto c = barendrecht_case();
    c.requests[0].facts["pgb_capable"] = false;
    auto ind = f.run(c);
    auto const& p = ind.provisions.at(0);
    CHECK(p.status == Status::refused);
    REQUIRE(p.reasons.size() == 1);
    CHECK(p.reasons[0].rule == "not_capable");
    CHECK(p.reasons[0].cites == "Jeugdwet art. 8.1.1 lid 2 sub a");
    CHECK(p.reasons[0].text_en == "The parents cannot carry out the PGB tasks responsibly");
    CHECK(p.explanation.value == "refused");
}

TEST_CASE("need in minutes per week is divided by 60 exactly") {
    Fixture f;
    auto c = barendrecht_case();
    c.requests[0].need = {{std::string("begeleiding"), qty("390", "minutes/week")},
                          {std::string("toezicht"), qty("12", "hours/week")}};
    auto ind = f.run(c);
    auto const& p = ind.provisions.at(0);
    REQUIRE(p.quantity);
    // begeleiding 6.5 - 4 = 2.5; toezicht 12 - 10 = 2
    CHECK(p.quantity->amount.to_string() == "4.5");
    auto const* need = node(p.explanation, "need(begeleiding)");
    REQUIRE(need);
    CHECK(need->value == "6.5 hours/week");
    CHECK(need->note_en.find("÷ 60") != std::string::npos);
}

TEST_CASE("the quantity refusal applies when no need remains above customary care") {
    Fixture f;
    auto c = barendrecht_case();
    c.requests[0].need = {{std::nullopt, qty("3", "hours/week")}};
    auto ind = f.run(c);
    auto const& p = ind.provisions.at(0);
    CHECK(p.status == Status::refused);
    REQUIRE(p.reasons.size() == 1);
    CHECK(p.reasons[0].rule == "no_need");
    CHECK(p.reasons[0].text_en == "Geen zorg nodig boven de gebruikelijke zorg"); // fallback
}

TEST_CASE("case errors name the JSON path") {
    Fixture f;
    REQUIRE(f.loaded->ok());
    SECTION("no package for the municipality") {
        auto c = barendrecht_case();
        c.municipality = "GM0613";
        auto ind = indicate(f.loaded->rules(), c, {});
        REQUIRE(!ind);
        CHECK(ind.diagnostics().items()[0].id == "E0801");
        CHECK(ind.diagnostics().items()[0].message ==
              "municipality: no rule package for municipality GM0613 and law jeugdwet valid on "
              "2017-06-01");
    }
    SECTION("a date outside the package's validity") {
        IndicateOptions o;
        o.reference_date = *Date::parse("2018-01-01");
        auto ind = indicate(f.loaded->rules(), barendrecht_case(), o);
        REQUIRE(!ind);
        CHECK(ind.diagnostics().items()[0].id == "E0801");
    }
    SECTION("unknown provision") {
        auto c = barendrecht_case();
        c.requests[0].provision = "vervoer";
        auto ind = indicate(f.loaded->rules(), c, {});
        REQUIRE(!ind);
        CHECK(ind.diagnostics().items()[0].id == "E0802");
        CHECK(ind.diagnostics().items()[0].message.rfind("requests[0].provision: ", 0) == 0);
    }
    SECTION("undeclared fact and fact of the wrong type, both reported") {
        auto c = barendrecht_case();
        c.requests[0].facts["pgb_capable"] = std::string("yes");
        c.requests[0].facts["can_walk"] = true;
        auto ind = indicate(f.loaded->rules(), c, {});
        REQUIRE(!ind);
        CHECK(ids(ind.diagnostics()) == std::vector<std::string>{"E0803", "E0804"});
        CHECK(ind.diagnostics().items()[0].message ==
              "requests[0].facts.can_walk: no package declares fact 'can_walk'");
        CHECK(ind.diagnostics().items()[1].message ==
              "requests[0].facts.pgb_capable: expected true or false for fact 'pgb_capable'");
    }
}
