// Lint: effective dates the checker lets through (L0301-L0303).
#include "lint_test_support.hpp"

using namespace billijk;
using namespace billijk::test;

namespace {

std::string const national = clean_package("", "n");

std::string municipal(std::string const& name, std::string const& valid) {
    return "package " + name +
           " \"Test\"\n  layer municipal\n  law jeugdwet\n  municipality GM0489\n  extends n\n"
           "  valid " +
           valid + "\n\nimport \"n.rules\"\n";
}

} // namespace

TEST_CASE("two municipal packages with days between them are L0301") {
    auto l = lint_rules({{"n.rules", national},
                         {"a.rules", municipal("a", "2015-01-01 .. 2016-12-31")},
                         {"b.rules", municipal("b", "2017-02-01 ..")}});
    REQUIRE(l.ids() == Ids{"L0301"});
    CHECK(l.findings[0].diagnostic.message ==
          "no package for GM0489 and jeugdwet is valid from 2017-01-01 to 2017-01-31");
    CHECK(l.spanned_text(l.findings[0]) == "2017-02-01 ..");
}

TEST_CASE("municipal packages that join have no date finding") {
    auto l = lint_rules({{"n.rules", national},
                         {"a.rules", municipal("a", "2015-01-01 .. 2016-12-31")},
                         {"b.rules", municipal("b", "2017-01-01 ..")}});
    INFO(l.text());
    CHECK(l.ids().empty());
}

TEST_CASE("a package valid before the package it extends is L0302") {
    auto l = lint_rules({{"n.rules", national}, {"a.rules", municipal("a", "2014-01-01 ..")}});
    REQUIRE(l.ids() == Ids{"L0302"});
    CHECK(l.findings[0].diagnostic.message ==
          "package 'a' is valid 2014-01-01.., but the package it extends, 'n', only 2015-01-01..");
}

TEST_CASE("versions that start late and end early inside an open package are L0303 twice") {
    auto l =
        lint_one("package p \"Test\"\n  layer national\n  law jeugdwet\n  valid 2015-01-01 ..\n\n"
                 "parameter cost: eur/hour\n" +
                 meta_en +
                 "  valid 2016-01-01 .. 2016-12-31 = 44.00 eur/hour\n"
                 "  valid 2017-01-01 .. 2017-12-31 = 45.00 eur/hour\n"
                 "provision care\n" +
                 meta_en + "  quantity = 10 hours/week\n  rate = cost\n");
    REQUIRE(l.ids() == Ids{"L0303", "L0303"});
    CHECK(l.findings[0].diagnostic.message ==
          "no version of parameter 'cost' is valid from 2015-01-01 to 2015-12-31, though package "
          "'p', which uses it, is");
    CHECK(l.findings[1].diagnostic.message ==
          "no version of parameter 'cost' is valid after 2017-12-31, though package 'p', which "
          "uses it, is valid 2015-01-01..");
}

TEST_CASE("versions chosen by hand with an if on the period have no L0303") {
    auto l =
        lint_one("package p \"Test\"\n  layer national\n  law jeugdwet\n  valid 2015-01-01 ..\n\n"
                 "parameter cost: eur/hour\n" +
                 meta_en +
                 "  valid 2016-01-01 .. 2016-12-31 = 44.00 eur/hour\n"
                 "rule rate: eur/hour\n" +
                 meta_en +
                 "  = if period.start < 2016-01-01 then 40.00 eur/hour else cost\n"
                 "provision care\n" +
                 meta_en + "  quantity = 10 hours/week\n  rate = rate\n");
    INFO(l.text());
    CHECK(l.ids().empty());
}

TEST_CASE("versions covering the package's validity have no L0303") {
    auto l =
        lint_one("package p \"Test\"\n  layer national\n  law jeugdwet\n  valid 2015-01-01 ..\n\n"
                 "parameter weekly: hours/week\n" +
                 meta_en +
                 "  valid 2015-01-01 .. 2016-12-31 = 10 hours/week\n"
                 "  valid 2017-01-01 .. = 12 hours/week\n"
                 "provision care\n" +
                 meta_en + "  quantity = weekly\n");
    INFO(l.text());
    CHECK(l.ids().empty());
}
