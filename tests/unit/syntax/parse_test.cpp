// The parser on every construct of docs/rule-language.md: header, imports, each declaration,
// names and their spans.
#include "syntax_test_support.hpp"

#include <fstream>
#include <regex>
#include <sstream>

using namespace billijk;
using namespace billijk::syntax;
using namespace billijk::syntax::testing;

namespace {

std::string const complete_example = R"~(package example.uurtarief "Voorbeeld: uurtarief pgb"
  layer municipal
  law jeugdwet
  municipality GM9999
  valid 2015-01-01 .. 2017-12-31

parameter informal_share: percent
  cites "Beleidsregels Jeugdhulp 2015 §2.12.1"
  label "Maximaal aandeel van de kostprijs in natura voor informele zorg"
  label_en "Maximum share of the in-kind cost price for informal care"
  = 60%

parameter in_kind_cost: eur/hour
  cites "Rekenkamer Barendrecht 2017, noot 112 (afgeleid: 27 / 0,60)"
  label "Kostprijs goedkoopste adequate voorziening in natura"
  valid 2015-01-01 .. 2017-12-31 = 45.00 eur/hour

rule informal_cap: eur/hour
  cites "Beleidsregels Jeugdhulp 2015 §2.12.1"
  label "Maximaal uurtarief informele zorg"
  label_en "Maximum hourly rate for informal care"
  = round(informal_share * in_kind_cost, 0.01, half_up)

rule hourly_rate: eur/hour
  cites "Beleidsregels Jeugdhulp 2015 §2.12.1"
  label "Uurtarief pgb"
  = if request.provider == informal
      then min(request.rate, informal_cap)
      else min(request.rate, in_kind_cost)
)~";

std::string const header = "package test.p \"Test\"\n";

template <typename T> T const& only_declaration(File const& file) {
    REQUIRE(file.declarations.size() == 1);
    auto const* decl = std::get_if<T>(&file.declarations.front());
    REQUIRE(decl != nullptr);
    return *decl;
}

} // namespace

TEST_CASE("the complete small package of the language guide parses", "[parse]") {
    parse_run run(complete_example);
    File const& file = parsed_ok(run);

    CHECK(file.package.text == "example.uurtarief");
    CHECK(run.text(file.package.span) == "example.uurtarief");
    CHECK(file.title == "Voorbeeld: uurtarief pgb");
    REQUIRE(file.header.size() == 4);
    CHECK(file.header[0].kind == HeaderItem::Kind::layer);
    CHECK(file.header[0].text == "municipal");
    CHECK(run.text(file.header[0].span) == "layer municipal");
    CHECK(file.header[1].kind == HeaderItem::Kind::law);
    CHECK(file.header[1].text == "jeugdwet");
    CHECK(file.header[2].kind == HeaderItem::Kind::municipality);
    CHECK(file.header[2].text == "GM9999");
    CHECK(file.header[3].kind == HeaderItem::Kind::valid);
    REQUIRE(file.header[3].valid);
    CHECK(file.header[3].valid->from == "2015-01-01");
    CHECK(file.header[3].valid->to == "2017-12-31");
    CHECK(run.text(file.header[3].valid->span) == "2015-01-01 .. 2017-12-31");
    CHECK(file.imports.empty());
    REQUIRE(file.declarations.size() == 4);

    auto const& share = std::get<ParameterDecl>(file.declarations[0]);
    CHECK(share.name.text == "informal_share");
    CHECK(share.type.kind == TypeExpr::Kind::percent);
    CHECK(share.meta.cites == "Beleidsregels Jeugdhulp 2015 §2.12.1");
    CHECK(share.meta.label == "Maximaal aandeel van de kostprijs in natura voor informele zorg");
    CHECK(share.meta.label_en == "Maximum share of the in-kind cost price for informal care");
    CHECK(run.text(share.meta.cites_span) == "\"Beleidsregels Jeugdhulp 2015 §2.12.1\"");
    REQUIRE(share.versions.size() == 1);
    CHECK_FALSE(share.versions[0].valid);
    CHECK(sexpr(*share.versions[0].value) == "60%");
    CHECK(run.text(share.versions[0].span) == "= 60%");

    auto const& cost = std::get<ParameterDecl>(file.declarations[1]);
    CHECK(cost.type.kind == TypeExpr::Kind::unit);
    CHECK(run.text(cost.type.span) == "eur/hour");
    REQUIRE(cost.versions.size() == 1);
    REQUIRE(cost.versions[0].valid);
    CHECK(cost.versions[0].valid->to == "2017-12-31");
    CHECK(sexpr(*cost.versions[0].value) == "45.00[eur/hour]");
    CHECK(run.text(cost.versions[0].span) == "valid 2015-01-01 .. 2017-12-31 = 45.00 eur/hour");

    auto const& cap = std::get<RuleDecl>(file.declarations[2]);
    CHECK_FALSE(cap.is_override);
    CHECK(sexpr(*cap.value) == "(call round (* informal_share in_kind_cost) 0.01 half_up)");

    auto const& rate = std::get<RuleDecl>(file.declarations[3]);
    CHECK(rate.name.text == "hourly_rate");
    CHECK(run.at(rate.name.span).line == 24);
    CHECK(run.at(rate.name.span).column == 6);
    CHECK(sexpr(*rate.value) == "(if (== request.provider informal) (call min request.rate "
                                "informal_cap) (call min request.rate in_kind_cost))");
    CHECK(run.text(rate.value->span).rfind("if request.provider", 0) == 0);
    CHECK(run.text(rate.value->span).size() > 60);
}

