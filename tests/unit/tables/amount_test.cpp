// Amounts as published tables write them (engine/src/tables/amount.hpp).
#include "tables/amount.hpp"

#include <catch2/catch.hpp>

using namespace billijk;
using namespace billijk::tables;

namespace {

std::string read(char const* text) {
    auto a = parse_amount(text);
    return a.value ? a.value->to_string() : "error: " + a.error;
}

} // namespace

TEST_CASE("Dutch and international notation") {
    CHECK(read("5.323,87") == "5323.87");
    CHECK(read("5,323.87") == "5323.87");
    CHECK(read("32.015,76") == "32015.76");
    CHECK(read("1.234.567,5") == "1234567.5");
    CHECK(read("1,234,567") == "1234567");
    CHECK(read("1.234.567") == "1234567");
    CHECK(read("5323,87") == "5323.87");
    CHECK(read("5323.87") == "5323.87");
    CHECK(read("0,55") == "0.55");
    CHECK(read("0.275") == "0.275");
    CHECK(read(",5") == "0.5");
    CHECK(read("12") == "12");
}

TEST_CASE("euro signs, spaces and signs are tolerated") {
    CHECK(read("€ 87,71") == "87.71");
    CHECK(read("€87,71") == "87.71");
    CHECK(read("87,71 €") == "87.71");
    CHECK(read("\xE2\x82\xAC\xC2\xA0"
               "5.323,87") == "5323.87"); // € and a no-break space
    CHECK(read("-0,50") == "-0.50");
    CHECK(read("€ -1.000,00") == "-1000.00");
    CHECK(read("+3") == "3");
}

TEST_CASE("the scale is kept: 5.323,80 has two decimals") {
    auto a = parse_amount("5.323,80");
    REQUIRE(a.value);
    CHECK(a.value->scale() == 2);
}

TEST_CASE("an amount that could be read two ways is refused") {
    CHECK(read("5.323").starts_with("error: '5.323' is not an amount: ambiguous"));
    CHECK(read("32,015").starts_with("error: '32,015' is not an amount: ambiguous"));
    CHECK(read("5.323,000") == "5323.000");
}

TEST_CASE("malformed amounts say why") {
    CHECK(read("") == "error: '' is not an amount: no digits");
    CHECK(read("€") == "error: '€' is not an amount: no digits");
    CHECK(read("12,3x") ==
          "error: '12,3x' is not an amount: only digits, '.', ',', a sign and a € sign are "
          "allowed");
    CHECK(read("1.23,45") ==
          "error: '1.23,45' is not an amount: thousands must be grouped by three");
    CHECK(read("1,234,56") ==
          "error: '1,234,56' is not an amount: thousands must be grouped by three");
    CHECK(read("1,234.567,8") == "error: '1,234.567,8' is not an amount: mixed separators");
    CHECK(read("12.") == "error: '12.' is not an amount: no digits after the decimal separator");
    CHECK(read("€ € 5") ==
          "error: '€ € 5' is not an amount: only digits, '.', ',', a sign and a € sign are "
          "allowed");
}
