// Every syntax diagnostic (E01xx, docs/diagnostics/syntax.md): id, position, message, and the
// recovery that reports several errors in one file.
#include "syntax_test_support.hpp"

using namespace billijk;
using namespace billijk::syntax;
using namespace billijk::syntax::testing;

namespace {

std::string const header = "package test.p \"Test\"\n";

struct expectation {
    char const* id;
    std::uint32_t line;
    std::uint32_t column;
    char const* span_text;
    char const* message;
};

void check_single(std::string const& text, expectation const& e) {
    parse_run run(text);
    Diagnostic const& d = single_error(run);
    CHECK(d.id == e.id);
    CHECK(d.severity == Severity::error);
    REQUIRE(d.span);
    CHECK(run.at(*d.span).line == e.line);
    CHECK(run.at(*d.span).column == e.column);
    CHECK(run.text(*d.span) == e.span_text);
    CHECK(d.message == e.message);
}

} // namespace

TEST_CASE("E0101: expected something else", "[diag][E0101]") {
    check_single(
        header + "rule hourly_rate = 5\n",
        {"E0101", 2, 18, "=", "expected ':' and a type after 'rule hourly_rate', found '='"});
    check_single(header + "rule r: count\n  cites \"a\" label \"b\"\n  5\n",
                 {"E0101", 3, 22, "", "expected '=' and the value of 'rule r', found '5'"});
    check_single(header + "rule r: count = 1 +\n",
                 {"E0101", 2, 20, "", "expected an expression after '+', found end of file"});
    check_single(
        header + "rule r: count = (1 + 2\nrule s: count = 1\n",
        {"E0101", 2, 23, "", "expected ')' to close the parenthesis, found keyword 'rule'"});
    check_single(header + "rule r: count = min(1, 2\n",
                 {"E0101", 2, 25, "",
                  "expected ',' and another argument, or ')' to close the call, found end of "
                  "file"});
    check_single(
        header + "rule r: count cites label \"x\" = 1\n",
        {"E0101", 2, 21, "label", "expected a string after 'cites', found keyword 'label'"});
    check_single(header + "exception e r when a = 1\n",
                 {"E0101", 2, 13, "r",
                  "expected 'to' and the name of the rule that 'exception e' deviates from, found "
                  "'r'"});
    check_single(
        header + "refusal r cites \"a\" a == b\n",
        {"E0101", 2, 21, "a", "expected 'when' and the condition of 'refusal r', found 'a'"});
    check_single(header + "table t: count by a: count hit unique row [1 2) -> 1\n",
                 {"E0101", 2, 46, "2", "expected ',' between the bounds of the range, found '2'"});
    check_single(header + "table t: count by a: count hit unique row 1 -> 1 row [1, 2 -> 1\n",
                 {"E0101", 2, 60, "->", "expected ')' or ']' to close the range, found '->'"});
    check_single(header + "table t: count by a: count hit unique\n",
                 {"E0101", 2, 38, "",
                  "expected 'row' and the first row of 'table t', found end of "
                  "file"});
    check_single(header + "table t: count by a: count row 1 -> 1\n",
                 {"E0101", 2, 28, "row",
                  "expected ',' and another column, or 'hit' and a hit policy (unique, first or "
                  "sum), found keyword 'row'"});
    check_single(
        header + "rule r: count = if a then 1\n",
        {"E0101", 2, 28, "", "expected 'else' after the 'then' branch, found end of file"});
    check_single(header + "parameter p: count cites \"a\"\n",
                 {"E0101", 2, 29, "",
                  "expected '=' and a value, or 'valid' and a date range, for 'parameter p', "
                  "found end of file"});
    check_single(
        header + "rule r: eur/ = 1\n",
        {"E0101", 2, 14, "=", "expected a unit word (eur, hour, week, ...) after '/', found '='"});
    check_single(header + "override table t\n",
                 {"E0101", 2, 10, "table",
                  "expected 'parameter' or 'rule' after 'override', found keyword 'table'"});
    check_single(header + "= 5\n",
                 {"E0101", 2, 1, "=",
                  "expected a declaration (enum, fact, parameter, rule, exception, table, "
                  "refusal or provision), found '='"});
    check_single(
        header + "rule r: count = 1 2\n",
        {"E0101", 2, 19, "2", "expected a new declaration after the end of 'rule r', found '2'"});
    check_single(header + "rule r: bool = a < b < c\n",
                 {"E0101", 2, 22, "<",
                  "expected a new declaration after the end of 'rule r', found '<' (comparisons "
                  "do not chain: write 'a < b and b < c')"});
    check_single("package \"title\"\n",
                 {"E0101", 1, 9, "\"title\"",
                  "expected a package name after 'package', found string \"title\""});
    check_single("package p\n",
                 {"E0101", 1, 10, "",
                  "expected the package title (a string) after the package name, found end of "
                  "file"});
    check_single(header + "  layer \"municipal\"\n",
                 {"E0101", 2, 9, "\"municipal\"",
                  "expected a layer (national, regional or municipal) after 'layer', found string "
                  "\"municipal\""});
    check_single(
        header + "provision p quantity hours\n",
        {"E0101", 2, 22, "hours", "expected '=' after 'quantity', found unit word 'hours'"});
}