TEST_CASE("every `rules` block of docs/rule-language.md parses", "[parse][docs]") {
    std::ifstream in(std::string(BILLIJK_SOURCE_DIR) + "/docs/rule-language.md");
    REQUIRE(in);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string const doc = buffer.str();
    std::regex const block("```rules\n([^`]*)```");
    int blocks = 0;
    for (std::sregex_iterator it(doc.begin(), doc.end(), block), end; it != end; ++it) {
        parse_run run((*it)[1].str());
        parsed_ok(run);
        ++blocks;
    }
    CHECK(blocks >= 1);
}

TEST_CASE("the declaration examples of the language guide parse", "[parse][docs]") {
    // The ``` blocks of docs/rule-language.md that are declarations, with a header added.
    char const* const examples[] = {
        "enum care_kind = begeleiding | toezicht | persoonlijke_verzorging | verkeer\n",
        R"~(fact pgb_capable: bool
  cites "Jeugdwet art. 8.1.1 lid 2 sub a"
  label "De jeugdige of zijn ouders kunnen de pgb-taken op verantwoorde wijze uitvoeren"
)~",
        R"~(parameter weeks_per_year: weeks/year
  cites "…" label "Aantal weken per jaar"
  = 52 weeks/year

parameter in_kind_cost: eur/hour
  cites "…" label "Kostprijs in natura"
  valid 2015-01-01 .. 2016-12-31 = 44.00 eur/hour
  valid 2017-01-01 .. = 45.00 eur/hour
)~",
        R"~(exception fixed_informal_rate to hourly_rate
  cites "Verordening 2018 art. 9" label "Vast tarief informele zorg"
  when request.provider == informal
  = 20.00 eur/hour
)~",
        R"~(table customary_care: hours/week
  by kind: care_kind, age: years
  hit unique
  cites "CIZ-protocol gebruikelijke zorg" label "Gebruikelijke zorg per soort en leeftijd"
  row toezicht,    [0, 3)   -> 84 hours/week
  row toezicht,    [3, 5)   -> 70 hours/week
  row -,           [5, 120) -> 0 hours/week
)~",
        R"~(refusal not_capable
  cites "Jeugdwet art. 8.1.1 lid 2 sub a"
  label "De ouders kunnen de pgb-taken niet op verantwoorde wijze uitvoeren"
  when request.form == pgb and not pgb_capable
)~",
        R"~(provision begeleiding_individueel
  cites "Beleidsregels Jeugdhulp 2015 §2.12" label "Individuele begeleiding"
  kind begeleiding
  category "45" product "45A07" unit_code "04" frequency "2"
  quantity = hours_per_week
  rate = hourly_rate
  budget = budget_per_year
)~",
    };
    for (char const* example : examples) {
        parse_run run(header + example);
        parsed_ok(run);
    }
}

TEST_CASE("header items come in any order, extends repeats, valid may be open-ended",
          "[parse][header]") {
    parse_run run(R"~(package national.jeugdwet "Jeugdwet"  # a comment
  valid 2015-01-01 ..
  extends base.common
  law jeugdwet
  extends base.other
  layer national

import "common/units.rules"
import "tarieven/2017.rules"
)~");
    File const& file = parsed_ok(run);
    REQUIRE(file.header.size() == 5);
    CHECK(file.header[0].kind == HeaderItem::Kind::valid);
    CHECK(file.header[0].valid->from == "2015-01-01");
    CHECK_FALSE(file.header[0].valid->to);
    CHECK(file.header[1].kind == HeaderItem::Kind::extends);
    CHECK(file.header[1].text == "base.common");
    CHECK(file.header[3].text == "base.other");
    CHECK(file.header[4].text == "national");
    REQUIRE(file.imports.size() == 2);
    CHECK(file.imports[0].path == "common/units.rules");
    CHECK(run.text(file.imports[1].span) == "import \"tarieven/2017.rules\"");
    CHECK(file.declarations.empty());
}

