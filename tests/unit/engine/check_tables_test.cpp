// Checker: tables (E04xx) — hit policies, cells, overlapping and uncovered inputs.
#include "engine_test_support.hpp"
#include "sema/table_index.hpp"

#include <catch2/catch.hpp>

using namespace billijk;
using namespace billijk::test;

namespace {

using Ids = std::vector<std::string>;

std::unique_ptr<Loaded> load_table(std::string const& hit, std::string const& rows,
                                   std::string const& columns = "kind: care_kind, age: years",
                                   std::string const& type = "hours/week") {
    RulesDir dir;
    dir.write("main.rules", header("p") + "enum care_kind = begeleiding | toezicht\n" +
                                "table t: " + type + "\n  by " + columns + "\n  hit " + hit + "\n" +
                                meta + rows);
    return dir.load();
}

} // namespace

TEST_CASE("a complete unique table loads") {
    auto l = load_table("unique", "  row toezicht, [0, 3) -> 84 hours/week\n"
                                  "  row toezicht, [3, 18) -> 70 hours/week\n"
                                  "  row begeleiding, - -> 0 hours/week\n");
    INFO(dump(l->diags()));
    CHECK(l->ok());
}

TEST_CASE("overlapping unique rows name both rows") {
    auto l = load_table("unique", "  row toezicht, [0, 5) -> 84 hours/week\n"
                                  "  row toezicht, [3, 18) -> 70 hours/week\n"
                                  "  row begeleiding, - -> 0 hours/week\n");
    REQUIRE(ids(l->diags()) == Ids{"E0404"});
    auto const& d = l->diags().items()[0];
    CHECK(d.message == "rows 1 and 2 of table 't' overlap");
    CHECK(spanned(*l, *d.span).find("[3, 18)") != std::string::npos);
    CHECK(d.notes.at(0).message == "row 1: toezicht, [0, 5)");
    CHECK(d.notes.at(1).message == "row 2: toezicht, [3, 18)");
}

TEST_CASE("touching ranges do not overlap, closed ends that meet do") {
    CHECK(load_table("unique", "  row -, [0, 3) -> 1 hours/week\n  row -, [3, 5] -> 2 hours/week\n")
              ->ok());
    CHECK(ids(load_table("unique", "  row -, [0, 3] -> 1 hours/week\n"
                                   "  row -, [3, 5] -> 2 hours/week\n")
                  ->diags()) == Ids{"E0404"});
}

TEST_CASE("a gap between rows of one kind is an uncovered input") {
    auto l = load_table("unique", "  row toezicht, [0, 3) -> 84 hours/week\n"
                                  "  row toezicht, [5, 12) -> 10 hours/week\n"
                                  "  row begeleiding, [0, 12) -> 0 hours/week\n");
    REQUIRE(ids(l->diags()) == Ids{"E0405"});
    CHECK(l->diags().items()[0].message ==
          "no row of table 't' matches kind = toezicht, age in [3, 5)");
}

TEST_CASE("a kind without rows, and a kind that misses part of the column's span") {
    auto l = load_table("unique", "  row toezicht, [0, 3) -> 84 hours/week\n"
                                  "  row toezicht, [3, 18) -> 70 hours/week\n");
    REQUIRE(ids(l->diags()) == Ids{"E0405"});
    CHECK(l->diags().items()[0].message == "no row of table 't' matches kind = begeleiding");
    auto partial = load_table("unique", "  row toezicht, [0, 5) -> 84 hours/week\n"
                                        "  row -, [5, 120) -> 0 hours/week\n");
    REQUIRE(ids(partial->diags()) == Ids{"E0405"});
    CHECK(partial->diags().items()[0].message ==
          "no row of table 't' matches kind = begeleiding, age in [0, 5)");
}

TEST_CASE("bool columns are enumerated too") {
    auto l = load_table("unique", "  row true -> 1 hours/week\n", "b: bool");
    REQUIRE(ids(l->diags()) == Ids{"E0405"});
    CHECK(l->diags().items()[0].message == "no row of table 't' matches b = false");
}

TEST_CASE("first and sum tables are not checked for overlap or coverage") {
    CHECK(load_table("first", "  row toezicht, [0, 5) -> 84 hours/week\n"
                              "  row toezicht, [3, 18) -> 70 hours/week\n")
              ->ok());
    CHECK(load_table("sum", "  row toezicht, [0, 5) -> 84 hours/week\n"
                            "  row -, [3, 18) -> 70 hours/week\n")
              ->ok());
}

