// Evaluator: tables by hit policy, undetermined propagation, arithmetic errors, non-finite
// amounts, built-ins, and the complete example of docs/rule-language.md.
#include "barendrecht_fixture.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace billijk;
using namespace billijk::test;

namespace {

std::string const kinds = "enum care_kind = begeleiding | toezicht\n";

/// A municipal package with the care kinds, `body` and a provision `p` reporting `quantity = q`.
struct Run {
    RulesDir dir;
    std::unique_ptr<Loaded> loaded;
    Run(std::string const& body, std::string const& q, std::string const& extra = "") {
        dir.write("main.rules", header("m", "municipal") + kinds + body + "provision p\n" + meta +
                                    "  kind begeleiding\n  quantity = " + q + "\n" + extra);
        loaded = dir.load();
    }
    /// `on`: a one-day period on that date (versioned values follow the period).
    Result<Indication> indicate_with(Request r, std::optional<Date> on = std::nullopt,
                                     bool explain = true) {
        INFO(dump(loaded->diags()));
        REQUIRE(loaded->ok());
        Case c = make_case();
        if (on)
            c.period = {*on, *on};
        r.provision = "p";
        if (r.form.empty())
            r.form = "in_kind";
        c.requests.push_back(std::move(r));
        IndicateOptions options;
        options.explain = explain;
        return indicate(loaded->rules(), c, options);
    }
    ProvisionResult result(Request r = {}, std::optional<Date> on = std::nullopt,
                           bool explain = true) {
        auto ind = indicate_with(std::move(r), on, explain);
        INFO((ind ? std::string() : dump(ind.diagnostics())));
        REQUIRE(ind);
        return ind.value().provisions.at(0);
    }
};

std::string table(std::string const& hit) {
    return "table t: hours/week\n  by kind: care_kind, age: years\n  hit " + hit + "\n" + meta +
           "  row toezicht, [0, 5) -> 10 hours/week\n"
           "  row -, [0, 18) -> 2 hours/week\n"
           "  row begeleiding, [5, 18) -> 1 hours/week\n";
}

} // namespace

TEST_CASE("hit first takes the first matching row, hit sum adds all") {
    Run first(table("first"), "t(toezicht, 3 years)");
    CHECK(first.result().quantity->amount.to_string() == "10");
    Run sum(table("sum"), "t(begeleiding, 7 years)");
    auto r = sum.result();
    CHECK(r.quantity->amount.to_string() == "3");
    auto const* t = node(r.explanation, "t");
    REQUIRE(t);
    CHECK(t->note_en == "rows 2: -, [0, 18) -> 2 hours/week; 3: begeleiding, [5, 18) -> 1 "
                        "hours/week");
    Run none(table("sum"), "t(begeleiding, 30 years)");
    CHECK(none.result().quantity->amount.to_string() == "0");
}

TEST_CASE("range cells match at their bounds as written, closed or open, numbers and dates") {
    // Each argument names the row it must match ("none": no row); the same with and without
    // explanations, which take different paths through a table call.
    std::string const bands = "table bands: count\n  by x: hours/week\n  hit first\n" + meta +
                              "  row (, 0] -> 1\n"
                              "  row (0, 2.5) -> 2\n"
                              "  row [2.5, 10] -> 3\n"
                              "  row (10, 20) -> 4\n";
    std::vector<std::pair<std::string, std::string>> const cases = {
        {"-1", "1"}, {"0", "1"},      {"0.01", "2"}, {"2.49", "2"}, {"2.5", "3"},
        {"10", "3"}, {"10.001", "4"}, {"19.9", "4"}, {"20", "none"}};
    for (auto const& [x, row] : cases) {
        Run run(bands, "bands(" + x + " hours/week) * 1 hours/week");
        for (bool explain : {true, false}) {
            INFO("x = " << x << ", explain " << explain);
            auto r = run.result({}, std::nullopt, explain);
            if (row == "none")
                CHECK(!r.quantity);
            else
                CHECK(r.quantity->amount.to_string() == row);
        }
    }
    std::string const dated = "table since: count\n  by d: date\n  hit first\n" + meta +
                              "  row [2017-01-01, 2017-07-01) -> 1\n"
                              "  row [2017-07-01, ) -> 2\n";
    Run run(dated, "since(period.start) * 1 hours/week");
    for (bool explain : {true, false}) {
        INFO("explain " << explain);
        CHECK(!run.result({}, *Date::parse("2016-12-31"), explain).quantity);
        CHECK(run.result({}, *Date::parse("2017-01-01"), explain).quantity->amount.to_string() ==
              "1");
        CHECK(run.result({}, *Date::parse("2017-06-30"), explain).quantity->amount.to_string() ==
              "1");
        CHECK(run.result({}, *Date::parse("2017-07-01"), explain).quantity->amount.to_string() ==
              "2");
        CHECK(run.result({}, *Date::parse("2030-01-01"), explain).quantity->amount.to_string() ==
              "2");
    }
}

