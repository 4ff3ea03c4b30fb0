// Lint: exceptions that can never apply (L0501-L0503) and rounding applied twice (L0601, L0602).
#include "lint_test_support.hpp"

using namespace billijk;
using namespace billijk::test;

namespace {

/// A package whose provision's quantity is rule `weekly`, which reads rule `base` as `use`.
std::string with_base(std::string const& use, std::string const& body) {
    return "package p \"Test\"\n  layer national\n  law jeugdwet\n  valid 2015-01-01 ..\n\n"
           "rule base: hours/week\n" +
           meta_en + "  = 10 hours/week\n" + "rule weekly: hours/week\n" + meta_en + "  = " + use +
           "\n" + "provision care\n" + meta_en + "  quantity = weekly\n" + body;
}

std::string exception(std::string const& name, std::string const& when,
                      std::string const& over = "") {
    return "exception " + name + " to base" + (over.empty() ? "" : " over " + over) + "\n" +
           meta_en + "  when " + when + "\n  = 5 hours/week\n";
}

} // namespace

TEST_CASE("an exception whose condition contradicts itself is L0501") {
    auto l = lint_one(
        with_base("base", exception("e", "request.form == pgb and request.form == in_kind")));
    REQUIRE(l.ids() == Ids{"L0501"});
    CHECK(l.spanned_text(l.findings[0]) == "request.form == pgb and request.form == in_kind");
}

TEST_CASE("an exception with a satisfiable condition has no finding") {
    auto l = lint_one(with_base("base", exception("e", "request.form == pgb")));
    INFO(l.text());
    CHECK(l.ids().empty());
}

TEST_CASE("an exception that one declared over it always beats is L0502") {
    auto l = lint_one(with_base(
        "base", exception("narrow", "request.form == pgb and request.provider == informal") +
                    exception("wide", "request.form == pgb", "narrow")));
    REQUIRE(l.ids() == Ids{"L0502"});
    CHECK(l.findings[0].diagnostic.message ==
          "exception 'narrow' never applies: 'wide' is declared over it and holds whenever it "
          "does");
}

TEST_CASE("a narrower exception declared over a wider one has no finding") {
    auto l = lint_one(with_base(
        "base",
        exception("wide", "request.form == pgb") +
            exception("narrow", "request.form == pgb and request.provider == informal", "wide")));
    INFO(l.text());
    CHECK(l.ids().empty());
}

TEST_CASE("an exception excluded by the only guard under which its rule is read is L0503") {
    auto l = lint_one(with_base("if request.form == pgb then base else 0 hours/week",
                                exception("e", "request.form == in_kind")));
    REQUIRE(l.ids() == Ids{"L0503"});
    CHECK(l.findings[0].diagnostic.notes.at(0).message ==
          "rule 'base' is read under this condition");
}

TEST_CASE("an exception compatible with the guard of its rule has no finding") {
    auto l = lint_one(with_base("if request.form == pgb then base else 0 hours/week",
                                exception("e", "request.provider == informal")));
    INFO(l.text());
    CHECK(l.ids().empty());
}

TEST_CASE("rounding a rule that is already rounded at the same step is L0601") {
    auto l = lint_one(
        with_base("round(base * 1.5, 0.25, half_up)", "")
            .append("rule twice: hours/week\n" + meta_en + "  = round(weekly, 0.25, half_up)\n"));
    // `twice` is unread (L0203); the rounding finding points at its round.
    auto const* f = l.find("L0601");
    REQUIRE(f);
    CHECK(l.spanned_text(*f) == "round(weekly, 0.25, half_up)");
    CHECK(f->diagnostic.message == "rounding to 0.25 a value already rounded to 0.25 changes "
                                   "nothing");
}

TEST_CASE("rounding a value rounded to a finer step is L0602") {
    auto l = lint_one(with_base("round(round(base * 1.333, 0.001, half_up), 0.01, half_up)", ""));
    REQUIRE(l.ids() == Ids{"L0602"});
    CHECK(l.findings[0].diagnostic.notes.at(0).message == "rounded to 0.001 here");
}

TEST_CASE("rounding once has no finding") {
    auto l = lint_one(with_base("round(base * 1.333, 0.01, half_up)", ""));
    INFO(l.text());
    CHECK(l.ids().empty());
}
