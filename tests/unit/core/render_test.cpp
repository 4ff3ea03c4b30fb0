// The one suite that asserts the exact prose of rendered diagnostics.
#include "diag/render.hpp"

#include <catch2/catch.hpp>

#include <string>

using billijk::Diagnostic;
using billijk::Diagnostics;
using billijk::render;
using billijk::render_all;
using billijk::Severity;
using billijk::SourceSet;
using billijk::Span;

namespace {

/// The span of the first occurrence of `needle` in file `id`.
Span find(SourceSet const& sources, billijk::FileId id, std::string const& needle) {
    auto const pos = sources.file(id).text.find(needle);
    REQUIRE(pos != std::string::npos);
    return Span{id, static_cast<std::uint32_t>(pos),
                static_cast<std::uint32_t>(pos + needle.size())};
}

std::string twelve_lines() {
    std::string text = "package x \"X\"\n\nrule hourly_rate: eur/hour\n";
    for (int i = 4; i < 12; ++i) {
        text += "# line " + std::to_string(i) + "\n";
    }
    text += "  = min(hourly_rat, 3)\n";
    return text;
}

} // namespace

TEST_CASE("render: error with source line, underline and a note") {
    SourceSet sources;
    auto const id = sources.add("rules/x.rules", twelve_lines());
    Diagnostics diags;
    auto& d = diags.error("E0203", find(sources, id, "hourly_rat,"), "unknown name 'hourly_rat'");
    d.span->end -= 1; // just the name
    d.notes.push_back({find(sources, id, "rule hourly_rate"), "declared here"});
    CHECK(render(d, sources) == "rules/x.rules:12:9: error[E0203]: unknown name 'hourly_rat'\n"
                                "   12 |   = min(hourly_rat, 3)\n"
                                "      |         ^~~~~~~~~~\n"
                                "rules/x.rules:3:1: note: declared here\n");
}

TEST_CASE("render: warning on the first line with a one-byte span") {
    SourceSet sources;
    auto const id = sources.add("a.rules", "parameter x: count = 1\n");
    Diagnostic d{
        "W0301", Severity::warning, find(sources, id, "x"), "parameter 'x' is never used", {}};
    CHECK(render(d, sources) == "a.rules:1:11: warning[W0301]: parameter 'x' is never used\n"
                                "    1 | parameter x: count = 1\n"
                                "      |           ^\n");
}

TEST_CASE("render: empty spans, spans at and past the end of the line") {
    SourceSet sources;
    auto const id = sources.add("b.rules", "rule r: eur\n  = 1 +\nrule s: eur = 2");
    Diagnostic empty{"E0101", Severity::error, Span{id, 5, 5}, "expected a name", {}};
    CHECK(render(empty, sources) == "b.rules:1:6: error[E0101]: expected a name\n"
                                    "    1 | rule r: eur\n"
                                    "      |      ^\n");
    // From "+" across the line break into the next line: cut at the end of line 2.
    auto const plus = find(sources, id, "+").begin;
    Diagnostic multi{"E0102", Severity::error, Span{id, plus - 2, plus + 8}, "bad sum", {}};
    CHECK(render(multi, sources) == "b.rules:2:5: error[E0102]: bad sum\n"
                                    "    2 |   = 1 +\n"
                                    "      |     ^~~\n");
    // The line break itself: the caret goes just after the text.
    Diagnostic eol{
        "E0103", Severity::error, Span{id, plus + 1, plus + 2}, "expected an operand", {}};
    CHECK(render(eol, sources) == "b.rules:2:8: error[E0103]: expected an operand\n"
                                  "    2 |   = 1 +\n"
                                  "      |        ^\n");
    // End of a file without a final line break, and beyond it (clamped).
    auto const size = static_cast<std::uint32_t>(sources.file(id).text.size());
    std::string const at_end = "b.rules:3:16: error[E0104]: unexpected end of file\n"
                               "    3 | rule s: eur = 2\n"
                               "      |                ^\n";
    CHECK(render(
              Diagnostic{
                  "E0104", Severity::error, Span{id, size, size}, "unexpected end of file", {}},
              sources) == at_end);
    CHECK(render(Diagnostic{"E0104",
                            Severity::error,
                            Span{id, size + 7, size + 9},
                            "unexpected end of file",
                            {}},
                 sources) == at_end);
    // A reversed span is treated as empty.
    CHECK(render(Diagnostic{"E0105", Severity::error, Span{id, 3, 1}, "odd", {}}, sources) ==
          "b.rules:1:4: error[E0105]: odd\n"
          "    1 | rule r: eur\n"
          "      |    ^\n");
}