TEST_CASE("no matching row makes the value undetermined") {
    Run first(table("first"), "t(begeleiding, 30 years)");
    auto r = first.result();
    CHECK(!r.quantity);
    CHECK(r.undetermined ==
          std::vector<std::string>{"no row of table t matches (begeleiding, 30 years)"});
}

TEST_CASE("a parameter without a version on the period's first day is undetermined") {
    Run run("parameter n: hours/week\n" + meta +
                "  valid 2015-01-01 .. 2016-12-31 = 1 hours/week\n",
            "n");
    auto r = run.result({}, *Date::parse("2017-06-01"));
    CHECK(r.undetermined ==
          std::vector<std::string>{"no version of parameter n valid on 2017-06-01"});
    CHECK(run.result({}, *Date::parse("2016-06-01")).quantity->amount.to_string() == "1");
}

TEST_CASE("division by zero and overflow are undetermined with the rule named") {
    Run zero("rule z: hours/week\n" + meta + "  = 1 hours/week / 0\n", "z");
    CHECK(zero.result().undetermined == std::vector<std::string>{"division by zero in z"});
    Run big("rule b: hours/week\n" + meta +
                "  = 99999999999999999999 hours/week * 99999999999999999999 * "
                "99999999999999999999\n",
            "b");
    CHECK(big.result().undetermined == std::vector<std::string>{"overflow in b"});
}

TEST_CASE("an amount without a finite decimal expansion is an error naming the rule") {
    Run third("rule q: hours/week\n" + meta + "  = 10 hours/week / 3\n", "q");
    auto ind = third.indicate_with({});
    REQUIRE(!ind);
    auto const& d = ind.diagnostics().items().at(0);
    CHECK(d.id == "E0805");
    CHECK(d.message == "value of q is 3.333333…: round it in the rule");
    REQUIRE(d.span);
    CHECK(spanned(*third.loaded, *d.span) == "10 hours/week / 3");
    Run rounded("rule q: hours/week\n" + meta + "  = round(10 hours/week / 3, 0.25, up)\n", "q");
    CHECK(rounded.result().quantity->amount.to_string() == "3.50");
}

TEST_CASE("and/or decide without an undetermined side when they can") {
    std::string facts = "fact a: bool\n" + meta + "fact b: bool\n" + meta;
    Run run(facts + "rule q: hours/week\n" + meta +
                "  = if a or b then 1 hours/week else 2 hours/week\n",
            "q");
    Request r;
    r.facts["a"] = true;
    CHECK(run.result(r).quantity->amount.to_string() == "1");
    Request s;
    s.facts["a"] = false;
    CHECK(run.result(s).undetermined == std::vector<std::string>{"missing fact b"});
    Run both(facts + "rule q: hours/week\n" + meta +
                 "  = if a and b then 1 hours/week else 2 hours/week\n",
             "q");
    Request t;
    t.facts["b"] = false;
    CHECK(both.result(t).quantity->amount.to_string() == "2");
    CHECK(both.result().undetermined ==
          std::vector<std::string>{"missing fact a", "missing fact b"});
}

TEST_CASE("facts are read per their declared types") {
    std::string facts = "fact d: date\n" + meta + "fact k: care_kind\n" + meta + "fact n: count\n" +
                        meta + "fact h: hours/week\n" + meta;
    Run run(facts + "rule q: hours/week\n" + meta +
                "  = if d < 2017-01-01 and k == toezicht and n > 1 then h else 0 hours/week\n",
            "q");
    Request r;
    r.facts["d"] = std::string("2016-05-01");
    r.facts["k"] = std::string("toezicht");
    r.facts["n"] = std::string("2");
    r.facts["h"] = qty("7.5", "hours/week");
    CHECK(run.result(r).quantity->amount.to_string() == "7.5");
    Request bad;
    bad.facts["k"] = std::string("vervoer");
    bad.facts["h"] = qty("7.5", "minutes/week");
    auto ind = run.indicate_with(bad);
    REQUIRE(!ind);
    CHECK(ids(ind.diagnostics()) == std::vector<std::string>{"E0804", "E0804"});
    CHECK(ind.diagnostics().items()[0].message ==
          "requests[0].facts.h: expected a quantity in hours/week ({\"amount\": \"…\", \"unit\": "
          "\"hours/week\"}) for fact 'h'");
}

TEST_CASE("built-ins over case inputs") {
    Run run("rule q: days\n" + meta + "  = days_between(period.start, period.end)\n", "q");
    CHECK(run.result().quantity->amount.to_string() == "365");
    Run size("rule q: count\n" + meta + "  = household.size\n", "q");
    CHECK(size.result().quantity->amount.to_string() == "1");
}