TEST_CASE("enumerations", "[parse][enum]") {
    parse_run run(header + "enum care_kind = begeleiding | toezicht\n  label \"Soort zorg\"\n");
    auto const& e = only_declaration<EnumDecl>(parsed_ok(run));
    CHECK(e.name.text == "care_kind");
    REQUIRE(e.members.size() == 2);
    CHECK(e.members[1].text == "toezicht");
    CHECK(run.text(e.members[1].span) == "toezicht");
    CHECK(run.at(e.members[1].span).line == 2);
    CHECK(run.at(e.members[1].span).column == 32);
    CHECK(e.meta.label == "Soort zorg");
    CHECK_FALSE(e.meta.cites);
}

TEST_CASE("facts and their types", "[parse][fact]") {
    auto type_of = [](std::string const& type) {
        parse_run run(header + "fact f: " + type + "\n");
        auto const& fact = only_declaration<FactDecl>(parsed_ok(run));
        CHECK(run.text(fact.type.span) == type);
        return fact.type;
    };
    CHECK(type_of("bool").kind == TypeExpr::Kind::boolean);
    CHECK(type_of("date").kind == TypeExpr::Kind::date);
    CHECK(type_of("text").kind == TypeExpr::Kind::text);
    CHECK(type_of("count").kind == TypeExpr::Kind::count);
    CHECK(type_of("percent").kind == TypeExpr::Kind::percent);
    TypeExpr const named = type_of("care_kind");
    CHECK(named.kind == TypeExpr::Kind::named);
    CHECK(named.name == "care_kind");
    TypeExpr const unit = type_of("eur/hour*hour");
    CHECK(unit.kind == TypeExpr::Kind::unit);
    REQUIRE(unit.unit.terms.size() == 3);
    CHECK(unit.unit.terms[0].op == '*');
    CHECK(unit.unit.terms[0].word == "eur");
    CHECK(unit.unit.terms[1].op == '/');
    CHECK(unit.unit.terms[1].word == "hour");
    CHECK(unit.unit.terms[2].op == '*');
    CHECK(type_of("hours / week").unit.terms.size() == 2);
    CHECK(type_of("count/week").kind == TypeExpr::Kind::unit);
}

TEST_CASE("parameters: undated, dated, override", "[parse][parameter]") {
    parse_run run(header + R"~(override parameter in_kind_cost: eur/hour
  label "Kostprijs" cites "Art. 1"
  valid 2015-01-01 .. 2016-12-31 = 44.00 eur/hour
  valid 2017-01-01 .. = 45.00 eur/hour
)~");
    auto const& p = only_declaration<ParameterDecl>(parsed_ok(run));
    CHECK(p.is_override);
    CHECK(p.meta.cites == "Art. 1");
    CHECK(p.meta.label == "Kostprijs");
    CHECK(run.text(p.meta.label_span) == "\"Kostprijs\"");
    REQUIRE(p.versions.size() == 2);
    CHECK(p.versions[0].valid->to == "2016-12-31");
    CHECK_FALSE(p.versions[1].valid->to);
    CHECK(run.text(p.versions[1].valid->span) == "2017-01-01 ..");
    CHECK(sexpr(*p.versions[1].value) == "45.00[eur/hour]");
}

TEST_CASE("rules: override and meta in any order or absent", "[parse][rule]") {
    parse_run run(header + R"~(override rule r: count
  label_en "R" cites "C" label "L"
  = 1

rule bare: count = 2
)~");
    File const& file = parsed_ok(run);
    REQUIRE(file.declarations.size() == 2);
    auto const& r = std::get<RuleDecl>(file.declarations[0]);
    CHECK(r.is_override);
    CHECK(r.meta.cites == "C");
    CHECK(r.meta.label == "L");
    CHECK(r.meta.label_en == "R");
    auto const& bare = std::get<RuleDecl>(file.declarations[1]);
    CHECK_FALSE(bare.is_override);
    CHECK_FALSE(bare.meta.cites);
    CHECK_FALSE(bare.meta.label);
    CHECK(run.text(bare.name.span) == "bare");
}

