// Checker and evaluator: packages, layers, extends and override (E02xx), and how an override
// shows in the explanation.
#include "barendrecht_fixture.hpp"
#include "sema/ir.hpp"

#include <catch2/catch.hpp>

using namespace billijk;
using namespace billijk::test;

namespace {

using Ids = std::vector<std::string>;

std::string const base = R"(package national.base "Base"
  layer national
  law jeugdwet

parameter share: percent
  cites "Jeugdwet" label "Aandeel"
  = 50%

rule cap: eur/hour
  cites "Jeugdwet" label "Maximum"
  = round(share * 40.00 eur/hour, 0.01, half_up)

provision p
  cites "Jeugdwet" label "Voorziening"
  quantity = 1 hours/week
  rate = cap
)";

std::string municipal(std::string const& body, std::string const& extra = "") {
    return "package gemeente.x \"X\"\n  layer municipal\n  law jeugdwet\n  municipality GM0489\n"
           "  extends national.base\n" +
           extra + "\n" + body;
}

Case one_request() {
    Case c = make_case();
    Request r;
    r.provision = "p";
    r.form = "pgb";
    c.requests.push_back(r);
    return c;
}

} // namespace

TEST_CASE("an override in the municipal layer changes the national rule that uses it") {
    RulesDir dir;
    dir.write("national.rules", base);
    dir.write("x.rules", municipal("override parameter share: percent\n  cites \"Verordening "
                                   "X art. 2\" label \"Aandeel X\"\n  = 60%\n"));
    auto l = dir.load();
    INFO(dump(l->diags()));
    REQUIRE(l->ok());
    auto ind = indicate(l->rules(), one_request(), {});
    REQUIRE(ind);
    auto const& p = ind.value().provisions.at(0);
    REQUIRE(p.rate);
    CHECK(p.rate->amount.to_string() == "24.00");
    auto const* share = node(p.explanation, "share");
    REQUIRE(share);
    CHECK(share->package == "gemeente.x");
    CHECK(share->layer == "municipal");
    CHECK(share->cites == "Verordening X art. 2");
    CHECK(share->note_nl == "vervangt national.base.share (laag national)");
    CHECK(share->note_en == "overrides national.base.share (layer national)");
    auto const* cap = node(p.explanation, "cap");
    REQUIRE(cap);
    CHECK(cap->package == "national.base");
    CHECK(cap->layer == "national");
    CHECK(ind.value().rules.at(0).package == "gemeente.x");
    CHECK(ind.value().rules.at(1).package == "national.base");
}

TEST_CASE("redeclaring without override, and override of nothing") {
    RulesDir dir;
    dir.write("national.rules", base);
    dir.write("x.rules", municipal("parameter share: percent\n" + meta + "  = 60%\n" +
                                   "override rule nothing: count\n" + meta + "  = 1\n"));
    auto l = dir.load();
    REQUIRE(ids(l->diags()) == Ids{"E0204", "E0205"});
    auto const& dup = l->diags().items()[0];
    CHECK(dup.message == "'share' is already declared in package 'national.base'");
    CHECK(dup.notes.at(1).message ==
          "write `override parameter share` to replace it in this layer");
    CHECK(l->diags().items()[1].message == "override rule 'nothing' does not replace anything");
}

TEST_CASE("override must keep the type of what it replaces") {
    RulesDir dir;
    dir.write("national.rules", base);
    dir.write("x.rules", municipal("override parameter share: eur\n" + meta + "  = 1 eur\n"));
    auto l = dir.load();
    CHECK(ids(l->diags()) == Ids{"E0309"});
}

TEST_CASE("unknown package in extends, with a suggestion") {
    RulesDir dir;
    dir.write("national.rules", base);
    dir.write("x.rules", "package gemeente.x \"X\"\n  layer municipal\n  law jeugdwet\n"
                         "  municipality GM0489\n  extends national.bse\n");
    auto l = dir.load();
    REQUIRE(ids(l->diags()) == Ids{"E0209"});
    CHECK(l->diags().items()[0].notes.at(0).message == "did you mean 'national.base'?");
}

