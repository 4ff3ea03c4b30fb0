// Checker: units and types at load time (E03xx).
#include "engine_test_support.hpp"

#include <catch2/catch.hpp>

using namespace billijk;
using namespace billijk::test;

namespace {

std::unique_ptr<Loaded> load_rule(std::string const& type, std::string const& expr,
                                  std::string const& extra = "") {
    RulesDir dir;
    dir.write("main.rules",
              header("p") + extra + "rule r: " + type + "\n" + meta + "  = " + expr + "\n");
    return dir.load();
}

std::vector<std::string> rule_ids(std::string const& type, std::string const& expr,
                                  std::string const& extra = "") {
    auto l = load_rule(type, expr, extra);
    return ids(l->diags());
}

using Ids = std::vector<std::string>;

} // namespace

TEST_CASE("adding eur and hours/week is a load-time error naming both sides") {
    auto l = load_rule("eur", "12.00 eur + 3 hours/week");
    REQUIRE(ids(l->diags()) == Ids{"E0301"});
    auto const& d = l->diags().items()[0];
    CHECK(d.message == "cannot add 'eur' and 'hours/week'");
    CHECK(spanned(*l, *d.span) == "12.00 eur + 3 hours/week");
    REQUIRE(d.notes.size() == 2);
    CHECK(d.notes[0].message == "left side has type 'eur'");
    CHECK(spanned(*l, *d.notes[0].span) == "12.00 eur");
    CHECK(d.notes[1].message == "right side has type 'hours/week'");
}

TEST_CASE("units compose under * and /") {
    CHECK(rule_ids("eur/week", "16.00 eur/hour * 10 hours/week").empty());
    CHECK(rule_ids("eur/year", "16.00 eur/hour * 10 hours/week * 52 weeks/year").empty());
    CHECK(rule_ids("hours/week", "90 minutes/week / 60 minutes/hour").empty());
    CHECK(rule_ids("eur", "60% * 10.00 eur").empty());
    CHECK(rule_ids("percent", "60%").empty());
    CHECK(rule_ids("count", "3").empty());
}

TEST_CASE("declared type must equal the expression's type") {
    auto l = load_rule("eur/hour", "16.00 eur");
    REQUIRE(ids(l->diags()) == Ids{"E0302"});
    CHECK(l->diags().items()[0].message ==
          "rule 'r' is declared 'eur/hour' but its value has type 'eur'");
    CHECK(rule_ids("eur", "0") == Ids{"E0302"}); // a bare 0 is a count, not eur
}

TEST_CASE("if: condition bool and branches of one type") {
    CHECK(rule_ids("eur", "if 1 then 1 eur else 2 eur") == Ids{"E0304"});
    CHECK(rule_ids("eur", "if true then 1 eur else 2 hours") == Ids{"E0303"});
}

TEST_CASE("comparisons, min and max need equal units") {
    CHECK(rule_ids("bool", "1 eur < 2 hours") == Ids{"E0301"});
    CHECK(rule_ids("eur", "min(1 eur, 2 hours)") == Ids{"E0301"});
    CHECK(rule_ids("bool", "true < false") == Ids{"E0308"});
    CHECK(rule_ids("bool", "request.provider == pgb") == Ids{"E0301"});
}

TEST_CASE("round: step a plain number or the value's unit, mode one of four") {
    CHECK(rule_ids("eur", "round(1.234 eur, 0.01, half_up)").empty());
    CHECK(rule_ids("eur", "round(1.234 eur, 0.01 eur, half_even)").empty());
    CHECK(rule_ids("eur", "round(1.234 eur, 1 hours, down)") == Ids{"E0307"});
    auto l = load_rule("eur", "round(1.234 eur, 0.01, half_upp)");
    REQUIRE(ids(l->diags()) == Ids{"E0306"});
    CHECK(l->diags().items()[0].notes.at(0).message == "did you mean 'half_up'?");
}

TEST_CASE("built-in functions and inputs have their types") {
    CHECK(rule_ids("years", "age_on(client.birth_date, decision_date)").empty());
    CHECK(rule_ids("days", "days_between(period.start, period.end)").empty());
    CHECK(rule_ids("eur/hour", "request.rate").empty());
    CHECK(rule_ids("count", "household.size").empty());
    CHECK(rule_ids("bool", "household.overloaded and request.form == pgb").empty());
    CHECK(rule_ids("text", "request.provision").empty());
    CHECK(rule_ids("years", "age_on(client.birth_date, 3)") == Ids{"E0305"});
    CHECK(rule_ids("hours/week", "need(begeleiding)", "enum care_kind = begeleiding | toezicht\n")
              .empty());
    CHECK(rule_ids("hours/week", "need(3)") == Ids{"E0305"});
}

TEST_CASE("operators on the wrong kinds of values") {
    CHECK(rule_ids("bool", "1 and true") == Ids{"E0304"});
    CHECK(rule_ids("bool", "not 1") == Ids{"E0304"});
    CHECK(rule_ids("date", "decision_date + 1") == Ids{"E0308"});
    CHECK(rule_ids("count", "-true") == Ids{"E0308"});
}

TEST_CASE("an impossible date literal") {
    auto l = load_rule("bool", "decision_date < 2017-02-30");
    REQUIRE(ids(l->diags()) == Ids{"E0501"});
    CHECK(spanned(*l, *l->diags().items()[0].span) == "2017-02-30");
}

TEST_CASE("unknown type names") {
    CHECK(rule_ids("care_knd", "1", "enum care_kind = a | b\n") == Ids{"E0219"});
}

TEST_CASE("provision outputs must be numbers and kinds must be members") {
    RulesDir dir;
    dir.write("main.rules", header("p") + "enum care_kind = begeleiding\n" + "provision x\n" +
                                meta + "  kind begelieding\n" + "  quantity = true\n");
    auto l = dir.load();
    CHECK(ids(l->diags()) == Ids{"E0206", "E0302"});
}
