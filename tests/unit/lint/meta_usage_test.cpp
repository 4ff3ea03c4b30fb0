// Lint: English labels (L0101), unused declarations (L0201-L0204), never reached (L0205).
#include "lint_test_support.hpp"

using namespace billijk;
using namespace billijk::test;

TEST_CASE("a clean package has no findings") {
    auto l = lint_one(clean_package(""));
    INFO(l.text());
    CHECK(l.ids().empty());
}

TEST_CASE("a declaration without label_en is L0101, with the span of its name") {
    auto l = lint_one(clean_package("parameter share: percent\n" + meta +
                                    "  = 60%\n"
                                    "rule used: hours/week\n" +
                                    meta_en + "  = weekly * share\n"));
    // `used` is unread, which L0203 reports; the label finding is what this test is about.
    auto const* f = l.find("L0101");
    REQUIRE(f);
    CHECK(l.spanned_text(*f) == "share");
    CHECK(f->diagnostic.message == "no English label on parameter 'share'");
}

TEST_CASE("unused fact, parameter, rule and table each have their own id") {
    auto l = lint_one(clean_package("fact capable: bool\n" + meta_en +
                                    "parameter share: percent\n" + meta_en +
                                    "  = 60%\n"
                                    "rule spare: hours/week\n" +
                                    meta_en +
                                    "  = 1 hours/week\n"
                                    "table by_age: hours/week\n  by age: years\n  hit unique\n" +
                                    meta_en + "  row - -> 1 hours/week\n"));
    INFO(l.text());
    CHECK(l.ids() == Ids{"L0201", "L0202", "L0203", "L0204"});
    CHECK(l.spanned_text(*l.find("L0203")) == "spare");
}

TEST_CASE("declarations read from a provision are used and reached") {
    auto l = lint_one(
        "package p \"Test\"\n  layer national\n  law jeugdwet\n  valid 2015-01-01 ..\n\n"
        "fact capable: bool\n" +
        meta_en + "parameter base: hours/week\n" + meta_en +
        "  = 10 hours/week\n"
        "table extra: hours/week\n  by age: years\n  hit unique\n" +
        meta_en +
        "  row - -> 1 hours/week\n"
        "rule weekly: hours/week\n" +
        meta_en +
        "  = if capable then base + extra(age_on(client.birth_date, period.start)) else base\n"
        "provision care\n" +
        meta_en + "  quantity = weekly\n");
    INFO(l.text());
    CHECK(l.ids().empty());
}

TEST_CASE("a rule read only by an unreached rule is L0205") {
    auto l = lint_one(clean_package("rule inner: hours/week\n" + meta_en +
                                    "  = 1 hours/week\n"
                                    "rule outer: hours/week\n" +
                                    meta_en + "  = inner\n"));
    INFO(l.text());
    CHECK(l.ids() == Ids{"L0205", "L0203"});
    CHECK(l.spanned_text(l.findings[0]) == "inner");
}

TEST_CASE("a lower-layer rule overridden by the municipal package is used through its name, "
          "with what it reads") {
    std::string const national =
        "package n \"Test\"\n  layer national\n  law jeugdwet\n  valid 2015-01-01 ..\n\n"
        "fact asked: eur/hour\n" +
        meta_en + "rule rate: eur/hour\n" + meta_en +
        "  = asked\n"
        "provision care\n" +
        meta_en + "  quantity = 1 hours/week\n  rate = rate\n";
    std::string const municipal = "package m \"Test\"\n  layer municipal\n  law jeugdwet\n"
                                  "  municipality GM0489\n  extends n\n  valid 2015-01-01 ..\n\n"
                                  "import \"n.rules\"\n\n"
                                  "override rule rate: eur/hour\n" +
                                  meta_en + "  = 25.00 eur/hour\n";
    auto l = lint_rules({{"n.rules", national}, {"m.rules", municipal}});
    INFO(l.text());
    CHECK(l.ids().empty());
}

TEST_CASE("a name read by a national rule counts for the municipal declaration it binds to") {
    std::string const national =
        "package n \"Test\"\n  layer national\n  law jeugdwet\n  valid 2015-01-01 ..\n\n"
        "parameter share: percent\n" +
        meta_en +
        "  = 50%\n"
        "provision care\n" +
        meta_en + "  quantity = 10 hours/week * share\n";
    std::string const municipal = "package m \"Test\"\n  layer municipal\n  law jeugdwet\n"
                                  "  municipality GM0489\n  extends n\n  valid 2015-01-01 ..\n\n"
                                  "import \"n.rules\"\n\n"
                                  "override parameter share: percent\n" +
                                  meta_en + "  = 60%\n";
    auto l = lint_rules({{"n.rules", national}, {"m.rules", municipal}});
    INFO(l.text());
    CHECK(l.ids().empty());
}