TEST_CASE("E0101: a misspelt keyword gets a did-you-mean note", "[diag][E0101]") {
    parse_run run(header + "rule r: count\n  cites \"a\"\n  lable \"b\"\n  = 1\n");
    Diagnostic const& d = single_error(run);
    CHECK(d.id == "E0101");
    CHECK(d.message == "expected '=' and the value of 'rule r', found 'lable'");
    CHECK(run.text(*d.span) == "lable");
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0].message == "did you mean 'label'?");

    parse_run at_declaration(header + "tabel t: count by a: count hit unique row 1 -> 1\n");
    Diagnostic const& e = single_error(at_declaration);
    REQUIRE(e.notes.size() == 1);
    CHECK(e.notes[0].message == "did you mean 'table'?");
}

TEST_CASE("E0102: unterminated string", "[diag][E0102]") {
    check_single(header + "fact f: bool\n  label \"abc\n  cites \"x\"\n",
                 {"E0102", 3, 9, "\"abc",
                  "unterminated string: missing closing '\"' before the end of the line"});
    check_single(header + "rule r: count \"abc",
                 {"E0102", 2, 15, "\"abc",
                  "unterminated string: missing closing '\"' before the end of the line"});
}

TEST_CASE("E0103: invalid number literal", "[diag][E0103]") {
    check_single(header + "rule r: count = 1.2.3\n",
                 {"E0103", 2, 17, "1.2.3",
                  "invalid number literal '1.2.3': a number has at most one decimal point"});
    check_single(header + "rule r: count = 1. + 2\n",
                 {"E0103", 2, 17, "1.",
                  "invalid number literal '1.': a decimal point must be followed by digits"});
    check_single(header + "rule r: count = 12abc\n",
                 {"E0103", 2, 17, "12abc",
                  "invalid number literal '12abc': a number must not be followed by letters"});
    check_single(header + "rule r: eur = 45eur\n",
                 {"E0103", 2, 15, "45eur",
                  "invalid number literal '45eur': put a space between the number and its "
                  "unit"});
}

TEST_CASE("E0104: unexpected character", "[diag][E0104]") {
    check_single(header + "rule r: count = 5 $ 3\n",
                 {"E0104", 2, 19, "$", "unexpected character '$'"});
    check_single(header + "rule r: bool = !a\n",
                 {"E0104", 2, 16, "!",
                  "unexpected character '!' (write 'not' for negation and '!=' for inequality)"});
    check_single(
        header + "rule r: count = 1;\n",
        {"E0104", 2, 18, ";", "unexpected character ';' (declarations need no terminator)"});
    check_single(header + "rule r: count = 1 \xE2\x82\xAC\n",
                 {"E0104", 2, 19, "\xE2\x82\xAC", "unexpected character '\xE2\x82\xAC'"});
}

