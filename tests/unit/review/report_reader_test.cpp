// A review report read back from its JSON renders as the report did: the JSON itself byte for
// byte, and the text, CSV and HTML made from it. A report that was edited so that it no longer
// holds together is refused with the field named.
#include "review/csv.hpp"
#include "review/report_format.hpp"
#include "review/report_reader.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>

using namespace billijk;
using namespace billijk::review;

namespace {

Quantity amount(char const* value, char const* unit) {
    return Quantity{*Decimal::parse(value), *Unit::parse(unit)};
}

FieldComparison field(std::string name, std::string proposed, std::string engine,
                      std::string difference, Verdict verdict,
                      std::vector<std::string> explanation = {}) {
    return {std::move(name), std::move(proposed),   std::move(engine), std::move(difference),
            verdict,         std::move(explanation)};
}

ReviewedDecision decision(std::size_t line, std::string id, std::string case_id,
                          std::vector<FieldComparison> fields) {
    ReviewedDecision d;
    d.line = line;
    d.decision_id = std::move(id);
    d.case_id = std::move(case_id);
    d.provision = "begeleiding_individueel";
    d.fields = std::move(fields);
    return d;
}

/// Every kind of content a rendering prints: each verdict, explanations with non-ASCII text,
/// a decision without fields, budgets on one side only, an unequal group with and without
/// drivers and spread, and a group whose budgets agree (counted, not listed).
Report sample_report() {
    Report r;
    r.decisions.push_back(
        decision(1, "D-1", "C-1",
                 {field("status", "granted", "granted", "", Verdict::equal),
                  field("budget", "6656.00 eur/year", "6656.00 eur/year", "", Verdict::equal)}));
    r.decisions.push_back(decision(
        2, "D-2", "C-2",
        {field("rate", "27.00 eur/hour", "16.00 eur/hour", "11.00 eur/hour", Verdict::deviation,
               {"hourly_rate = 16.00 eur/hour (Verordening art. 5 lid 2 — \"60%\")",
                "  informal_cap = 27.00 eur/hour"}),
         field("budget", "11232.00 eur/year", "6656.00 eur/year", "4576.00 eur/year",
               Verdict::deviation)}));
    r.decisions.push_back(
        decision(4, "D-3", "C-3",
                 {field("budget", "6656.50 eur/year", "6656.00 eur/year", "0.50 eur/year",
                        Verdict::within_tolerance, {"budget = 6656.00 eur/year"})}));
    r.decisions.push_back(decision(5, "D-4", "C-4", {}));
    r.decisions.push_back(
        decision(6, "D-5", "C-5", {field("status", "granted", "refused", "", Verdict::deviation)}));
    r.decisions.push_back(decision(7, "D-6", "C-6", {}));
    r.decisions[0].decided_budget = amount("6656.00", "eur/year");
    r.decisions[0].engine_budget = amount("6656.00", "eur/year");
    r.decisions[1].decided_budget = amount("11232.00", "eur/year");
    r.decisions[1].engine_budget = amount("6656.00", "eur/year");
    r.decisions[3].decided_budget = amount("100", "eur/month");
    r.decisions[4].engine_budget = amount("0.00", "eur/year");
    r.equal_case_audit = true;

    EqualCaseGroup rate_asked;
    rate_asked.members = {0, 1};
    rate_asked.key = {{"hours_per_week", "8 hours/week"}, {"no_need", "false"}};
    rate_asked.budgets_differ = true;
    rate_asked.drivers = {{"request.rate", {"16.00 eur/hour", "27.00 eur/hour"}},
                          {"request.provider", {"informal", ""}}};
    rate_asked.spread = amount("4576.00", "eur/year");
    EqualCaseGroup agreeing;
    agreeing.members = {2, 5};
    agreeing.key = {{"hours_per_week", "4 hours/week"}};
    EqualCaseGroup proposals_differ;
    proposals_differ.members = {3, 4};
    proposals_differ.key = {{"x", "1"}};
    proposals_differ.budgets_differ = true;
    r.groups = {rate_asked, agreeing, proposals_differ};
    return r;
}

/// The text `json` with the member at `path` (object keys, array indices) replaced or removed.
std::string edited(std::string const& json, std::vector<nlohmann::json> const& path,
                   std::optional<nlohmann::json> value) {
    auto doc = nlohmann::json::parse(json);
    nlohmann::json* at = &doc;
    for (std::size_t i = 0; i + 1 < path.size(); ++i)
        at = path[i].is_string() ? &(*at)[path[i].get<std::string>()]
                                 : &(*at)[path[i].get<std::size_t>()];
    auto const& last = path.back();
    if (!value)
        at->erase(last.get<std::string>());
    else if (last.is_string())
        (*at)[last.get<std::string>()] = *value;
    else
        (*at)[last.get<std::size_t>()] = *value;
    return doc.dump(2);
}

std::string problem(std::string const& json) {
    auto read = read_report_json(json);
    REQUIRE_FALSE(read);
    REQUIRE(read.diagnostics().items().size() == 1);
    auto const& d = read.diagnostics().items().front();
    CHECK(d.id == "S0114");
    return d.message;
}

} // namespace

