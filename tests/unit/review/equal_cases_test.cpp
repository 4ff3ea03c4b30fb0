#include "review/equal_cases.hpp"
#include "review/need_profile.hpp"

#include <catch2/catch.hpp>

using namespace billijk;
using namespace billijk::review;

namespace {

Explanation leaf(std::string kind, std::string name, std::string value) {
    Explanation e;
    e.kind = std::move(kind);
    e.name = std::move(name);
    e.value = std::move(value);
    return e;
}

Explanation rule(std::string name, std::string value, std::vector<Explanation> inputs) {
    Explanation e = leaf("rule", std::move(name), std::move(value));
    e.inputs = std::move(inputs);
    return e;
}

/// A pgb provision shaped like Barendrecht's: one refusal, hours from need and age, a rate
/// capped by the provider's maximum, a budget from rate and hours.
ProvisionResult provision(std::string birth, std::string need, std::string provider,
                          std::string rate, std::string hours) {
    ProvisionResult r;
    r.provision = "begeleiding_individueel";
    r.form = "pgb";
    r.status = Status::granted;
    auto hours_node =
        rule("hours_per_week", hours + " hours/week",
             {leaf("input", "need(begeleiding)", need + " hours/week"),
              rule("client_age", "7 years", {leaf("input", "client.birth_date", birth)})});
    auto cap = provider == "informal" ? rule("informal_cap", "27.00 eur/hour",
                                             {leaf("parameter", "informal_share", "60%")})
                                      : leaf("tariff", "in_kind_cost", "45.00 eur/hour");
    auto rate_node = rule("hourly_rate", rate + " eur/hour",
                          {leaf("input", "request.provider", provider),
                           leaf("input", "request.rate", rate + " eur/hour"), cap});
    auto budget = rule("budget_per_year", "x eur/year",
                       {rate_node, hours_node, leaf("parameter", "weeks_per_year", "52")});
    r.explanation = leaf("provision", r.provision, "granted");
    auto refusal = rule("not_capable", "false", {leaf("fact", "pgb_capable", "true")});
    refusal.kind = "refusal";
    r.explanation.inputs = {refusal, hours_node, rate_node, budget};
    r.quantity = Quantity{*Decimal::parse(hours), *Unit::parse("hours/week")};
    return r;
}

Quantity eur(char const* a) {
    return Quantity{*Decimal::parse(a), *Unit::parse("eur/year")};
}

std::vector<std::string> names(NeedProfile const& p) {
    std::vector<std::string> out;
    for (auto const& item : p.key)
        out.push_back(item.name + "=" + item.value);
    return out;
}

} // namespace

TEST_CASE("the need key holds what the rules derived from need alone") {
    auto p = need_profile(provision("2010-03-14", "10", "informal", "16.00", "8"));
    CHECK(names(p) == std::vector<std::string>{"hours_per_week=8 hours/week", "not_capable=false",
                                               "weeks_per_year=52"});
    // the rate asked, the provider (read only to pick the maximum) and the price constants are
    // not need
    CHECK(p.price_inputs.at("request.rate") == "16.00 eur/hour");
    CHECK(p.price_inputs.at("request.provider") == "informal");
    CHECK(p.case_inputs.count("request.provider") == 1);
    CHECK(p.case_inputs.count("informal_share") == 0);
}

TEST_CASE("different birth dates with the same hours are equal cases, other hours are not") {
    auto a = need_profile(provision("2010-03-14", "10", "informal", "16.00", "8"));
    auto b = need_profile(provision("2009-01-01", "10", "professional", "40.00", "8"));
    auto c = need_profile(provision("2010-03-14", "12", "informal", "16.00", "10"));
    CHECK(a.key == b.key);
    CHECK(a.key != c.key);
}

TEST_CASE("a provider read outside the rate derivation is need") {
    auto r = provision("2010-03-14", "10", "informal", "16.00", "8");
    // Nodes are immutable once shared: rebuild the refusal with the extra input.
    Explanation refusal = r.explanation.inputs[0];
    refusal.inputs.push_back(leaf("input", "request.provider", "informal"));
    ExplanationInputs inputs{refusal};
    for (std::size_t i = 1; i < r.explanation.inputs.size(); ++i)
        inputs.push_back(r.explanation.inputs.refs()[i]);
    r.explanation.inputs = std::move(inputs);
    auto p = need_profile(r);
    CHECK(p.price_inputs.count("request.provider") == 0);
    CHECK(names(p)[1] == "not_capable=false");
}

TEST_CASE("equal cases with different decided budgets are a group, with their drivers") {
    std::string const scope = "GM9999 jeugdwet begeleiding_individueel pgb";
    std::vector<AuditEntry> entries = {
        {scope, need_profile(provision("2010-03-14", "10", "informal", "16.00", "8")),
         eur("6656.00"), eur("6656.00")},
        {scope, need_profile(provision("2010-01-01", "12", "informal", "16.00", "10")),
         eur("8320.00"), eur("8320.00")},
        {scope, need_profile(provision("2009-05-05", "10", "informal", "27.00", "8")),
         eur("11232.00"), eur("11232.00")},
        {"GM0489 jeugdwet begeleiding_individueel pgb",
         need_profile(provision("2010-03-14", "10", "informal", "27.00", "8")), eur("11232.00"),
         eur("11232.00")},
    };
    auto groups = group_equal_cases(entries);
    REQUIRE(groups.size() == 1); // other hours, other scope: no partner
    auto const& g = groups[0];
    CHECK(g.members == std::vector<std::size_t>{0, 2});
    CHECK(g.budgets_differ);
    REQUIRE(g.drivers.size() == 1);
    CHECK(g.drivers[0].input == "request.rate");
    CHECK(g.drivers[0].values == std::vector<std::string>{"16.00 eur/hour", "27.00 eur/hour"});
    REQUIRE(g.spread);
    CHECK(g.spread->amount == *Decimal::parse("4576"));
}

TEST_CASE("equal cases with equal budgets are grouped but not unequal") {
    std::string const scope = "s";
    std::vector<AuditEntry> entries = {
        {scope, need_profile(provision("2010-03-14", "10", "informal", "16.00", "8")),
         eur("6656.00"), eur("6656.00")},
        {scope, need_profile(provision("2010-01-01", "10", "informal", "16.00", "8")),
         eur("6656.0"), eur("6656.00")},
    };
    auto groups = group_equal_cases(entries);
    REQUIRE(groups.size() == 1);
    CHECK(!groups[0].budgets_differ);
    CHECK(groups[0].drivers.empty());
}

TEST_CASE("a provider choice drives a difference, constants on one path do not") {
    std::vector<AuditEntry> entries = {
        {"s", need_profile(provision("2010-03-14", "10", "informal", "27.00", "8")),
         eur("11232.00"), eur("11232.00")},
        {"s", need_profile(provision("2010-01-01", "10", "professional", "40.00", "8")),
         eur("16640.00"), eur("16640.00")},
        {"s", need_profile(provision("2010-01-01", "10", "informal", "27.00", "8")), std::nullopt,
         std::nullopt},
    };
    auto groups = group_equal_cases(entries);
    REQUIRE(groups.size() == 1);
    std::vector<std::string> inputs;
    for (auto const& d : groups[0].drivers)
        inputs.push_back(d.input);
    CHECK(inputs == std::vector<std::string>{"request.provider", "request.rate"});
    CHECK(!groups[0].spread); // one member has no budget
}