TEST_CASE("render: an empty last line and CRLF line breaks") {
    SourceSet sources;
    auto const id = sources.add("c.rules", "rule r: eur\r\n  = 1\r\n");
    auto const size = static_cast<std::uint32_t>(sources.file(id).text.size());
    CHECK(render(Diagnostic{"E0101", Severity::error, Span{id, size, size}, "expected a rule", {}},
                 sources) == "c.rules:3:1: error[E0101]: expected a rule\n"
                             "    3 |\n"
                             "      | ^\n");
    Diagnostic one{"E0102", Severity::error, find(sources, id, "1\r\n"), "one", {}};
    CHECK(render(one, sources) == "c.rules:2:5: error[E0102]: one\n"
                                  "    2 |   = 1\n"
                                  "      |     ^\n");
}

TEST_CASE("render: tabs are copied so the caret stays aligned") {
    SourceSet sources;
    auto const id = sources.add("t.rules", "\trule\tx: eur\n");
    Diagnostic d{"E0201", Severity::error, find(sources, id, "x"), "duplicate rule 'x'", {}};
    CHECK(render(d, sources) == "t.rules:1:7: error[E0201]: duplicate rule 'x'\n"
                                "    1 | \trule\tx: eur\n"
                                "      | \t    \t^\n");
    Diagnostic wide{"E0202", Severity::error, find(sources, id, "rule\tx"), "tab inside", {}};
    CHECK(render(wide, sources) == "t.rules:1:2: error[E0202]: tab inside\n"
                                   "    1 | \trule\tx: eur\n"
                                   "      | \t^~~~\t~\n");
}

TEST_CASE("render: non-ASCII text takes one caret column per code point") {
    SourceSet sources;
    auto const id = sources.add("u.rules", "  cites \"\xC2\xA7 2.12\" = \xE2\x82\xAC"
                                           "5 bad\n");
    Diagnostic d{"E0301", Severity::error, find(sources, id, "bad"), "unexpected 'bad'", {}};
    // Byte column 26, but 22 code points precede it.
    CHECK(render(d, sources) == "u.rules:1:26: error[E0301]: unexpected 'bad'\n"
                                "    1 |   cites \"\xC2\xA7 2.12\" = \xE2\x82\xAC"
                                "5 bad\n"
                                "      |                       ^~~\n");
    Diagnostic euro{"E0302",
                    Severity::error,
                    find(sources, id,
                         "\xE2\x82\xAC"
                         "5"),
                    "euro sign",
                    {}};
    CHECK(render(euro, sources) == "u.rules:1:21: error[E0302]: euro sign\n"
                                   "    1 |   cites \"\xC2\xA7 2.12\" = \xE2\x82\xAC"
                                   "5 bad\n"
                                   "      |                    ^~\n");
}

