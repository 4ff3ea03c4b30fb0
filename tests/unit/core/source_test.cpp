#include "billijk/diagnostic.hpp"
#include "billijk/source.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <string>

using billijk::Diagnostics;
using billijk::LineCol;
using billijk::LineTable;
using billijk::Severity;
using billijk::SourceSet;
using billijk::Span;

namespace {

std::string at(LineTable const& table, std::uint32_t offset) {
    LineCol const lc = table.at(offset);
    return std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

} // namespace

TEST_CASE("source: line table maps offsets to line:column") {
    std::string const text = "ab\ncd\r\nef";
    LineTable const table(text);
    CHECK(table.line_count() == 3);
    CHECK(at(table, 0) == "1:1");
    CHECK(at(table, 1) == "1:2");
    CHECK(at(table, 2) == "1:3"); // the '\n' itself
    CHECK(at(table, 3) == "2:1");
    CHECK(at(table, 5) == "2:3"); // the '\r'
    CHECK(at(table, 6) == "2:4"); // the '\n'
    CHECK(at(table, 7) == "3:1");
    CHECK(at(table, 8) == "3:2");
    CHECK(at(table, 9) == "3:3");  // end of text
    CHECK(at(table, 10) == "3:3"); // clamped
    CHECK(at(table, 0xFFFFFFFFU) == "3:3");
}

TEST_CASE("source: line text strips the line break") {
    std::string const text = "ab\ncd\r\nef";
    LineTable const table(text);
    CHECK(table.line_text(text, 1) == "ab");
    CHECK(table.line_text(text, 2) == "cd");
    CHECK(table.line_text(text, 3) == "ef");
    CHECK(table.line_text(text, 0).empty());
    CHECK(table.line_text(text, 4).empty());

    std::string const cr = "a\rb\n\r\n";
    LineTable const cr_table(cr);
    CHECK(cr_table.line_text(cr, 1) == "a\rb"); // a lone '\r' is not a line break
    CHECK(cr_table.line_text(cr, 2).empty());
    CHECK(cr_table.line_text(cr, 3).empty());
}

TEST_CASE("source: empty text and a final line break") {
    std::string const empty;
    LineTable const empty_table(empty);
    CHECK(empty_table.line_count() == 1);
    CHECK(at(empty_table, 0) == "1:1");
    CHECK(at(empty_table, 5) == "1:1");
    CHECK(empty_table.line_text(empty, 1).empty());

    std::string const text = "a\n";
    LineTable const table(text);
    CHECK(table.line_count() == 2);
    CHECK(at(table, 1) == "1:2");
    CHECK(at(table, 2) == "2:1");
    CHECK(at(table, 3) == "2:1");
    CHECK(table.line_text(text, 1) == "a");
    CHECK(table.line_text(text, 2).empty());

    std::string const blank = "\n\n\n";
    LineTable const blank_table(blank);
    CHECK(blank_table.line_count() == 4);
    CHECK(at(blank_table, 0) == "1:1");
    CHECK(at(blank_table, 1) == "2:1");
    CHECK(at(blank_table, 2) == "3:1");
    CHECK(at(blank_table, 3) == "4:1");
}

TEST_CASE("source: many lines use the binary search") {
    std::string text;
    for (int i = 0; i < 1000; ++i) {
        text += "line " + std::to_string(i + 1) + "\n";
    }
    LineTable const table(text);
    CHECK(table.line_count() == 1001);
    std::uint32_t offset = 0;
    for (std::uint32_t line = 1; line <= 1000; ++line) {
        std::string const expected = "line " + std::to_string(line);
        REQUIRE(table.line_text(text, line) == expected);
        REQUIRE(at(table, offset) == std::to_string(line) + ":1");
        REQUIRE(at(table, offset + 4) == std::to_string(line) + ":5");
        offset += static_cast<std::uint32_t>(expected.size() + 1);
    }
}

TEST_CASE("source: a source set hands out ids and positions") {
    SourceSet sources;
    CHECK(sources.size() == 0);
    auto const a = sources.add("rules/a.rules", "package a\n");
    auto const b = sources.add("rules/b.rules", "package b\nrule x: eur\n");
    CHECK(a == 0);
    CHECK(b == 1);
    CHECK(sources.size() == 2);
    CHECK(sources.file(a).path == "rules/a.rules");
    CHECK(sources.file(b).text == "package b\nrule x: eur\n");
    CHECK(sources.file(b).lines.line_text(sources.file(b).text, 2) == "rule x: eur");
    LineCol const lc = sources.line_col(Span{b, 15, 16});
    CHECK(lc.line == 2);
    CHECK(lc.column == 6);
    // Files stay valid when more are added.
    for (int i = 0; i < 100; ++i) {
        sources.add("f" + std::to_string(i), std::string(static_cast<std::size_t>(i), '\n'));
    }
    CHECK(sources.file(a).lines.line_text(sources.file(a).text, 1) == "package a");
    CHECK(sources.line_col(Span{101, 50, 50}).line == 51);
}

TEST_CASE("diagnostics: collection") {
    Diagnostics diags;
    CHECK(diags.empty());
    CHECK_FALSE(diags.has_errors());
    auto& w = diags.warning("W0301", Span{0, 1, 2}, "unused parameter 'x'");
    CHECK(w.severity == Severity::warning);
    CHECK_FALSE(diags.has_errors());
    auto& e = diags.error("E0203", std::nullopt, "unknown name 'y'");
    e.notes.push_back({Span{0, 3, 4}, "declared here"});
    CHECK(diags.has_errors());
    REQUIRE(diags.items().size() == 2);
    CHECK(diags.items()[1].id == "E0203");
    CHECK(diags.items()[1].notes.size() == 1);
    CHECK_FALSE(diags.items()[1].span.has_value());
    CHECK(diags.items()[0].span == Span{0, 1, 2});

    Diagnostics more;
    more.add(billijk::Diagnostic{"E0101", Severity::error, std::nullopt, "x", {}});
    diags.append(more);
    CHECK(diags.items().size() == 3);
    CHECK(diags.items()[2].id == "E0101");
    diags.append(diags);
    CHECK(diags.items().size() == 6);
    CHECK(diags.items()[5].id == "E0101");

    Diagnostics only_warnings;
    only_warnings.warning("W0001", std::nullopt, "w");
    CHECK_FALSE(only_warnings.has_errors());
}

TEST_CASE("read_text_file reads bytes as they are and reports an unreadable path", "[source]") {
    auto const path = std::filesystem::temp_directory_path() / "billijk_read_text_file_test.txt";
    {
        std::ofstream out(path, std::ios::binary);
        out << "regel 1\r\nregel 2";
    }
    auto text = billijk::read_text_file(path);
    REQUIRE(text);
    CHECK(*text == "regel 1\r\nregel 2");
    std::filesystem::remove(path);
    CHECK_FALSE(billijk::read_text_file(path));
}
