// Reading the published table CSV (engine/src/tables/published_table.hpp).
#include "tables/published_table.hpp"

#include <catch2/catch.hpp>

using namespace billijk::tables;

TEST_CASE("comments and blank lines are skipped, line numbers stay those of the file") {
    auto read = read_published_table("# source: gmb-2021-482859\n"
                                     "\n"
                                     "label,request.provider,published\n"
                                     "# a comment between rows\n"
                                     "\"zzp 90%, per jaar\", zzp ,\"28.814,18\"\n");
    REQUIRE(read.errors.empty());
    REQUIRE(read.table);
    CHECK(read.table->header_line == 3);
    CHECK(read.table->header == std::vector<std::string>{"label", "request.provider", "published"});
    REQUIRE(read.table->rows.size() == 1);
    CHECK(read.table->rows[0].line == 5);
    CHECK(read.table->rows[0].cells ==
          std::vector<std::string>{"zzp 90%, per jaar", "zzp", "28.814,18"}); // cells trimmed
}

TEST_CASE("a row with another number of fields names its line") {
    auto read = read_published_table("label,published\n"
                                     "a,1\n"
                                     "b,28.814,18\n");
    REQUIRE(read.errors.size() == 1);
    CHECK(to_text("t.csv", read.errors[0]) ==
          "t.csv:3: error: 3 fields, but the header has 2 columns");
    CHECK_FALSE(read.table);
}

TEST_CASE("an unterminated quote names the line where its record starts") {
    auto read = read_published_table("label,published\n"
                                     "a,1\n"
                                     "\"b,2\n"
                                     "c,3\n");
    REQUIRE(read.errors.size() == 1);
    CHECK(to_text("t.csv", read.errors[0]) == "t.csv:3: error: unterminated quote");
}

TEST_CASE("header problems name the column") {
    auto read = read_published_table("label,published,,published\nx,1,2,3\n");
    REQUIRE(read.errors.size() == 2);
    CHECK(to_text("t.csv", read.errors[0]) == "t.csv:1: error: column 3: empty column name");
    CHECK(to_text("t.csv", read.errors[1]) ==
          "t.csv:1: error: column 4 (published): duplicate column name");
}

TEST_CASE("an empty table and a table without rows") {
    auto empty = read_published_table("# only a comment\n\n");
    REQUIRE(empty.errors.size() == 1);
    CHECK(to_text("t.csv", empty.errors[0]) == "t.csv: error: empty table: no header row");
    auto header_only = read_published_table("label,published\n");
    REQUIRE(header_only.errors.size() == 1);
    CHECK(to_text("t.csv", header_only.errors[0]) ==
          "t.csv:1: error: the table has a header but no rows");
}

TEST_CASE("a byte-order mark and CRLF line ends, as spreadsheets export") {
    auto read = read_published_table("\xEF\xBB\xBFlabel,published\r\na,\"1,5\"\r\n");
    REQUIRE(read.table);
    CHECK(read.table->header.front() == "label");
    CHECK(read.table->rows[0].cells == std::vector<std::string>{"a", "1,5"});
}

TEST_CASE("a table saved by a spreadsheet in a Dutch locale: semicolons between fields") {
    auto read = read_published_table("# bw 2022\nlabel;published\r\neigen netwerk;1.234,50\r\n");
    REQUIRE(read.table);
    CHECK(read.table->header == std::vector<std::string>{"label", "published"});
    CHECK(read.table->rows[0].cells == std::vector<std::string>{"eigen netwerk", "1.234,50"});
}