TEST_CASE("E0105: a reserved word used as a name", "[diag][E0105]") {
    check_single(header + "rule table: count = 1\n",
                 {"E0105", 2, 6, "table",
                  "expected a name for the rule after 'rule', found keyword 'table', which is "
                  "reserved and cannot be used as a name"});
    check_single(header + "parameter hours: count = 1\n",
                 {"E0105", 2, 11, "hours",
                  "expected a name for the parameter after 'parameter', found unit word 'hours', "
                  "which is reserved and cannot be used as a name"});
    check_single(header + "enum e = a | if\n",
                 {"E0105", 2, 14, "if",
                  "expected a member name after '|', found keyword 'if', which is reserved and "
                  "cannot be used as a name"});
}

TEST_CASE("E0106: unknown header item", "[diag][E0106]") {
    check_single(header + "  layer municipal\n  gemeente GM0489\nrule r: count = 1\n",
                 {"E0106", 3, 3, "gemeente",
                  "unknown header item 'gemeente', expected 'layer', 'law', 'municipality', "
                  "'extends', 'valid', an import or a declaration"});
}

TEST_CASE("E0107: missing package header", "[diag][E0107]") {
    check_single("# no header\nrule r: count = 1\n",
                 {"E0107", 2, 1, "rule",
                  "missing package header: expected 'package' and a package name at the start "
                  "of the file, found keyword 'rule'"});
    check_single("", {"E0107", 1, 1, "",
                      "missing package header: expected 'package' and a package name at the start "
                      "of the file, found end of file"});
}

TEST_CASE("E0108: invalid date", "[diag][E0108]") {
    check_single(
        header + "  valid 2015-1-1 ..\n",
        {"E0108", 2, 9, "2015-1-1", "invalid date '2015-1-1', expected a date written YYYY-MM-DD"});
    check_single(header + "parameter p: count valid 15-01-01 .. = 1\n",
                 {"E0108", 2, 26, "15-01-01",
                  "invalid date '15-01-01', expected a date written YYYY-MM-DD"});
    check_single(header + "rule r: bool = decision_date > 2017-6-01\n",
                 {"E0108", 2, 32, "2017-6-01",
                  "invalid date '2017-6-01', expected a date written YYYY-MM-DD"});
}

TEST_CASE("E0109: invalid escape in a string", "[diag][E0109]") {
    check_single(
        header + "fact f: bool label \"a\\nb\"\n",
        {"E0109", 2, 22, "\\n", "invalid escape '\\n' in string: only \\\" and \\\\ are allowed"});
}

TEST_CASE("E0110: a clause given twice", "[diag][E0110]") {
    check_single(header + "fact f: bool cites \"a\" label \"b\" cites \"c\"\n",
                 {"E0110", 2, 40, "\"c\"", "duplicate 'cites' in 'fact f'"});
    check_single(header + "provision p kind a rate = x quantity = y rate = z\n",
                 {"E0110", 2, 49, "z", "duplicate 'rate' in 'provision p'"});
}

TEST_CASE("E0111: an import after a declaration", "[diag][E0111]") {
    check_single(header + "import \"a.rules\"\nrule r: count = 1\nimport \"b.rules\"\n",
                 {"E0111", 4, 1, "import \"b.rules\"",
                  "an import must come before the first declaration of the file"});
}

TEST_CASE("E0112: unknown unit", "[diag][E0112]") {
    std::string const units =
        "; the unit words are eur, hour(s), minute(s), day(s), week(s), fourweeks, month(s), "
        "year(s), etmaal/etmalen, zone(s), km, ride(s), meal(s), count and percent";
    check_single(
        header + "rule r: eur = 45.00 euro\n",
        {"E0112", 2, 21, "euro", ("unknown unit 'euro' after the number '45.00'" + units).c_str()});
    check_single(header + "rule r: euro/hour = 1\n",
                 {"E0112", 2, 9, "euro", ("unknown unit 'euro' before '/'" + units).c_str()});
}