TEST_CASE("package header problems") {
    RulesDir dir;
    dir.write("a.rules", "package a \"A\"\n");
    dir.write("b.rules", "package b \"B\"\n  layer municipal\n");
    dir.write("c.rules", "package c \"C\"\n  layer national\n  municipality GM12\n");
    dir.write("d.rules", "package a \"D\"\n  layer national\n");
    auto l = dir.load();
    CHECK(ids(l->diags()) == Ids{"E0213", "E0213", "E0213", "E0213", "E0213", "E0214"});
}

TEST_CASE("a national package cannot extend a municipal one, extends cycles") {
    RulesDir dir;
    dir.write("a.rules", "package a \"A\"\n  layer national\n  extends b\n");
    dir.write("b.rules", "package b \"B\"\n  layer municipal\n  law wmo\n  municipality GM0001\n");
    dir.write("c.rules", "package c \"C\"\n  layer national\n  extends d\n");
    dir.write("d.rules", "package d \"D\"\n  layer national\n  extends c\n");
    auto l = dir.load();
    CHECK(ids(l->diags()) == Ids{"E0218", "E0218"});
}

TEST_CASE("two municipal packages for one municipality and law on overlapping dates") {
    RulesDir dir;
    auto pkg = [](std::string const& name, std::string const& valid) {
        return "package " + name +
               " \"X\"\n  layer municipal\n  law jeugdwet\n"
               "  municipality GM0489\n  valid " +
               valid + "\n";
    };
    dir.write("a.rules", pkg("a", "2015-01-01 .. 2017-12-31"));
    dir.write("b.rules", pkg("b", "2017-01-01 .."));
    dir.write("c.rules", pkg("c", "2018-01-01 .."));
    auto l = dir.load();
    REQUIRE(ids(l->diags()) == Ids{"E0215", "E0215"});
    CHECK(l->diags().items()[0].message ==
          "packages 'a' and 'b' both apply to GM0489 and jeugdwet on the same dates");
}

TEST_CASE("the package valid on the reference date is chosen") {
    RulesDir dir;
    auto pkg = [](std::string const& name, std::string const& valid, std::string const& q) {
        return "package " + name +
               " \"X\"\n  layer municipal\n  law jeugdwet\n"
               "  municipality GM0489\n  valid " +
               valid + "\nprovision p\n" + meta + "  quantity = " + q + "\n";
    };
    dir.write("a.rules", pkg("a", "2015-01-01 .. 2017-12-31", "1 hours/week"));
    dir.write("b.rules", pkg("b", "2018-01-01 ..", "2 hours/week"));
    auto l = dir.load();
    REQUIRE(l->ok());
    IndicateOptions o;
    o.reference_date = *Date::parse("2018-03-01");
    auto ind = indicate(l->rules(), one_request(), o);
    REQUIRE(ind);
    CHECK(ind.value().rules.at(0).package == "b");
    CHECK(ind.value().provisions.at(0).quantity->amount.to_string() == "2");
}

TEST_CASE("names of a package that is not extended are not visible") {
    RulesDir dir;
    dir.write("national.rules", base);
    dir.write("y.rules",
              "package y \"Y\"\n  layer regional\n\nrule r: percent\n" + meta + "  = share\n");
    auto l = dir.load();
    CHECK(ids(l->diags()) == Ids{"E0203"});
}