TEST_CASE("hit policy, cell count, cell types and constants") {
    CHECK(ids(load_table("all", "  row toezicht, [0, 5) -> 1 hours/week\n")->diags()) ==
          Ids{"E0401"});
    CHECK(ids(load_table("first", "  row toezicht -> 1 hours/week\n")->diags()) == Ids{"E0402"});
    CHECK(ids(load_table("first", "  row toezicht, [0 eur, 5 eur) -> 1 hours/week\n")->diags()) ==
          Ids{"E0403", "E0403"});
    CHECK(ids(load_table("first", "  row toezicht, 3 -> 1 hours/week\n")->diags()) ==
          Ids{"E0403"}); // a bare number only takes the unit inside a range
    CHECK(ids(load_table("first", "  row toezicht, [0, 5) -> 1 eur\n")->diags()) == Ids{"E0302"});
    CHECK(ids(load_table("first", "  row toezicht, [0, 1 years + 1 years) -> 1 hours/week\n")
                  ->diags()) == Ids{"E0406"});
    CHECK(ids(load_table("first", "  row [0, 5), [0, 5) -> 1 hours/week\n")->diags()) ==
          Ids{"E0409"});
    CHECK(ids(load_table("first", "  row toezicht, [5, 3) -> 1 hours/week\n")->diags()) ==
          Ids{"E0411"});
    CHECK(
        ids(load_table("sum", "  row toezicht, - -> true\n", "kind: care_kind, age: years", "bool")
                ->diags()) == Ids{"E0408"});
    CHECK(ids(load_table("first", "  row toezichtt, - -> 1 hours/week\n")->diags()) ==
          Ids{"E0206"});
}

TEST_CASE("table calls check argument count and column types") {
    RulesDir dir;
    dir.write("main.rules", header("p") + "enum care_kind = begeleiding | toezicht\n" +
                                "table t: count\n  by kind: care_kind\n  hit first\n" + meta +
                                "  row - -> 1\n" + "rule a: count\n" + meta + "  = t()\n" +
                                "rule b: count\n" + meta + "  = t(3)\n" + "rule c: count\n" + meta +
                                "  = t(toezicht)\n");
    auto l = dir.load();
    CHECK(ids(l->diags()) == Ids{"E0208", "E0305"});
}

TEST_CASE("a table whose first column holds members is indexed by its first cell") {
    auto l = load_table("first", "  row toezicht, [0, 3) -> 1 hours/week\n"
                                 "  row -, [0, 3) -> 2 hours/week\n"
                                 "  row begeleiding, - -> 3 hours/week\n"
                                 "  row toezicht, - -> 4 hours/week\n"
                                 "  row -, - -> 5 hours/week\n");
    INFO(dump(l->diags()));
    REQUIRE(l->ok());
    auto const& version = l->rules().program().tables.at(0).versions.at(0);
    REQUIRE(version.first_cell_index);
    // Each member with the rows that name it or have `-`, in row order (0-based).
    using Rows = std::vector<std::uint32_t>;
    auto const& index = *version.first_cell_index;
    REQUIRE(index.by_value.size() == 2);
    CHECK(index.by_value[0].first == "begeleiding");
    CHECK(index.by_value[0].second == Rows{1, 2, 4});
    CHECK(index.by_value[1].first == "toezicht");
    CHECK(index.by_value[1].second == Rows{0, 1, 3, 4});
    CHECK(index.any_rows == Rows{1, 4});
    auto member = [&](std::string const& text) {
        sema::Scalar s;
        s.type = version.columns.at(0).type;
        s.text = text;
        return s;
    };
    CHECK(*sema::candidate_rows(version, member("toezicht")) == Rows{0, 1, 3, 4});
    CHECK(*sema::candidate_rows(version, member("begeleiding")) == Rows{1, 2, 4});
    // A member no row names can only match the rows with `-`.
    CHECK(*sema::candidate_rows(version, member("verkeer")) == Rows{1, 4});
}

TEST_CASE("a table whose first column is a range or a number is not indexed") {
    auto ranged = load_table("first", "  row [0, 3), toezicht -> 1 hours/week\n",
                             "age: years, kind: care_kind");
    INFO(dump(ranged->diags()));
    REQUIRE(ranged->ok());
    CHECK_FALSE(ranged->rules().program().tables.at(0).versions.at(0).first_cell_index);
    auto numbered =
        load_table("first", "  row 3, toezicht -> 1 hours/week\n", "n: count, kind: care_kind");
    INFO(dump(numbered->diags()));
    REQUIRE(numbered->ok());
    CHECK_FALSE(numbered->rules().program().tables.at(0).versions.at(0).first_cell_index);
}