TEST_CASE("recovery: every broken declaration is reported once, good ones are not", "[diag]") {
    parse_run run(header + R"~(rule a: count = 1
rule b count = 2
rule c: count = 3
fact d: bool cites "x" cites "y"
rule e: count = (4
rule f: count = 5
enum g = x | rule
parameter h: count = 6
)~");
    REQUIRE_FALSE(run.result.ok());
    auto const& items = run.diagnostics().items();
    INFO(run.rendered());
    REQUIRE(items.size() == 4);
    CHECK(items[0].id == "E0101");
    CHECK(items[0].message == "expected ':' and a type after 'rule b', found unit word 'count'");
    CHECK(run.at(*items[0].span).line == 3);
    CHECK(items[1].id == "E0110");
    CHECK(run.at(*items[1].span).line == 5);
    CHECK(items[2].id == "E0101");
    CHECK(items[2].message == "expected ')' to close the parenthesis, found keyword 'rule'");
    // The missing ')' belongs at the end of line 6, not before the `rule` on line 7.
    CHECK(run.at(*items[2].span).line == 6);
    CHECK(run.at(*items[2].span).column == 19);
    CHECK(items[3].id == "E0105");
    CHECK(run.at(*items[3].span).line == 8);
}

TEST_CASE("recovery reports errors in enumerations and continues", "[diag]") {
    parse_run run(header + "enum g = x | rule\nparameter h: count = 6\nrule r = 1\n");
    REQUIRE_FALSE(run.result.ok());
    auto const& items = run.diagnostics().items();
    INFO(run.rendered());
    REQUIRE(items.size() == 2);
    CHECK(items[0].id == "E0105");
    CHECK(items[1].id == "E0101");
    CHECK(run.at(*items[1].span).line == 4);
}

TEST_CASE("a header error does not hide the declarations' errors", "[diag]") {
    parse_run run("package \"t\"\nrule a: count = 1\nrule b = 2\n");
    REQUIRE_FALSE(run.result.ok());
    auto const& items = run.diagnostics().items();
    REQUIRE(items.size() == 2);
    CHECK(run.at(*items[0].span).line == 1);
    CHECK(run.at(*items[1].span).line == 3);
}

TEST_CASE("at most 25 errors are reported per file", "[diag]") {
    std::string text = header;
    for (int i = 0; i < 40; ++i) {
        text += "rule r" + std::to_string(i) + " = 1\n";
    }
    parse_run run(text);
    REQUIRE_FALSE(run.result.ok());
    CHECK(run.diagnostics().items().size() == 25);
}

TEST_CASE("hints for clauses after a declaration's value", "[diag]") {
    parse_run run(header + "parameter p: count\n  = 1\n  valid 2015-01-01 .. = 2\n");
    Diagnostic const& d = single_error(run);
    CHECK(d.message == "expected a declaration (enum, fact, parameter, rule, exception, table, "
                       "refusal or provision), found keyword 'valid' (a parameter has either one "
                       "undated value '= ...' or dated versions 'valid ... = ...', not both)");
    parse_run late_meta(header + "rule r: count = 1 cites \"a\"\n");
    CHECK(single_error(late_meta).message ==
          "expected a new declaration after the end of 'rule r', found keyword 'cites' (cites, "
          "label and label_en come before the value)");
}

TEST_CASE("E0113: expression nested too deeply", "[diag][E0113]") {
    std::string const deep = std::string(5000, '(') + "1" + std::string(5000, ')');
    parse_run run(header + "rule r: count = " + deep + "\n");
    Diagnostic const& d = single_error(run);
    CHECK(d.id == "E0113");
    CHECK(d.message == "expression nested too deeply: split it into several rules");
    CHECK(run.text(*d.span) == "(");

    parse_run negations(header + "rule r: count = " + std::string(5000, '-') + "1\n");
    CHECK(single_error(negations).id == "E0113");

    std::string const fine = std::string(60, '(') + "1" + std::string(60, ')');
    parse_run ok(header + "rule r: count = " + fine + " + " + std::string(200, '-') + "1\n");
    parsed_ok(ok);
}

TEST_CASE("E0113: too many operators in a row", "[diag][E0113]") {
    std::string chain = "1";
    for (int i = 0; i < 1500; ++i) {
        chain += " + 1";
    }
    parse_run run(header + "rule r: count = " + chain + "\n");
    Diagnostic const& d = single_error(run);
    CHECK(d.id == "E0113");
    CHECK(d.message ==
          "expression too long: more than 1000 operators in a row; split it into several rules");
    CHECK(run.at(*d.span).column == 17);
}
