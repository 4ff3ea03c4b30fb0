// Checker: dates and versions (E05xx).
#include "engine_test_support.hpp"

#include <catch2/catch.hpp>

using namespace billijk;
using namespace billijk::test;

namespace {

using Ids = std::vector<std::string>;

std::unique_ptr<Loaded> load_versions(std::string const& versions) {
    RulesDir dir;
    dir.write("main.rules", header("p") + "parameter cost: eur/hour\n" + meta + versions);
    return dir.load();
}

} // namespace

TEST_CASE("joining versions load") {
    auto l = load_versions("  valid 2015-01-01 .. 2016-12-31 = 44.00 eur/hour\n"
                           "  valid 2017-01-01 .. = 45.00 eur/hour\n");
    INFO(dump(l->diags()));
    CHECK(l->ok());
}

TEST_CASE("a gap between versions names both and the missing days") {
    auto l = load_versions("  valid 2015-01-01 .. 2016-12-31 = 44.00 eur/hour\n"
                           "  valid 2017-02-01 .. = 45.00 eur/hour\n");
    REQUIRE(ids(l->diags()) == Ids{"E0504"});
    auto const& d = l->diags().items()[0];
    CHECK(d.message == "gap between versions of parameter 'cost': no version is valid from "
                       "2017-01-01 to 2017-01-31");
    CHECK(d.notes.at(0).message == "version valid 2015-01-01..2016-12-31");
    CHECK(d.notes.at(1).message == "next version valid 2017-02-01..");
}

TEST_CASE("overlapping versions, in any order of writing") {
    auto l = load_versions("  valid 2016-06-01 .. = 45.00 eur/hour\n"
                           "  valid 2015-01-01 .. 2016-12-31 = 44.00 eur/hour\n");
    REQUIRE(ids(l->diags()) == Ids{"E0503"});
    CHECK(l->diags().items()[0].message ==
          "versions of parameter 'cost' overlap: 2015-01-01..2016-12-31 and 2016-06-01..");
    CHECK(ids(load_versions("  valid 2015-01-01 .. = 1.00 eur/hour\n"
                            "  valid 2017-01-01 .. = 2.00 eur/hour\n")
                  ->diags()) == Ids{"E0503"});
}

TEST_CASE("impossible dates and reversed ranges") {
    CHECK(ids(load_versions("  valid 2015-02-29 .. = 1.00 eur/hour\n")->diags()) == Ids{"E0501"});
    CHECK(ids(load_versions("  valid 2016-01-01 .. 2015-01-01 = 1.00 eur/hour\n")->diags()) ==
          Ids{"E0502"});
    RulesDir dir;
    dir.write("main.rules",
              "package p \"t\"\n  layer national\n  valid 2018-01-01 .. 2017-01-01\n");
    CHECK(ids(dir.load()->diags()) == Ids{"E0502"});
}

TEST_CASE("a parameter mixes an undated value with versions") {
    auto l = load_versions("  = 1.00 eur/hour\n  valid 2015-01-01 .. = 2.00 eur/hour\n");
    INFO(dump(l->diags()));
    // Whether the parser accepts this shape is its business; if it does, the checker refuses it.
    if (!ids(l->diags()).empty() && ids(l->diags())[0].rfind("E05", 0) == 0)
        CHECK(ids(l->diags()) == Ids{"E0505"});
}

TEST_CASE("versions of a table join without gaps") {
    RulesDir dir;
    std::string table = "table t: count\n  by b: bool\n  hit first\n" + meta;
    dir.write("main.rules",
              header("p") + table + "  valid 2015-01-01 .. 2015-12-31\n  row - -> 1\n" + table +
                  "  valid 2016-02-01 ..\n  row - -> 2\n" +
                  "table u: count\n  by b: bool\n  hit first\n" + meta + "  row - -> 1\n" +
                  "table u: count\n  by b: bool\n  hit first\n" + meta + "  row - -> 1\n");
    auto l = dir.load();
    CHECK(ids(l->diags()) == Ids{"E0504", "E0506"});
}