TEST_CASE("two extended packages with different declarations of one name") {
    RulesDir dir;
    dir.write("a.rules",
              "package a \"A\"\n  layer national\n\nparameter x: count\n" + meta + "  = 1\n");
    dir.write("b.rules",
              "package b \"B\"\n  layer national\n\nparameter x: count\n" + meta + "  = 2\n");
    dir.write("c.rules", "package c \"C\"\n  layer regional\n  extends a\n  extends b\n");
    dir.write("d.rules", "package d \"D\"\n  layer regional\n  extends a\n  extends b\n\n"
                         "override parameter x: count\n" +
                             meta + "  = 3\n");
    auto l = dir.load();
    // c cannot decide which x it means; d decides by overriding it
    REQUIRE(ids(l->diags()) == std::vector<std::string>{"E0217"});
    CHECK(l->diags().items()[0].message ==
          "package 'c' inherits two different declarations of 'x'");
}

TEST_CASE("a municipal exception to a national rule applies in the municipal view") {
    RulesDir dir;
    dir.write("national.rules", base);
    dir.write("x.rules", municipal("exception informal_cap to cap\n  cites \"Verordening X art. "
                                   "9\" label \"Vast tarief\"\n  when request.provider == "
                                   "informal\n  = 18.00 eur/hour\n"));
    auto l = dir.load();
    INFO(dump(l->diags()));
    REQUIRE(l->ok());
    auto c = one_request();
    c.requests[0].provider = "informal";
    auto ind = indicate(l->rules(), c, {});
    REQUIRE(ind);
    auto const& p = ind.value().provisions.at(0);
    CHECK(p.rate->amount.to_string() == "18.00");
    auto const* cap = node(p.explanation, "cap");
    REQUIRE(cap);
    CHECK(cap->package == "national.base");
    REQUIRE(cap->inputs.size() == 1);
    CHECK(cap->inputs[0].kind == "exception");
    CHECK(cap->inputs[0].package == "gemeente.x");
    CHECK(cap->inputs[0].layer == "municipal");
}

TEST_CASE("a package resolves the facts of every layer it sees, and only facts") {
    RulesDir dir;
    dir.write("national.rules", base + "\nfact capable: bool\n  cites \"Jeugdwet\" label "
                                       "\"Bekwaam\"\n\nfact a_first: bool\n  cites \"Jeugdwet\" "
                                       "label \"Eerst\"\n");
    dir.write("x.rules",
              municipal("fact z_local: bool\n  cites \"Verordening X\" label \"Lokaal\"\n"
                        "\nfact m_middle: eur/hour\n  cites \"Verordening X\" label "
                        "\"Midden\"\n"));
    auto l = dir.load();
    INFO(dump(l->diags()));
    REQUIRE(l->ok());
    auto const& program = l->rules().program();
    for (auto const& pkg : program.packages) {
        bool const municipal_package = pkg.name == "gemeente.x";
        std::vector<std::string> expected = {"a_first", "capable"};
        if (municipal_package)
            expected = {"a_first", "capable", "m_middle", "z_local"};
        std::vector<std::string> found;
        for (auto const& [name, index] : pkg.facts_by_name) {
            found.push_back(name);
            REQUIRE(index < program.facts.size());
            CHECK(program.facts[index].name == name);
            CHECK(pkg.lookup_fact(name) == index);
        }
        INFO(pkg.name);
        CHECK(found == expected);
        CHECK_FALSE(pkg.lookup_fact("cap"));   // a rule
        CHECK_FALSE(pkg.lookup_fact("share")); // a parameter
        CHECK_FALSE(pkg.lookup_fact("b"));     // between two facts' names
        CHECK_FALSE(pkg.lookup_fact("zz"));    // after every name
        CHECK(pkg.lookup_fact("z_local").has_value() == municipal_package);
    }
    // A request reads them through that list: a known fact is converted, an unknown one is not.
    Case c = one_request();
    c.requests[0].facts["capable"] = true;
    c.requests[0].facts["m_middle"] = Quantity{*Decimal::parse("12.50"), *Unit::parse("eur/hour")};
    CHECK(indicate(l->rules(), c, {}));
    c.requests[0].facts["cap"] = true;
    auto refused = indicate(l->rules(), c, {});
    REQUIRE_FALSE(refused);
    CHECK(refused.diagnostics().items().at(0).id == "E0803");
}
