// billijk tables verify on a small package (tests/unit/tables/rules/probe.rules): binding, the
// comparison, the rounding explanations of the end result and of an intermediate, and errors.
#include "tables/verify.hpp"

#include "billijk/engine.hpp"

#include <catch2/catch.hpp>

using namespace billijk;
using namespace billijk::tables;

namespace {

RuleSet const& probe_rules() {
    static SourceSet sources;
    static RuleSet const rules = [] {
        auto r = load_rules(std::filesystem::path(BILLIJK_SOURCE_DIR) / "tests/unit/tables/rules",
                            sources);
        REQUIRE(r.ok());
        return r.value();
    }();
    return rules;
}

VerifyOutcome run(std::string const& csv, VerifyOptions const& options) {
    auto read = read_published_table(csv);
    REQUIRE(read.table);
    return verify(probe_rules().program(), *read.table, options);
}

VerifyOptions rule(std::string name) {
    VerifyOptions o;
    o.rule = std::move(name);
    return o;
}

std::vector<std::string> fits(RowResult const& r) {
    std::vector<std::string> out;
    for (auto const& f : r.analysis.fits)
        out.push_back(describe(f));
    return out;
}

} // namespace

TEST_CASE("a truncated value is found, with the end result and the intermediate that explain it") {
    auto out = run("label,amount,published\n"
                   "half-up,\"7.098,50\",\"5.323,88\"\n"
                   "truncated,\"7.098,50\",\"5.323,87\"\n",
                   rule("share_plus_extra"));
    REQUIRE(out.report);
    auto const& rep = *out.report;
    CHECK(rep.package == "tables.probe");
    CHECK(rep.unit == "eur/year");
    CHECK(rep.date.to_string() == "2022-01-01");
    REQUIRE(rep.rows.size() == 2);
    CHECK(rep.rows[0].follows);
    CHECK(rep.mismatches() == 1);
    auto const& bad = rep.rows[1];
    CHECK(bad.line == 3);
    CHECK(bad.label == "truncated");
    CHECK(bad.computed.to_string() == "5323.88");
    CHECK(bad.published.to_string() == "5323.87");
    CHECK(bad.difference.to_string() == "-0.01");
    REQUIRE(bad.analysis.exact);
    CHECK(bad.analysis.exact->to_string() == "5323.875");
    REQUIRE(bad.analysis.stated);
    CHECK(rule_spelling(*bad.analysis.stated) == "0.01, half_up");
    CHECK(fits(bad) ==
          std::vector<std::string>{"truncation (down) to cents of the end result",
                                   "truncation (down) to cents of the intermediate `share * "
                                   "amount`, then the rest of the rule as stated"});
}

TEST_CASE("a value no rounding gives has no explanation") {
    auto out = run("amount,published\n7098.50,5300\n", rule("share_plus_extra"));
    REQUIRE(out.report);
    REQUIRE(out.report->rows.size() == 1);
    CHECK_FALSE(out.report->rows[0].follows);
    CHECK(out.report->rows[0].analysis.fits.empty());
    CHECK(report_text(*out.report, "t.csv").find("no rounding explains it") != std::string::npos);
}

TEST_CASE("a rule without rounding: the exact value and every rounding of it") {
    auto out = run("amount,published\n7098.50,5323.88\n", rule("unrounded"));
    REQUIRE(out.report);
    auto const& row = out.report->rows.at(0);
    CHECK_FALSE(row.follows);
    CHECK_FALSE(row.analysis.stated);
    CHECK(fits(row) == std::vector<std::string>{"half-up to cents of the end result",
                                                "half-even to cents of the end result",
                                                "up to cents of the end result"});
}

TEST_CASE("a bind maps a column to a name, the published column can be named") {
    auto o = rule("share_plus_extra");
    o.bind.binds = {{"professional", "amount"}, {"pct", "share"}};
    o.bind.published = "table value";
    auto out = run("professional,pct,table value\n1000,90%,900.00\n1000,\"0,5\",500\n", o);
    REQUIRE(out.report);
    CHECK(out.report->mismatches() == 0);
    CHECK(out.report->rows[0].inputs == std::vector<std::pair<std::string, std::string>>{
                                            {"professional", "1000"}, {"pct", "90%"}});
}

