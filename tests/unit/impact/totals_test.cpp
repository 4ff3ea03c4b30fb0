// Totals per municipality and provision, and the distribution of yearly budget changes.
#include "impact/totals.hpp"

#include <catch2/catch.hpp>

using namespace billijk;
using impact::ProvisionImpact;

namespace {

Quantity q(char const* amount, char const* unit) {
    return {*Decimal::parse(amount), *Unit::parse(unit)};
}

ProvisionImpact row(std::string muni, std::string status_before, std::string status_after,
                    std::optional<Quantity> before, std::optional<Quantity> after) {
    ProvisionImpact r;
    r.case_id = "c";
    r.municipality = std::move(muni);
    r.provision = "begeleiding";
    r.before.status = std::move(status_before);
    r.after.status = std::move(status_after);
    r.before.budget = before;
    r.after.budget = after;
    if (before && after)
        r.budget_change = Quantity{*sub(after->amount, before->amount).value, after->unit};
    r.changed = r.before.status != r.after.status || r.before.budget != r.after.budget;
    return r;
}

} // namespace

TEST_CASE("totals sum yearly budgets per municipality and count up, down and flips") {
    std::vector<ProvisionImpact> rows = {
        row("GM0489", "granted", "granted", q("6656.00", "eur/year"), q("8320.00", "eur/year")),
        row("GM0489", "granted", "granted", q("11232.00", "eur/year"), q("8320.00", "eur/year")),
        row("GM0489", "undetermined", "granted", std::nullopt, q("5200.00", "eur/year")),
        row("GM0489", "refused", "refused", std::nullopt, std::nullopt),
        row("GM0392", "granted", "granted", q("100.00", "eur/week"), q("90.00", "eur/week")),
    };
    auto totals = impact::totals_of(rows);
    REQUIRE(totals);
    REQUIRE(totals.value().size() == 2);
    auto const& haarlem = totals.value()[0]; // sorted: GM0392 before GM0489
    CHECK(haarlem.municipality == "GM0392");
    CHECK(haarlem.down == 1);
    CHECK(haarlem.budgets_before == 0); // eur/week is not summed as a yearly budget
    auto const& bar = totals.value()[1];
    CHECK(bar.cases == 4);
    CHECK(bar.changed == 3);
    CHECK(bar.up == 1);
    CHECK(bar.down == 1);
    CHECK(bar.status_changed == 1);
    CHECK(bar.budget_before.to_string() == "17888.00");
    CHECK(bar.budget_after.to_string() == "21840.00");
    CHECK(bar.budgets_before == 2);
    CHECK(bar.budgets_after == 3);
}

TEST_CASE("the distribution puts each yearly change in one bucket, edges included") {
    std::vector<ProvisionImpact> rows;
    for (char const* after : {"0.00", "1000.00", "2000.00", "2999.99", "3000.00", "3000.01",
                              "4000.00", "5000.00", "5000.01"})
        rows.push_back(
            row("GM0489", "granted", "granted", q("3000.00", "eur/year"), q(after, "eur/year")));
    rows.push_back(row("GM0489", "granted", "refused", q("3000.00", "eur/year"), std::nullopt));
    auto buckets = impact::distribution_of(rows);
    REQUIRE(buckets.size() == 7);
    CHECK(buckets[0].count == 1); // -3000 < -2000
    CHECK(buckets[1].count == 1); // -2000 (edge); -1000 belongs to the next bucket
    CHECK(buckets[2].count == 2); // -1000 (edge), -0.01
    CHECK(buckets[3].count == 1); // 0
    CHECK(buckets[4].count == 2); // 0.01, 1000 (edge)
    CHECK(buckets[5].count == 1); // 2000 (edge)
    CHECK(buckets[6].count == 1); // 2000.01
    int sum = 0;
    for (auto const& b : buckets)
        sum += b.count;
    CHECK(sum == 10 - 1); // the row without a budget under the draft is not counted
}
