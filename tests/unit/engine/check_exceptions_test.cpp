// Exceptions: load-time checks (E06xx) and their evaluation and explanation.
#include "barendrecht_fixture.hpp"

#include <catch2/catch.hpp>

using namespace billijk;
using namespace billijk::test;

namespace {

using Ids = std::vector<std::string>;

std::string const rules = "rule hourly_rate: eur/hour\n" + meta + "  = 25.00 eur/hour\n";

std::string exception(std::string const& name, std::string const& when,
                      std::string const& value = "20.00 eur/hour", std::string const& over = "") {
    return "exception " + name + " to hourly_rate" + (over.empty() ? "" : " over " + over) + "\n" +
           meta + "  when " + when + "\n  = " + value + "\n";
}

std::unique_ptr<Loaded> load(std::string const& body) {
    RulesDir dir;
    dir.write("main.rules", header("p", "municipal") + rules + body + "provision prov\n" + meta +
                                "  quantity = 1 hours/week\n" + "  rate = hourly_rate\n");
    return dir.load();
}

} // namespace

TEST_CASE("exclusive exceptions load") {
    CHECK(load(exception("a", "request.provider == informal") +
               exception("b", "request.provider == zzp"))
              ->ok());
    CHECK(load(exception("a", "household.overloaded") + exception("b", "not household.overloaded"))
              ->ok());
    CHECK(load(exception("a", "request.provider == informal and household.overloaded") +
               exception("b", "request.provider != informal"))
              ->ok());
}

TEST_CASE("exceptions that can both apply conflict unless one is over the other") {
    auto l = load(exception("a", "request.provider == informal") +
                  exception("b", "household.overloaded"));
    REQUIRE(ids(l->diags()) == Ids{"E0603"});
    auto const& d = l->diags().items()[0];
    CHECK(d.message == "exceptions 'a' and 'b' to rule 'hourly_rate' can both apply");
    CHECK(d.notes.at(0).message == "'a' applies when request.provider == informal");
    CHECK(load(exception("a", "request.provider == informal") +
               exception("b", "household.overloaded", "21.00 eur/hour", "a"))
              ->ok());
}

TEST_CASE("target must be a rule, value of its type, over an exception to the same rule") {
    CHECK(ids(load("exception x to nope\n" + meta + "  when true\n  = 1 eur/hour\n")->diags()) ==
          Ids{"E0601"});
    CHECK(ids(load(exception("a", "true", "20 eur"))->diags()) == Ids{"E0602"});
    CHECK(ids(load(exception("a", "true", "20 eur/hour", "zz"))->diags()) == Ids{"E0604"});
    CHECK(ids(load(exception("a", "3"))->diags()) == Ids{"E0304"});
}

TEST_CASE("an exception that holds replaces the rule's value, visibly") {
    auto l = load(exception("informal_rate", "request.provider == informal") +
                  exception("zzp_rate", "request.provider == zzp", "22.00 eur/hour"));
    INFO(dump(l->diags()));
    REQUIRE(l->ok());
    Case c = make_case();
    Request r;
    r.provision = "prov";
    r.form = "pgb";
    r.provider = "informal";
    c.requests.push_back(r);
    auto ind = indicate(l->rules(), c, {});
    REQUIRE(ind);
    auto const& p = ind.value().provisions.at(0);
    REQUIRE(p.rate);
    CHECK(p.rate->amount.to_string() == "20.00");
    auto const* rule = node(p.explanation, "hourly_rate");
    REQUIRE(rule);
    CHECK(rule->value == "20.00 eur/hour");
    // The rule is decided by the exception: its expression is shown next to its numbers.
    CHECK(rule->expression == "20.00 eur/hour");
    CHECK(rule->note_en == "exception informal_rate (art. 1) applies instead");
    REQUIRE(rule->inputs.size() == 2);
    CHECK(rule->inputs[0].kind == "exception");
    CHECK(rule->inputs[0].value == "20.00 eur/hour");
    CHECK(rule->inputs[0].note_nl ==
          "uitzondering op hourly_rate, want request.provider == informal");
    CHECK(rule->inputs[1].value == "not applicable");

    c.requests[0].provider = "professional";
    auto plain = indicate(l->rules(), c, {});
    REQUIRE(plain);
    CHECK(plain.value().provisions.at(0).rate->amount.to_string() == "25.00");

    c.requests[0].provider.reset();
    auto open = indicate(l->rules(), c, {});
    REQUIRE(open);
    CHECK(open.value().provisions.at(0).undetermined ==
          std::vector<std::string>{"missing request.provider"});
}