TEST_CASE("a fact the rule needs and the table lacks is named") {
    auto out = run("amount,published\n1,2\n", rule("share_of_asked"));
    REQUIRE_FALSE(out.report);
    CHECK(out.failure == Failure::table);
    REQUIRE(out.errors.size() == 1);
    CHECK(to_text("t.csv", out.errors[0]) == "t.csv:2: error: rule share_of_asked is undetermined "
                                             "for this row: missing fact asked (add a "
                                             "column for it, or --bind COLUMN=NAME)");
    auto bound = run("asked,published\n100,75.00\n", rule("share_of_asked"));
    REQUIRE(bound.report);
    CHECK(bound.report->mismatches() == 0);
}

TEST_CASE("table errors name line and column") {
    auto out = run("amount,nonsense,published\n1,2,3\n", rule("share_plus_extra"));
    REQUIRE_FALSE(out.report);
    CHECK(out.failure == Failure::table);
    REQUIRE(out.errors.size() == 1);
    CHECK(
        to_text("t.csv", out.errors[0])
            .starts_with("t.csv:1: error: column 2 (nonsense): 'nonsense' is not a request field"));

    auto cell =
        run("request.provider,amount,published\nzzp,1,abc\nfriend,1,1\n", rule("share_plus_extra"));
    REQUIRE(cell.errors.size() == 2);
    CHECK(to_text("t.csv", cell.errors[0]) == "t.csv:2: error: column 3 (published): 'abc' is not "
                                              "an amount: only digits, '.', ',', a sign "
                                              "and a € sign are allowed");
    CHECK(to_text("t.csv", cell.errors[1])
              .starts_with("t.csv:3: error: column 1 (request.provider): 'friend' is not a member "
                           "of provider_kind"));

    auto no_value = run("amount,value\n1,2\n", rule("share_plus_extra"));
    REQUIRE(no_value.errors.size() == 2); // and the column 'value' binds nothing
    CHECK(no_value.errors[0].message.starts_with("no column holds the published value"));
}

TEST_CASE("an unknown rule, an unknown package and a rule that is no amount are usage errors") {
    auto unknown = run("published\n1\n", rule("no_such_rule"));
    CHECK(unknown.failure == Failure::usage);
    CHECK(unknown.errors.at(0).message == "unknown rule 'no_such_rule': no package declares it");
    auto o = rule("share_plus_extra");
    o.package = "nope";
    CHECK(run("published\n1\n", o).errors.at(0).message == "unknown package 'nope'");
    auto flag = run("published\n1\n", rule("generous"));
    CHECK(flag.failure == Failure::usage);
    CHECK(flag.errors.at(0).message.starts_with("rule 'generous' is a bool, not an amount"));
}

TEST_CASE("the reports are deterministic and list every row") {
    auto out = run("amount,published\n7098.50,5323.87\n1000,750.00\n", rule("share_plus_extra"));
    REQUIRE(out.report);
    auto json = report_json(*out.report, "t.csv");
    CHECK(json == report_json(*out.report, "t.csv"));
    CHECK(json.find("\"mismatches\": 1") != std::string::npos);
    CHECK(report_csv(*out.report) ==
          "line,label,published,computed,difference,follows,explanations\n"
          "2,,5323.87,5323.88,-0.01,no,\"truncation (down) to cents of the end result; "
          "truncation (down) to cents of the intermediate `share * amount`, then the rest of the "
          "rule as stated\"\n"
          "3,,750.00,750.00,0.00,yes,\n");
}

TEST_CASE("a table saved with semicolons gets its CSV report with semicolons and decimal commas") {
    auto read = read_published_table("amount;published\n7098,50;5323,87\n1000;750,00\n");
    REQUIRE(read.table);
    CHECK(read.table->separator == ';');
    auto out = verify(probe_rules().program(), *read.table, rule("share_plus_extra"));
    REQUIRE(out.report);
    // The same rows as the comma-separated table above; the explanations keep their words (in
    // quotes: they hold the separator).
    CHECK(report_csv(*out.report, read.table->separator) ==
          "line;label;published;computed;difference;follows;explanations\n"
          "2;;5323,87;5323,88;-0,01;no;\"truncation (down) to cents of the end result; "
          "truncation (down) to cents of the intermediate `share * amount`, then the rest of the "
          "rule as stated\"\n"
          "3;;750,00;750,00;0,00;yes;\n");
    CHECK(read_published_table("amount,published\n1000,750.00\n").table->separator == ',');
}