TEST_CASE("A review report read back from its JSON renders as the report did", "[review]") {
    Report const original = sample_report();
    std::string const json = write_report_json(original);
    auto read = read_report_json(json);
    REQUIRE(read);
    Report const& back = read.value();
    CHECK(write_report_json(back) == json);
    CHECK(write_report_text(back) == write_report_text(original));
    CHECK(write_report_csv(back) == write_report_csv(original));
    CHECK(write_report_html(back) == write_report_html(original));
    // Counted as it was: three groups, two of them findings.
    CHECK(back.groups.size() == 3);
    CHECK(back.unequal_group_count() == 2);
    CHECK(back.deviation_count() == 2);
}

TEST_CASE("A review report without the equal-case audit reads back without groups", "[review]") {
    Report original = sample_report();
    original.equal_case_audit = false;
    original.groups.clear();
    std::string const json = write_report_json(original);
    auto read = read_report_json(json);
    REQUIRE(read);
    CHECK_FALSE(read.value().equal_case_audit);
    CHECK(write_report_json(read.value()) == json);
    CHECK(write_report_text(read.value()) == write_report_text(original));
}

TEST_CASE("A review report that does not hold together is refused with the field named",
          "[review]") {
    std::string const json = write_report_json(sample_report());
    CHECK(problem("{\"schema\": ") == "the review report is not JSON");
    CHECK(problem(edited(json, {"schema"}, "billijk.review/2")) ==
          R"(the review report cannot be read: schema: expected "billijk.review/1")");
    CHECK(problem(edited(json, {"decisions", 1, "fields", 0, "verdict"}, "bad")) ==
          "the review report cannot be read: decisions[1].fields[0].verdict: expected "
          R"("equal", "within_tolerance" or "deviation", found "bad")");
    CHECK(problem(edited(json, {"decisions", 2, "case_id"}, std::nullopt)) ==
          "the review report cannot be read: decisions[2].case_id: missing");
    CHECK(problem(edited(json, {"decisions", 0, "line"}, "1")) ==
          "the review report cannot be read: decisions[0].line: expected a whole number");
    CHECK(problem(edited(json, {"decisions", 1, "finding"}, false)) ==
          "the review report cannot be read: decisions[1].finding: does not agree with the "
          "fields' verdicts");
    CHECK(problem(edited(json, {"decisions", 4, "fields", 0, "verdict"}, "equal")) ==
          "the review report cannot be read: decisions[4].finding: does not agree with the "
          "fields' verdicts");
    CHECK(problem(edited(json, {"summary", "with_deviations"}, 0)) ==
          "the review report cannot be read: summary.with_deviations: is not the number of "
          "decisions that deviate");
    CHECK(problem(edited(json, {"summary", "equal_case_groups"}, 1)) ==
          "the review report cannot be read: summary.equal_case_groups: is less than the number "
          "of unequal groups");
    CHECK(problem(edited(json, {"equal_cases", 0, "members", 1, "line"}, 3)) ==
          "the review report cannot be read: equal_cases[0].members[1].line: no decision on that "
          "line");
    CHECK(problem(edited(json, {"equal_cases", 0, "members", 1, "decision_id"}, "D-9")) ==
          "the review report cannot be read: equal_cases[0].members[1].decision_id: is not that "
          "of the decision on that line (D-2)");
    CHECK(problem(edited(json, {"equal_cases", 0, "spread", "unit"}, "euro")) ==
          "the review report cannot be read: equal_cases[0].spread.unit: expected a unit");
    CHECK(problem(edited(json, {"decisions", 3, "line"}, 1)) ==
          "the review report cannot be read: decisions[3].line: a second decision on this line");
    // What the renderings index by: found by fuzzing (tests/fuzz/review_report_fuzzer.cpp).
    CHECK(problem(edited(json, {"equal_cases", 0, "drivers", 0, "values"},
                         nlohmann::json::array({"16.00 eur/hour"}))) ==
          "the review report cannot be read: equal_cases[0].drivers[0].values: expected one "
          "value per member (2), found 1");
    CHECK(problem(edited(edited(json, {"equal_cases", 1, "members", 0, "line"}, 1),
                         {"equal_cases", 1, "members", 0, "decision_id"}, "D-1")) ==
          "the review report cannot be read: equal_cases[1].members[0].line: the decision on "
          "that line is already in a group");
    CHECK(problem(edited(json, {"equal_cases", 1, "members"}, nlohmann::json::array())) ==
          "the review report cannot be read: equal_cases[1].members: an unequal group has two "
          "members or more");
    CHECK(problem(edited(json, {"summary", "equal_case_groups"}, 4)) ==
          "the review report cannot be read: summary.equal_case_groups: is more groups than the "
          "decisions can form (two or more decisions each)");
}

