#include "review/csv.hpp"
#include "review/decision_csv.hpp"
#include "review/decision_jsonl.hpp"

#include <catch2/catch.hpp>

using namespace billijk::review;

TEST_CASE("csv fields may be quoted, with commas, doubled quotes and line breaks") {
    auto p = split_csv("a,b\n\"x,1\",\"say \"\"hi\"\"\"\n\n\"two\nlines\",z\n");
    REQUIRE(p.records.size() == 3);
    CHECK(p.records[1].fields == std::vector<std::string>{"x,1", "say \"hi\""});
    CHECK(p.records[2].line == 4);
    CHECK(p.records[2].fields[0] == "two\nlines");
    CHECK(!p.unterminated_quote_line);
    CHECK(split_csv("a,\"b\n").unterminated_quote_line == std::size_t{1});
}

TEST_CASE("every malformed JSONL line is reported with its line and field") {
    std::string const text = "not json\n"
                             "\n"
                             "{\"schema\":\"billijk.decision/1\",\"decision_id\":\"D\","
                             "\"proposal\":{\"provision\":\"p\",\"status\":\"yes\"},\"x\":1}\n";
    auto file = read_decisions_jsonl(text, "d.jsonl");
    CHECK(file.decisions.empty());
    REQUIRE(file.errors.size() == 4);
    CHECK(file.errors[0].line == 1);
    CHECK(file.errors[1].line == 3);
    CHECK(file.errors[1].field == "x");
    CHECK(file.errors[2].field == "proposal.status");
    CHECK(file.errors[3].field == "case");
}

TEST_CASE("a decisions CSV saved with a byte order mark reads as the same file without it") {
    std::string const text = "decision_id,case_file,provision,form,status\n"
                             "K-01,no-such-case.json,begeleiding_individueel,pgb,granted\n";
    auto const plain = read_decisions_csv(text, "decisions.csv");
    auto const marked = read_decisions_csv("\xEF\xBB\xBF" + text, "decisions.csv");
    REQUIRE(plain.errors.size() == marked.errors.size());
    for (std::size_t i = 0; i < plain.errors.size(); ++i) {
        INFO(marked.errors[i].field << ": " << marked.errors[i].message);
        CHECK(marked.errors[i].line == 2); // the header, line 1, is read without complaint
        CHECK(marked.errors[i].line == plain.errors[i].line);
        CHECK(marked.errors[i].field == plain.errors[i].field);
        CHECK(marked.errors[i].message == plain.errors[i].message);
    }
    CHECK_FALSE(marked.errors.empty()); // the case file does not exist
}

TEST_CASE("a decisions CSV with semicolons and decimal commas reads as the one with commas") {
    std::string const commas = "decision_id,case_file,provision,form,status,rate,rate_unit\n"
                               "K-01,no-such-case.json,begeleiding_individueel,pgb,granted,"
                               "16.00,eur/hour\n";
    std::string const semicolons = "decision_id;case_file;provision;form;status;rate;rate_unit\n"
                                   "K-01;no-such-case.json;begeleiding_individueel;pgb;granted;"
                                   "16,00;eur/hour\n";
    auto const plain = read_decisions_csv(commas, "decisions.csv");
    auto const dutch = read_decisions_csv(semicolons, "decisions.csv");
    REQUIRE(dutch.errors.size() == plain.errors.size());
    for (std::size_t i = 0; i < plain.errors.size(); ++i) {
        INFO(dutch.errors[i].field << ": " << dutch.errors[i].message);
        CHECK(dutch.errors[i].field == "case_file"); // only the missing case, not the header
        CHECK(dutch.errors[i].message == plain.errors[i].message);
    }
    CHECK_FALSE(dutch.errors.empty());
    // The dialect is kept for the report (review --format csv).
    CHECK(plain.separator == ',');
    CHECK(dutch.separator == ';');

    // A point in a semicolon file could be a Dutch thousands separator: refused, column named.
    std::string dotted = semicolons;
    dotted.replace(dotted.find("16,00"), 5, "16.00");
    auto const refused = read_decisions_csv(dotted, "decisions.csv");
    REQUIRE_FALSE(refused.errors.empty());
    CHECK(refused.errors[0].line == 2);
    CHECK(refused.errors[0].field == "rate");
    CHECK(refused.errors[0].message.find("a point is ambiguous") != std::string::npos);
}

TEST_CASE("a decisions CSV date re-written day-month-year by a spreadsheet is named as such") {
    auto const read = read_decisions_csv(
        "decision_id,case_file,provision,status,period_start,period_end\n"
        "K-01,no-such-case.json,begeleiding_individueel,granted,1-7-2017,2018-06-30\n",
        "decisions.csv");
    REQUIRE_FALSE(read.errors.empty());
    CHECK(read.errors[0].line == 2);
    CHECK(read.errors[0].field == "period_start");
    CHECK(read.errors[0].message.starts_with("a date written day-month-year"));
}
