#include "review/compare.hpp"
#include "review/tolerance.hpp"

#include <catch2/catch.hpp>

using namespace billijk;
using namespace billijk::review;

namespace {
Quantity q(char const* amount, char const* unit) {
    return Quantity{*Decimal::parse(amount), *Unit::parse(unit)};
}
} // namespace

TEST_CASE("a tolerance spec names quantity, rate and budget") {
    auto t = parse_tolerance("budget=1.00,rate=0.05");
    REQUIRE(t.value);
    CHECK(t.value->budget == *Decimal::parse("1"));
    CHECK(t.value->rate == *Decimal::parse("0.05"));
    CHECK(t.value->quantity.is_zero());
    CHECK(parse_tolerance("").value);
}

TEST_CASE("a bad tolerance spec says what is wrong") {
    CHECK(parse_tolerance("hours=1").problem.find("unknown field \"hours\"") != std::string::npos);
    CHECK(parse_tolerance("budget=-1").problem.find("non-negative") != std::string::npos);
    CHECK(parse_tolerance("budget=1,budget=2").problem.find("twice") != std::string::npos);
    CHECK(parse_tolerance("budget").problem.find("field=amount") != std::string::npos);
    CHECK(!parse_tolerance("budget=1,").value);
    CHECK(!parse_tolerance("budget=1,00").value);
}

TEST_CASE("amounts within the tolerance are shown but are no finding") {
    Decimal const one = *Decimal::parse("1.00");
    auto c = compare_amounts("budget", q("6656.50", "eur/year"), q("6656.00", "eur/year"), one);
    CHECK(c.verdict == Verdict::within_tolerance);
    CHECK(c.difference == "+0.50");
    // exactly at the tolerance is still within it
    c = compare_amounts("budget", q("6655.00", "eur/year"), q("6656.00", "eur/year"), one);
    CHECK(c.verdict == Verdict::within_tolerance);
    CHECK(c.difference == "-1.00");
    c = compare_amounts("budget", q("6654.99", "eur/year"), q("6656.00", "eur/year"), one);
    CHECK(c.verdict == Verdict::deviation);
}

TEST_CASE("equal amounts at another scale are equal") {
    auto c = compare_amounts("quantity", q("8.0", "hours/week"), q("8", "hours/week"), Decimal());
    CHECK(c.verdict == Verdict::equal);
    CHECK(c.difference.empty());
}

TEST_CASE("an amount on one side only, or in another unit, is always a deviation") {
    Decimal const big = *Decimal::parse("1000000");
    CHECK(compare_amounts("rate", std::nullopt, q("16.00", "eur/hour"), big).verdict ==
          Verdict::deviation);
    CHECK(compare_amounts("rate", q("16.00", "eur/hour"), std::nullopt, big).verdict ==
          Verdict::deviation);
    CHECK(compare_amounts("budget", q("554.67", "eur/month"), q("6656.00", "eur/year"), big)
              .verdict == Verdict::deviation);
    CHECK(compare_amounts("rate", std::nullopt, std::nullopt, Decimal()).verdict == Verdict::equal);
}