TEST_CASE("exceptions with and without `over`", "[parse][exception]") {
    parse_run run(header + R"~(exception a to hourly_rate over b
  cites "C" label "L"
  when request.provider == informal
  = 20.00 eur/hour
exception b to hourly_rate when not x = 1 eur/hour
)~");
    File const& file = parsed_ok(run);
    REQUIRE(file.declarations.size() == 2);
    auto const& a = std::get<ExceptionDecl>(file.declarations[0]);
    CHECK(a.name.text == "a");
    CHECK(a.target.text == "hourly_rate");
    CHECK(run.text(a.target.span) == "hourly_rate");
    REQUIRE(a.over);
    CHECK(a.over->text == "b");
    CHECK(run.at(a.over->span).line == 2);
    CHECK(run.at(a.over->span).column == 33);
    CHECK(sexpr(*a.condition) == "(== request.provider informal)");
    CHECK(sexpr(*a.value) == "20.00[eur/hour]");
    auto const& b = std::get<ExceptionDecl>(file.declarations[1]);
    CHECK_FALSE(b.over);
    CHECK(sexpr(*b.condition) == "(not x)");
}

TEST_CASE("tables: columns, hit policy, valid, cells and ranges", "[parse][table]") {
    parse_run run(header + R"~(table customary_care: hours/week
  by kind: care_kind, age: years, flag: bool
  hit first
  cites "CIZ" label "Gebruikelijke zorg"
  valid 2015-01-01 ..
  row toezicht, [0, 3),   true  -> 84 hours/week
  row -,        (5, 120], -     -> 0 hours/week
  row -,        [18, ),   false -> 1 hours/week
  row (a + 1),  (, ],     x == 2 -> 2 hours/week * 2
  row -x,       [, 7],    -     -> 3 hours/week
)~");
    auto const& t = only_declaration<TableDecl>(parsed_ok(run));
    CHECK(t.name.text == "customary_care");
    REQUIRE(t.columns.size() == 3);
    CHECK(t.columns[0].name.text == "kind");
    CHECK(t.columns[0].type.name == "care_kind");
    CHECK(t.columns[1].type.kind == TypeExpr::Kind::unit);
    CHECK(t.columns[2].type.kind == TypeExpr::Kind::boolean);
    CHECK(t.hit.text == "first");
    CHECK(run.text(t.hit.span) == "first");
    REQUIRE(t.valid);
    CHECK_FALSE(t.valid->to);
    REQUIRE(t.rows.size() == 5);

    auto const& row0 = t.rows[0];
    CHECK(run.text(row0.span) == "row toezicht, [0, 3),   true  -> 84 hours/week");
    REQUIRE(row0.cells.size() == 3);
    CHECK(sexpr(*std::get<ExprPtr>(row0.cells[0].value)) == "toezicht");
    CHECK(run.text(row0.cells[0].span) == "toezicht");
    auto const& range0 = std::get<RangeCell>(row0.cells[1].value);
    CHECK(range0.lower_closed);
    CHECK_FALSE(range0.upper_closed);
    CHECK(sexpr(*range0.lower) == "0");
    CHECK(sexpr(*range0.upper) == "3");
    CHECK(run.text(row0.cells[1].span) == "[0, 3)");
    CHECK(sexpr(*std::get<ExprPtr>(row0.cells[2].value)) == "true");
    CHECK(sexpr(*row0.result) == "84[hours/week]");

    auto const& row1 = t.rows[1];
    CHECK(std::holds_alternative<AnyCell>(row1.cells[0].value));
    CHECK(run.text(row1.cells[0].span) == "-");
    auto const& range1 = std::get<RangeCell>(row1.cells[1].value);
    CHECK_FALSE(range1.lower_closed);
    CHECK(range1.upper_closed);
    CHECK(std::holds_alternative<AnyCell>(row1.cells[2].value));

    auto const& range2 = std::get<RangeCell>(t.rows[2].cells[1].value);
    CHECK(sexpr(*range2.lower) == "18");
    CHECK(range2.upper == nullptr);

    auto const& row3 = t.rows[3];
    CHECK(sexpr(*std::get<ExprPtr>(row3.cells[0].value)) == "(+ a 1)");
    CHECK(run.text(row3.cells[0].span) == "(a + 1)");
    auto const& range3 = std::get<RangeCell>(row3.cells[1].value);
    CHECK(range3.lower == nullptr);
    CHECK(range3.upper == nullptr);
    CHECK_FALSE(range3.lower_closed);
    CHECK(range3.upper_closed);
    CHECK(sexpr(*std::get<ExprPtr>(row3.cells[2].value)) == "(== x 2)");
    CHECK(sexpr(*row3.result) == "(* 2[hours/week] 2)");

    CHECK(sexpr(*std::get<ExprPtr>(t.rows[4].cells[0].value)) == "(neg x)");
    auto const& range4 = std::get<RangeCell>(t.rows[4].cells[1].value);
    CHECK(range4.lower == nullptr);
    CHECK(sexpr(*range4.upper) == "7");
}

