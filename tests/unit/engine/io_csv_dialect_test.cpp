#include "io/csv_dialect.hpp"

#include <catch2/catch.hpp>

using billijk::io::ambiguous_decimal;
using billijk::io::csv_file_separator;
using billijk::io::csv_separator;
using billijk::io::decimal_text;

TEST_CASE("io: the header line tells commas from semicolons", "[io][csv]") {
    CHECK(csv_separator("case_id,municipality,rate") == ',');
    CHECK(csv_separator("case_id;municipality;rate") == ';');
    CHECK(csv_separator("case_id") == ',');               // one column: either reads the same
    CHECK(csv_separator("\"a;b\",c") == ',');             // a semicolon inside quotes
    CHECK(csv_separator("\"a,b\";c") == ';');             // a comma inside quotes
    CHECK(csv_separator("\"say \"\"x,y\"\"\";c") == ';'); // doubled quotes stay inside
    CHECK(csv_separator("a;b,c") == ',');                 // as many: commas
    CHECK(csv_separator("label;tarief per etmaal, 2022;x") == ';');       // more semicolons
    CHECK(csv_file_separator("\n  \r\nlabel;published\r\na;1\n") == ';'); // first non-blank line
    CHECK(csv_file_separator("") == ',');
}

TEST_CASE("io: a semicolon file's decimals have a decimal comma, never a point", "[io][csv]") {
    CHECK(decimal_text("16,00", ';') == "16.00");
    CHECK(decimal_text("-0,5", ';') == "-0.5");
    CHECK(decimal_text("17", ';') == "17");
    CHECK(decimal_text("1,234,56", ';') == "1,234,56"); // not one decimal comma: left as written
    CHECK(decimal_text("16,00", ',') == "16,00");       // a comma file is read as it is
    CHECK(decimal_text("16.00", ',') == "16.00");
    CHECK_FALSE(ambiguous_decimal("16,00", ';'));
    CHECK_FALSE(ambiguous_decimal("16.00", ','));
    auto const why = ambiguous_decimal("1.234", ';');
    REQUIRE(why);
    CHECK(why->starts_with("'1.234': in a file with semicolons between fields a decimal is "
                           "written with a comma"));
}

TEST_CASE("io: a date a spreadsheet re-wrote as day-month-year is named, not turned round",
          "[io][csv]") {
    using billijk::io::rewritten_date;
    for (char const* rewritten : {"1-6-2017", "01-06-2017", "14/3/2010", "28.10.2008"}) {
        INFO(rewritten);
        auto const why = rewritten_date(rewritten);
        REQUIRE(why);
        CHECK(why->starts_with("a date written day-month-year"));
    }
    for (char const* other :
         {"2017-06-01", "1-6-17", "1-6/2017", "123-6-2017", "1-6-20170", "", "informal", "16,00"}) {
        INFO(other);
        CHECK_FALSE(rewritten_date(other));
    }
}

TEST_CASE("io: a text that begins like a formula is inert in a spreadsheet", "[io][csv]") {
    using billijk::io::inert_in_spreadsheet;
    CHECK(inert_in_spreadsheet("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")");
    CHECK(inert_in_spreadsheet("+31") == "'+31");
    CHECK(inert_in_spreadsheet("-1+1") == "'-1+1");
    CHECK(inert_in_spreadsheet("@SUM(A1)") == "'@SUM(A1)");
    CHECK(inert_in_spreadsheet("\t=1") == "'\t=1");
    CHECK(inert_in_spreadsheet("BAR-2017-0001") == "BAR-2017-0001");
    CHECK(inert_in_spreadsheet("K=1") == "K=1");
    CHECK(inert_in_spreadsheet("") == "");
}

TEST_CASE("io: a CSV field is quoted when it holds the separator, a quote or a line break",
          "[io][csv]") {
    using billijk::io::csv_field;
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field("a;b") == "a;b");
    CHECK(csv_field("a;b", ';') == "\"a;b\"");
    CHECK(csv_field("16,00", ';') == "16,00");
}
