// Which rules changed: the deepest nodes of two derivations whose values differ.
#include "impact/explain_diff.hpp"

#include <catch2/catch.hpp>

using billijk::Explanation;
using billijk::impact::changed_rules;

namespace {

Explanation node(std::string kind, std::string name, std::string value,
                 std::vector<Explanation> inputs = {}, std::string expression = "") {
    Explanation e;
    e.kind = std::move(kind);
    e.name = std::move(name);
    e.value = std::move(value);
    e.inputs = std::move(inputs);
    e.expression = std::move(expression);
    e.package = "p";
    std::string cites = "§"; // appended, not "§" + name: GCC 12 -Wrestrict false positive
    cites += e.name;
    e.cites = std::move(cites);
    return e;
}

// budget <- rate(asked, cap <- share) and hours: the shape of the Barendrecht derivation.
Explanation budget(std::string const& share, std::string const& cap, std::string const& rate,
                   std::string const& total) {
    auto r = node("rule", "hourly_rate", rate,
                  {node("input", "request.rate", "16.00"),
                   node("rule", "informal_cap", cap, {node("parameter", "informal_share", share)})},
                  "min(request.rate, informal_cap)");
    return node("provision", "p", "granted",
                {node("rule", "hours", "8"), r,
                 node("rule", "budget", total, {r, node("rule", "hours", "8")})});
}

} // namespace

TEST_CASE("equal derivations change no rule") {
    auto a = budget("60%", "27.00", "16.00", "6656.00");
    CHECK(changed_rules(a, a).empty());
}

TEST_CASE("a changed parameter is found below the rules it moves, once") {
    auto before = budget("60%", "27.00", "27.00", "11232.00");
    auto after = budget("50%", "22.50", "22.50", "9360.00");
    // the provision is "granted" under both: its inputs are compared all the same
    auto why = changed_rules(before, after);
    REQUIRE(why.size() == 1); // hourly_rate occurs twice (rate and budget): reported once
    CHECK(why[0].name == "informal_share");
    CHECK(why[0].kind == "parameter");
    CHECK(why[0].before == "60%");
    CHECK(why[0].after == "50%");
    CHECK(why[0].cites == "§informal_share");
    CHECK_FALSE(why[0].redefined);
}

TEST_CASE("a redefined rule with other inputs is itself the change") {
    auto before = node("rule", "hourly_rate", "16.00",
                       {node("input", "request.rate", "16.00"), node("rule", "cap", "27.00")},
                       "min(request.rate, cap)");
    auto after =
        node("rule", "hourly_rate", "20.00", {node("parameter", "fixed", "20.00")}, "fixed");
    auto why = changed_rules(before, after);
    REQUIRE(why.size() == 1);
    CHECK(why[0].name == "hourly_rate");
    CHECK(why[0].before == "16.00");
    CHECK(why[0].after == "20.00");
    CHECK(why[0].redefined);
}

TEST_CASE("a changed root without a changed input is itself the change") {
    auto before = node("provision", "p", "granted");
    auto after = node("provision", "p", "refused");
    auto why = changed_rules(before, after);
    REQUIRE(why.size() == 1);
    CHECK(why[0].name == "p");
    CHECK(why[0].before == "granted");
    CHECK(why[0].after == "refused");
}

TEST_CASE("two independent changes are both reported, in base order") {
    auto before = node("rule", "total", "10", {node("input", "a", "4"), node("input", "b", "6")});
    auto after = node("rule", "total", "13", {node("input", "a", "5"), node("input", "b", "8")});
    auto why = changed_rules(before, after);
    REQUIRE(why.size() == 2);
    CHECK(why[0].name == "a");
    CHECK(why[1].name == "b");
}
