// Checker: names, functions, duplicates, cycles, meta, imports and files (E02xx, E07xx).
#include "engine_test_support.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace billijk;
using namespace billijk::test;

namespace {

std::unique_ptr<Loaded> load_one(std::string const& body, std::string const& layer = "national") {
    RulesDir dir;
    dir.write("main.rules", header("p", layer) + body);
    return dir.load();
}

} // namespace

TEST_CASE("a well-formed package loads") {
    auto l = load_one("parameter a: eur/hour\n" + meta + "  = 1.00 eur/hour\n");
    INFO(dump(l->diags()));
    CHECK(l->ok());
}

TEST_CASE("unknown name with a did-you-mean note and the reference's span") {
    auto l = load_one("parameter hourly_rate: eur/hour\n" + meta + "  = 1.00 eur/hour\n" +
                      "rule r: eur/hour\n" + meta + "  = hourly_rat\n");
    REQUIRE(!l->ok());
    CHECK(ids(l->diags()) == std::vector<std::string>{"E0203"});
    auto const& d = l->diags().items()[0];
    CHECK(d.message == "unknown name 'hourly_rat'");
    REQUIRE(d.span);
    CHECK(spanned(*l, *d.span) == "hourly_rat");
    REQUIRE(!d.notes.empty());
    CHECK(d.notes[0].message == "did you mean 'hourly_rate'?");
}

TEST_CASE("unknown function and wrong argument counts") {
    auto l = load_one("rule r: eur/hour\n" + meta + "  = mni(1.00 eur/hour, 2.00 eur/hour)\n" +
                      "rule s: eur/hour\n" + meta + "  = round(1.00 eur/hour, 0.01)\n" +
                      "rule t: eur/hour\n" + meta + "  = max(1.00 eur/hour)\n");
    CHECK(ids(l->diags()) == std::vector<std::string>{"E0207", "E0208", "E0208"});
    auto const& d = l->diags().items()[0];
    CHECK(d.message == "unknown function 'mni'");
    CHECK(spanned(*l, *d.span) == "mni");
    CHECK(d.notes.at(0).message == "did you mean 'min'?");
}

TEST_CASE("unknown enumeration member names the enumeration") {
    auto l = load_one("rule r: bool\n" + meta + "  = request.provider == informl\n");
    CHECK(ids(l->diags()) == std::vector<std::string>{"E0206"});
    auto const& d = l->diags().items()[0];
    CHECK(d.message == "'informl' is not a member of enumeration 'provider_kind'");
    CHECK(d.notes.at(0).message == "did you mean 'informal'?");
}

TEST_CASE("duplicate declaration without override") {
    auto l =
        load_one("parameter a: count\n" + meta + "  = 1\n" + "rule a: count\n" + meta + "  = 2\n");
    CHECK(ids(l->diags()) == std::vector<std::string>{"E0204"});
    auto const& d = l->diags().items()[0];
    CHECK(d.message == "'a' is declared twice in package 'p'");
    CHECK(d.notes.at(0).message == "first declared here");
}

TEST_CASE("cycle between rules names the cycle") {
    auto l = load_one("rule hourly_rate: eur/hour\n" + meta + "  = informal_cap\n" +
                      "rule informal_cap: eur/hour\n" + meta + "  = hourly_rate\n");
    CHECK(ids(l->diags()) == std::vector<std::string>{"E0210"});
    auto const& d = l->diags().items()[0];
    CHECK(d.message == "rule 'hourly_rate' depends on itself");
    CHECK(d.notes.at(0).message == "cycle: hourly_rate → informal_cap → hourly_rate");
    CHECK(d.notes.at(1).message == "'hourly_rate' uses 'informal_cap' here");
}

TEST_CASE("a rule that uses itself is a cycle") {
    auto l = load_one("rule a: count\n" + meta + "  = a + 1\n");
    CHECK(ids(l->diags()) == std::vector<std::string>{"E0210"});
}

TEST_CASE("missing citation and label") {
    auto l = load_one("rule r: count\n  label \"x\"\n  = 1\n"
                      "parameter q: count\n  cites \"x\"\n  = 1\n"
                      "fact f: bool\n");
    CHECK(ids(l->diags()) == std::vector<std::string>{"E0701", "E0702", "E0701", "E0702"});
    CHECK(l->diags().items()[0].message == "missing citation on rule 'r'");
    CHECK(l->diags().items()[1].message == "missing label on parameter 'q'");
}

TEST_CASE("a table used as a value, a refusal used as a value") {
    auto l = load_one("table t: count\n  by a: bool\n  hit first\n" + meta + "  row - -> 1\n" +
                      "refusal no\n" + meta + "  when false\n" + "rule r: count\n" + meta +
                      "  = t\n" + "rule s: bool\n" + meta + "  = no\n");
    CHECK(ids(l->diags()) == std::vector<std::string>{"E0216", "E0216"});
}

TEST_CASE("imports: escaping the root and missing files") {
    RulesDir dir;
    dir.write("a/main.rules", header("p") +
                                  "import \"../../outside.rules\"\nimport \"gone.rules\"\n"
                                  "import \"../b/ok.rules\"\n");
    dir.write("b/ok.rules", header("q"));
    dir.write("../outside.rules", header("z"));
    auto l = dir.load();
    CHECK(ids(l->diags()) == std::vector<std::string>{"E0211", "E0212"});
    auto const& escape = l->diags().items()[0];
    CHECK(spanned(*l, *escape.span).find("../../outside.rules") != std::string::npos);
    CHECK(l->diags().items()[1].message ==
          "imported file '" + (dir.root() / "a/gone.rules").lexically_normal().generic_string() +
              "' does not exist");
}

TEST_CASE("file paths are shown under the root as given") {
    RulesDir dir;
    dir.write("sub/main.rules", header("p") + "rule r: count\n" + meta + "  = nope\n");
    auto l = dir.load();
    REQUIRE(!l->ok());
    auto span = *l->diags().items()[0].span;
    CHECK(l->sources.file(span.file).path ==
          (dir.root() / "sub/main.rules").lexically_normal().generic_string());
}

TEST_CASE("an empty or missing rules root is an error without a span") {
    RulesDir dir;
    auto l = dir.load();
    CHECK(ids(l->diags()) == std::vector<std::string>{"E0202"});
    SourceSet sources;
    auto missing = load_rules(dir.root() / "nope", sources);
    REQUIRE(!missing);
    CHECK(missing.diagnostics().items()[0].id == "E0201");
    CHECK(!missing.diagnostics().items()[0].span);
}

TEST_CASE("parse errors in several files are all reported, and stop the checker") {
    RulesDir dir;
    dir.write("a.rules", header("a") + "rule r: count\n" + meta + "  = (1 +\n");
    dir.write("b.rules", header("b") + "rule s: count\n" + meta + "  = 1 +\n");
    dir.write("c.rules", header("c") + "rule t: count\n" + meta + "  = unknown_name\n");
    auto l = dir.load();
    REQUIRE(!l->ok());
    std::set<FileId> files;
    for (auto const& d : l->diags().items()) {
        CHECK(d.id.rfind("E01", 0) == 0);
        if (d.span)
            files.insert(d.span->file);
    }
    CHECK(files.size() == 2);
}

TEST_CASE("many independent errors are reported in one run") {
    auto l = load_one("rule a: eur\n" + meta + "  = 1 eur + 2 hours\n" + "rule b: count\n" + meta +
                      "  = nope\n" + "rule c: count\n  = 1\n");
    CHECK(ids(l->diags()) == std::vector<std::string>{"E0301", "E0203", "E0701", "E0702"});
}
