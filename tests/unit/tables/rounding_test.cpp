// Which roundings explain a published value (engine/src/tables/rounding.hpp).
#include "tables/rounding.hpp"

#include <catch2/catch.hpp>

using namespace billijk;
using namespace billijk::tables;

namespace {

Decimal d(char const* text) {
    return *Decimal::parse(text);
}

std::vector<std::string> described(std::vector<Way> const& ways) {
    std::vector<std::string> out;
    for (auto const& w : ways)
        out.push_back(describe(w));
    return out;
}

} // namespace

TEST_CASE("the bw 2022 surcharge: only truncation to cents gives 5323.87") {
    auto fits = roundings_giving(d("5323.875"), d("5323.87"));
    CHECK(described(fits) == std::vector<std::string>{"truncation (down) to cents"});
    CHECK(described(roundings_giving(d("5323.875"), d("5323.88"))) ==
          std::vector<std::string>{"half-up to cents", "half-even to cents", "up to cents"});
}

TEST_CASE("an exact half: half-up and half-even part ways") {
    // 0.125: the cent digit 2 is even, so half-even keeps it; half-up goes away from zero.
    CHECK(described(roundings_giving(d("0.125"), d("0.12"))) ==
          std::vector<std::string>{"truncation (down) to cents", "half-even to cents"});
    CHECK(described(roundings_giving(d("0.125"), d("0.13"))) ==
          std::vector<std::string>{"half-up to cents", "up to cents"});
    // 0.135: the cent digit 3 is odd, so half-even goes up as well.
    CHECK(described(roundings_giving(d("0.135"), d("0.14"))) ==
          std::vector<std::string>{"half-up to cents", "half-even to cents", "up to cents"});
}

TEST_CASE("negative values: down is towards zero, up away from zero") {
    CHECK(described(roundings_giving(d("-5323.875"), d("-5323.87"))) ==
          std::vector<std::string>{"truncation (down) to cents"});
    CHECK(described(roundings_giving(d("-0.125"), d("-0.13"))) ==
          std::vector<std::string>{"half-up to cents", "up to cents"});
    CHECK(described(roundings_giving(d("-0.125"), d("-0.12"))) ==
          std::vector<std::string>{"truncation (down) to cents", "half-even to cents"});
}

TEST_CASE("dimes and whole euros") {
    CHECK(described(roundings_giving(d("5323.875"), d("5323.9"))) ==
          std::vector<std::string>{"half-up to dimes", "half-even to dimes", "up to dimes"});
    CHECK(described(roundings_giving(d("5323.875"), d("5323.80"))) ==
          std::vector<std::string>{"truncation (down) to dimes"});
    CHECK(described(roundings_giving(d("5323.875"), d("5324"))) ==
          std::vector<std::string>{"half-up to whole euros", "half-even to whole euros",
                                   "up to whole euros"});
}

TEST_CASE("a value on the grid is reproduced by every way at that step and the finer ones") {
    CHECK(roundings_giving(d("24011.82"), d("24011.82")).size() == 4);
    CHECK(roundings_giving(d("5"), d("5.00")).size() == 12);
}

TEST_CASE("no rounding explains a value off by more than a step") {
    CHECK(roundings_giving(d("5323.875"), d("5323.86")).empty());
    CHECK(roundings_giving(d("0.5475"), d("0.56")).empty());
}

TEST_CASE("the rule language's spelling of a way") {
    CHECK(rule_spelling({Rounding::down, d("0.01")}) == "0.01, down");
    CHECK(rule_spelling({Rounding::half_even, d("1")}) == "1, half_even");
}