TEST_CASE("render: a byte that is not UTF-8 is shown as U+FFFD, one caret column") {
    SourceSet sources;
    // Windows-1252: the section sign is the single byte 0xA7 (a UTF-8 continuation byte alone).
    auto const id = sources.add("w.rules", "  cites \"\xA7 2\" \xE9\xE9 bad\n");
    Diagnostic d{"E0114", Severity::error, find(sources, id, "\xA7"), "not UTF-8", {}};
    CHECK(render(d, sources) == "w.rules:1:10: error[E0114]: not UTF-8\n"
                                "    1 |   cites \"\xEF\xBF\xBD 2\" \xEF\xBF\xBD\xEF\xBF\xBD bad\n"
                                "      |          ^\n");
    Diagnostic after{"E0301", Severity::error, find(sources, id, "bad"), "unexpected 'bad'", {}};
    CHECK(render(after, sources) ==
          "w.rules:1:18: error[E0301]: unexpected 'bad'\n"
          "    1 |   cites \"\xEF\xBF\xBD 2\" \xEF\xBF\xBD\xEF\xBF\xBD bad\n"
          "      |                  ^~~\n");
}

TEST_CASE("render: diagnostics and notes without a span") {
    SourceSet sources;
    Diagnostic d{"E0001", Severity::error, std::nullopt, "rules/x.rules: cannot read the file", {}};
    d.notes.push_back({std::nullopt, "the rules root is 'rules'"});
    CHECK(render(d, sources) == "error[E0001]: rules/x.rules: cannot read the file\n"
                                "note: the rules root is 'rules'\n");
    Diagnostic w{"W0002", Severity::warning, std::nullopt, "no plugins found", {}};
    CHECK(render(w, sources) == "warning[W0002]: no plugins found\n");
    Diagnostic no_id{"", Severity::error, std::nullopt, "something failed", {}};
    CHECK(render(no_id, sources) == "error: something failed\n");
    Diagnostic note{"", Severity::note, std::nullopt, "for information", {}};
    CHECK(render(note, sources) == "note: for information\n");
    // A span into a file this set does not have is rendered without a position.
    Diagnostic stray{"E0002", Severity::error, Span{7, 0, 1}, "stray span", {}};
    CHECK(render(stray, sources) == "error[E0002]: stray span\n");
}

TEST_CASE("render: notes in several files") {
    SourceSet sources;
    auto const a = sources.add("rules/a.rules", "rule r: eur = 1\n");
    auto const b = sources.add("rules/b.rules", "\nrule r: eur = 2\n");
    Diagnostic d{
        "E0204", Severity::error, find(sources, b, "r:"), "rule 'r' is declared twice", {}};
    d.span->end -= 1;
    d.notes.push_back({find(sources, a, "r:"), "first declared here"});
    d.notes.push_back({std::nullopt, "use 'override rule' in a higher layer"});
    CHECK(render(d, sources) == "rules/b.rules:2:6: error[E0204]: rule 'r' is declared twice\n"
                                "    2 | rule r: eur = 2\n"
                                "      |      ^\n"
                                "rules/a.rules:1:6: note: first declared here\n"
                                "note: use 'override rule' in a higher layer\n");
}

TEST_CASE("render: wide line numbers") {
    SourceSet sources;
    std::string text(123456, '\n');
    text += "rule r: bad\n";
    auto const id = sources.add("big.rules", text);
    Diagnostic d{"E0301", Severity::error, find(sources, id, "bad"), "unknown type 'bad'", {}};
    CHECK(render(d, sources) == "big.rules:123457:9: error[E0301]: unknown type 'bad'\n"
                                "123457 | rule r: bad\n"
                                "       |         ^~~\n");
}

TEST_CASE("render: render_all renders each diagnostic in order") {
    SourceSet sources;
    auto const id = sources.add("d.rules", "rule a: eur = x\n");
    Diagnostics diags;
    diags.error("E0203", find(sources, id, "x"), "unknown name 'x'");
    diags.warning("W0101", std::nullopt, "label_en is missing");
    CHECK(render_all(diags, sources) == "d.rules:1:15: error[E0203]: unknown name 'x'\n"
                                        "    1 | rule a: eur = x\n"
                                        "      |               ^\n"
                                        "warning[W0101]: label_en is missing\n");
    CHECK(render_all(Diagnostics{}, sources).empty());
}