TEST_CASE("short-form need without a provision kind is undetermined") {
    RulesDir dir;
    dir.write("main.rules", header("m", "municipal") + kinds + "provision p\n" + meta +
                                "  quantity = need(begeleiding)\n");
    auto l = dir.load();
    REQUIRE(l->ok());
    Case c = make_case();
    Request r;
    r.provision = "p";
    r.form = "in_kind";
    r.need.push_back({std::nullopt, qty("3", "hours/week")});
    c.requests.push_back(r);
    auto ind = indicate(l->rules(), c, {});
    REQUIRE(ind);
    CHECK(ind.value().provisions[0].undetermined ==
          std::vector<std::string>{"need item without kind, and provision p declares no kind"});
    // an expression output (not a plain name) gets its own node
    CHECK(ind.value().provisions[0].explanation.inputs.at(0).kind == "expression");
}

TEST_CASE("the complete example of the rule-language guide loads and evaluates") {
    std::ifstream in(std::string(BILLIJK_SOURCE_DIR) + "/docs/rule-language.md");
    std::stringstream text;
    text << in.rdbuf();
    auto doc = text.str();
    auto start = doc.find("```rules\n");
    REQUIRE(start != std::string::npos);
    start += 9;
    auto end = doc.find("```", start);
    RulesDir dir;
    dir.write("example.rules", doc.substr(start, end - start));
    auto l = dir.load();
    INFO(dump(l->diags()));
    REQUIRE(l->ok());
    // The example has no provision: evaluate its rules through a tiny package that extends it.
    dir.write("zz.rules", "package zz \"t\"\n  layer municipal\n  law jeugdwet\n  municipality "
                          "GM9998\n  extends example.uurtarief\n\nprovision p\n" +
                              meta + "  rate = hourly_rate\n");
    auto l2 = dir.load();
    INFO(dump(l2->diags()));
    REQUIRE(l2->ok());
    Case c = make_case("GM9998");
    Request r;
    r.provision = "p";
    r.form = "pgb";
    r.provider = "informal";
    r.rate = qty("30.00", "eur/hour");
    c.requests.push_back(r);
    auto ind = indicate(l2->rules(), c, {});
    REQUIRE(ind);
    auto const& p = ind.value().provisions.at(0);
    REQUIRE(p.rate);
    CHECK(p.rate->amount.to_string() == "27.00");
    auto const* rate = node(p.explanation, "hourly_rate");
    REQUIRE(rate);
    CHECK(rate->formula == "if informal == informal then min(30.00 eur/hour, 27.00 eur/hour) "
                           "else min(request.rate, in_kind_cost)");
    CHECK(rate->package == "example.uurtarief");
}

TEST_CASE("dated versions of a table are picked by the period's first day") {
    std::string version = "table t: hours/week\n  by kind: care_kind\n  hit first\n" + meta;
    Run run(version + "  valid 2015-01-01 .. 2016-12-31\n  row - -> 1 hours/week\n" + version +
                "  valid 2017-01-01 ..\n  row - -> 2 hours/week\n",
            "t(toezicht)");
    CHECK(run.result({}, *Date::parse("2016-12-31")).quantity->amount.to_string() == "1");
    auto r = run.result({}, *Date::parse("2017-01-01"));
    CHECK(r.quantity->amount.to_string() == "2");
    auto const* t = node(r.explanation, "t");
    REQUIRE(t);
    CHECK(t->note_nl == "versie geldig van 2017-01-01 zonder einddatum; rij 1: - -> 2 hours/week");
    CHECK(run.result({}, *Date::parse("2014-06-01")).undetermined ==
          std::vector<std::string>{"no version of table t valid on 2014-06-01"});
}

TEST_CASE("a bare member of two enumerations is ambiguous without context") {
    RulesDir dir;
    dir.write("main.rules", header("p") + "enum a = x | y\nenum b = x | z\n" + "rule r: bool\n" +
                                meta + "  = need(x) > 0 hours/week\n" + "fact f: a\n" + meta +
                                "rule s: bool\n" + meta + "  = f == x\n");
    auto l = dir.load();
    CHECK(ids(l->diags()) == std::vector<std::string>{"E0220"});
}

TEST_CASE("a number shows as its declared type") {
    Run run("parameter share: percent\n" + meta + "  = 0.6\n" + "rule q: hours/week\n" + meta +
                "  = share * 10 hours/week\n",
            "q");
    auto r = run.result();
    CHECK(r.quantity->amount.to_string() == "6.0");
    auto const* share = node(r.explanation, "share");
    REQUIRE(share);
    CHECK(share->value == "60%");
    CHECK(node(r.explanation, "q")->formula == "60% * 10 hours/week");
}
