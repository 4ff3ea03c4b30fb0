// golden/coverage: counts of reached items on a tiny rule set, and the never-reached list.
#include "golden/coverage.hpp"

#include "../engine/engine_test_support.hpp"

#include <catch2/catch.hpp>

using namespace billijk;
using namespace billijk::test;

namespace {

std::string const rules = header("m", "municipal") +
                          "enum care_kind = begeleiding | toezicht\n"
                          "parameter share: percent\n" +
                          meta +
                          "  valid 2015-01-01 .. 2016-12-31 = 50%\n"
                          "  valid 2017-01-01 .. = 60%\n"
                          "table t: hours/week\n  by kind: care_kind\n  hit unique\n" +
                          meta +
                          "  row begeleiding -> 2 hours/week\n"
                          "  row toezicht -> 3 hours/week\n"
                          "rule weekly: hours/week\n" +
                          meta +
                          "  = t(begeleiding) * share\n"
                          "rule unused: hours/week\n" +
                          meta +
                          "  = 1 hours/week\n"
                          "exception more to weekly\n" +
                          meta +
                          "  when request.provider == informal\n  = 9 hours/week\n"
                          "provision p\n" +
                          meta + "  quantity = weekly\n";

golden::PackageCoverage const& package(golden::CoverageReport const& r, std::string const& name) {
    for (auto const& p : r.packages)
        if (p.package == name)
            return p;
    FAIL("no package " << name);
    return r.packages.front();
}

} // namespace

TEST_CASE("coverage counts what one indication reaches and lists the rest with file:line") {
    RulesDir dir;
    dir.write("main.rules", rules);
    auto loaded = dir.load();
    INFO(dump(loaded->diags()));
    REQUIRE(loaded->ok());
    Case c = make_case(); // period 2017-07-01 .. 2018-06-30: the second version of share
    Request r;
    r.provision = "p";
    r.form = "in_kind";
    r.provider = "professional";
    c.requests.push_back(r);
    auto ind = indicate(loaded->rules(), c, {});
    INFO((ind ? std::string() : dump(ind.diagnostics())));
    REQUIRE(ind);
    CHECK(ind.value().provisions.at(0).quantity->amount.to_string() == "1.2");

    golden::CoverageHits hits;
    hits.add(ind.value());
    auto report = golden::coverage_report(loaded->rules().program(), loaded->sources, hits,
                                          dir.root().generic_string());
    auto const& m = package(report, "m");
    // provision p, rule weekly, parameter share (2017-), table row 1 of 6 items... plus the
    // exception (checked, never applied), rule unused, share (2015-2016) and table row 2.
    CHECK(m.items.size() == 8);
    CHECK(m.reached() == 4);
    CHECK(m.counts() ==
          "provisions 1/1, rules 1/2, exceptions 0/1, parameters 1/2, table rows 1/2");
    std::vector<std::string> never;
    for (auto const& i : m.items)
        if (!i.reached)
            never.push_back(i.file + ":" + std::to_string(i.line) + ": " + i.text);
    CHECK(never == std::vector<std::string>{
                       "main.rules:9: parameter share (2015-01-01..2016-12-31)",
                       "main.rules:16: table t row 2: toezicht -> 3 hours/week",
                       "main.rules:20: rule unused",
                       "main.rules:23: exception more (to weekly)",
                   });

    // A second case with an informal provider applies the exception.
    c.requests[0].form = "pgb";
    c.requests[0].provider = "informal";
    auto second = indicate(loaded->rules(), c, {});
    REQUIRE(second);
    hits.add(second.value());
    report = golden::coverage_report(loaded->rules().program(), loaded->sources, hits,
                                     dir.root().generic_string());
    CHECK(package(report, "m").counts() ==
          "provisions 1/1, rules 1/2, exceptions 1/1, parameters 1/2, table rows 1/2");
}