TEST_CASE("refusals", "[parse][refusal]") {
    parse_run run(header + R"~(refusal not_capable
  cites "Jeugdwet" label "Niet capabel"
  when request.form == pgb and not pgb_capable
)~");
    auto const& r = only_declaration<RefusalDecl>(parsed_ok(run));
    CHECK(r.name.text == "not_capable");
    CHECK(sexpr(*r.condition) == "(and (== request.form pgb) (not pgb_capable))");
}

TEST_CASE("provisions: items in any order, each optional", "[parse][provision]") {
    parse_run run(header + R"~(provision begeleiding_individueel
  cites "Art" label "Individuele begeleiding"
  budget = budget_per_year
  frequency "2" kind begeleiding
  quantity = hours_per_week rate = hourly_rate
  unit_code "04" product "45A07" category "45"

provision bare
)~");
    File const& file = parsed_ok(run);
    REQUIRE(file.declarations.size() == 2);
    auto const& p = std::get<ProvisionDecl>(file.declarations[0]);
    REQUIRE(p.kind);
    CHECK(p.kind->text == "begeleiding");
    CHECK(run.text(p.kind->span) == "begeleiding");
    CHECK(p.category == "45");
    CHECK(p.product == "45A07");
    CHECK(p.unit_code == "04");
    CHECK(p.frequency == "2");
    CHECK(sexpr(*p.quantity) == "hours_per_week");
    CHECK(sexpr(*p.rate) == "hourly_rate");
    CHECK(sexpr(*p.budget) == "budget_per_year");
    auto const& bare = std::get<ProvisionDecl>(file.declarations[1]);
    CHECK_FALSE(bare.kind);
    CHECK(bare.quantity == nullptr);
}

TEST_CASE("names: keyword boundaries, keywords after a dot, contextual provision words",
          "[parse][names]") {
    parse_run run(header + R"~(rule hours_total: hours = rule_count * 2 hours
rule iffy: bool = notable or android and orange
rule p: text = request.provision
rule kind: eur/hour = request.rate
rule in_kind: count = need(kind) + quantity + budget
)~");
    File const& file = parsed_ok(run);
    REQUIRE(file.declarations.size() == 5);
    CHECK(std::get<RuleDecl>(file.declarations[0]).name.text == "hours_total");
    CHECK(sexpr(*std::get<RuleDecl>(file.declarations[0]).value) == "(* rule_count 2[hours])");
    CHECK(sexpr(*std::get<RuleDecl>(file.declarations[1]).value) ==
          "(or notable (and android orange))");
    auto const& p = std::get<RuleDecl>(file.declarations[2]);
    CHECK(sexpr(*p.value) == "request.provision");
    CHECK(run.text(p.value->span) == "request.provision");
    CHECK(std::get<RuleDecl>(file.declarations[3]).name.text == "kind");
    CHECK(sexpr(*std::get<RuleDecl>(file.declarations[4]).value) ==
          "(+ (+ (call need kind) quantity) budget)");
}

TEST_CASE("comments and blank space carry no meaning", "[parse]") {
    parse_run run("# leading comment\n" + header +
                  "rule r: count # type\n  # between\n  = 1 # value\n  + 2\n# trailing");
    auto const& r = only_declaration<RuleDecl>(parsed_ok(run));
    CHECK(sexpr(*r.value) == "(+ 1 2)");
    CHECK(run.text(r.value->span) == "1 # value\n  + 2");
}

TEST_CASE("the file span covers the whole text", "[parse]") {
    parse_run run(header);
    File const& file = parsed_ok(run);
    CHECK(file.span.begin == 0);
    CHECK(file.span.end == header.size());
    CHECK(file.span.file == run.id);
}

TEST_CASE("CRLF line ends, tabs and a byte order mark are fine", "[parse]") {
    parse_run run("\xEF\xBB\xBFpackage p \"T\"\r\n\tlayer national\r\nrule r: count\r\n\tcites "
                  "\"a\" # c\r\n\t= 1\r\n");
    auto const& r = only_declaration<RuleDecl>(parsed_ok(run));
    CHECK(r.meta.cites == "a");
    CHECK(run.at(r.name.span).line == 3);
    CHECK(run.at(r.name.span).column == 6);
}
