// Lint: table inputs no row answers (L0401, L0402).
#include "lint_test_support.hpp"

using namespace billijk;
using namespace billijk::test;

namespace {

/// A package whose provision reads table `by_age` through rule `weekly`.
std::string with_table(std::string const& hit, std::string const& rows) {
    return "package p \"Test\"\n  layer national\n  law jeugdwet\n  valid 2015-01-01 ..\n\n"
           "enum care_kind = begeleiding | toezicht\n" +
           meta_en + "table by_age: hours/week\n  by kind: care_kind, age: years\n  hit " + hit +
           "\n" + meta_en + rows + "rule weekly: hours/week\n" + meta_en +
           "  = by_age(toezicht, age_on(client.birth_date, period.start))\n"
           "provision care\n" +
           meta_en + "  quantity = weekly\n";
}

} // namespace

TEST_CASE("a unique table whose ages stop at 18 is L0402 for 18 and over") {
    auto l = with_table("unique", "  row -, [0, 5) -> 3 hours/week\n"
                                  "  row -, [5, 18) -> 1 hours/week\n");
    auto linted = lint_one(l);
    REQUIRE(linted.ids() == Ids{"L0402"});
    CHECK(linted.findings[0].diagnostic.message ==
          "no row of table 'by_age' covers age in [18, ) (years)");
    CHECK(linted.spanned_text(linted.findings[0]) == "by_age");
}

TEST_CASE("a table starting above 0 is L0402 for the values below") {
    auto linted = lint_one(with_table("unique", "  row -, [4, ) -> 1 hours/week\n"));
    REQUIRE(linted.ids() == Ids{"L0402"});
    CHECK(linted.findings[0].diagnostic.message ==
          "no row of table 'by_age' covers age in [0, 4) (years)");
}

TEST_CASE("an open-ended unique table from 0 has no table finding") {
    auto linted = lint_one(with_table("unique", "  row -, [0, 5) -> 3 hours/week\n"
                                                "  row -, [5, ) -> 1 hours/week\n"));
    INFO(linted.text());
    CHECK(linted.ids().empty());
}

TEST_CASE("a first table with a member and an age range no row matches is L0401") {
    auto linted = lint_one(with_table("first", "  row begeleiding, [0, 5) -> 3 hours/week\n"
                                               "  row begeleiding, [10, ) -> 1 hours/week\n"));
    INFO(linted.text());
    REQUIRE(linted.ids() == Ids{"L0401", "L0401"});
    CHECK(linted.findings[0].diagnostic.message ==
          "no row of table 'by_age' matches kind = begeleiding, age in [5, 10)");
    CHECK(linted.findings[1].diagnostic.message ==
          "no row of table 'by_age' matches kind = toezicht");
}

TEST_CASE("a first table with a catch-all row has no table finding") {
    auto linted = lint_one(with_table("first", "  row begeleiding, [0, 5) -> 3 hours/week\n"
                                               "  row -, - -> 1 hours/week\n"));
    INFO(linted.text());
    CHECK(linted.ids().empty());
}