TEST_CASE("The CSV report in a Dutch spreadsheet's dialect has the same cells, amounts with a "
          "decimal comma",
          "[review]") {
    Report const report = sample_report();
    auto const commas = split_csv(write_report_csv(report), ',');
    auto const semicolons = split_csv(write_report_csv(report, ';'), ';');
    REQUIRE(commas.records.size() == semicolons.records.size());
    REQUIRE(commas.records.size() > 3);
    std::size_t converted = 0;
    for (std::size_t r = 0; r < commas.records.size(); ++r) {
        auto const& plain = commas.records[r].fields;
        auto const& dutch = semicolons.records[r].fields;
        REQUIRE(plain.size() == dutch.size());
        for (std::size_t c = 0; c < plain.size(); ++c) {
            // The amounts (proposed, engine, difference) of a quantity, rate or budget.
            bool const amount =
                r > 0 && c >= 7 && c <= 9 &&
                (plain[6] == "quantity" || plain[6] == "rate" || plain[6] == "budget");
            if (!amount) {
                CHECK(dutch[c] == plain[c]);
                continue;
            }
            std::string expected = plain[c];
            auto const number_end = expected.find(' ');
            std::replace(expected.begin(),
                         number_end == std::string::npos ? expected.end()
                                                         : expected.begin() + number_end,
                         '.', ',');
            CHECK(dutch[c] == expected);
            converted += dutch[c] != plain[c] ? 1 : 0;
        }
    }
    // The explanation text keeps the rule language's point: "0.01" in a formula is one argument.
    CHECK(converted >= 8);
    CHECK(write_report_csv(report, ';').find("6656,00 eur/year") != std::string::npos);
    CHECK(write_report_csv(report, ';').find("hourly_rate = 16.00 eur/hour") != std::string::npos);
}
