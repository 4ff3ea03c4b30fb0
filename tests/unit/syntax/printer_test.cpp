// The canonical printer: exact layout, minimal parentheses, and the round trip
// print(parse(print(parse(text)))) == print(parse(text)).
#include "syntax/printer.hpp"
#include "syntax_test_support.hpp"

using namespace billijk;
using namespace billijk::syntax;
using namespace billijk::syntax::testing;

namespace {

std::string printed_expr(std::string text) {
    SourceSet sources;
    FileId const id = sources.add("e.rules", std::move(text));
    auto result = parse_expression(sources, id);
    INFO(render_all(result.diagnostics(), sources));
    REQUIRE(result);
    return print(*result.value());
}

/// Parse, print, reparse, print again; both prints must agree and the tree must survive.
std::string round_trip(std::string const& text) {
    parse_run first(text);
    std::string const printed = print(parsed_ok(first));
    parse_run second(printed);
    INFO(printed);
    std::string const reprinted = print(parsed_ok(second));
    CHECK(reprinted == printed);
    return printed;
}

std::string const everything = R"~(# comments are not kept
package national.jeugdwet "Jeugdwet \"2015\" \\ test"
  layer national   law jeugdwet
  municipality GM0489
  extends base.common
  valid 2015-01-01 ..

import "common/units.rules"

enum care_kind = begeleiding | toezicht
  label "Soort zorg"

fact pgb_capable: bool
  label "Capabel" cites "Art. 1"

override parameter in_kind_cost: eur/hour
  cites "Art. 2" label "Kostprijs" label_en "Cost"
  valid 2015-01-01 .. 2016-12-31 = 44.00 eur/hour
  valid 2017-01-01 .. = 45.00 eur/hour

parameter share: percent = 60%

rule r: eur/hour*hour
  = if a or b and not c == d then -(x + y) * z / 2 else min(a, round(b, 0.01, half_up))

exception e to r over f
  cites "Art. 3" label "Uitzondering"
  when request.provider == informal
  = 20.00 eur/hour

table customary_care: hours/week
  by kind: care_kind, age: years
  hit unique
  cites "CIZ" label "Gebruikelijke zorg"
  valid 2015-01-01 .. 2017-12-31
  row toezicht, [0, 3) -> 84 hours/week
  row -, (5, 120] -> 0 hours/week
  row (a + 1) * 2, [18, ) -> 1 hours/week
  row -x, (, ] -> 2017-01-01

refusal not_capable
  cites "Art. 4" label "Niet capabel"
  when request.form == pgb and not pgb_capable

provision begeleiding
  cites "Art. 5" label "Begeleiding"
  rate = hourly_rate kind begeleiding
  category "45" product "45A07" unit_code "04" frequency "2"
  quantity = hours_per_week
  budget = budget_per_year
)~";

} // namespace

TEST_CASE("the canonical layout", "[printer]") {
    std::string const printed = round_trip(everything);
    CHECK(printed == R"~(package national.jeugdwet "Jeugdwet \"2015\" \\ test"
  layer national
  law jeugdwet
  municipality GM0489
  extends base.common
  valid 2015-01-01 ..

import "common/units.rules"

enum care_kind = begeleiding | toezicht
  label "Soort zorg"

fact pgb_capable: bool
  cites "Art. 1"
  label "Capabel"

override parameter in_kind_cost: eur/hour
  cites "Art. 2"
  label "Kostprijs"
  label_en "Cost"
  valid 2015-01-01 .. 2016-12-31 = 44.00 eur/hour
  valid 2017-01-01 .. = 45.00 eur/hour

parameter share: percent
  = 60%

rule r: eur/hour*hour
  = if a or b and not c == d then -(x + y) * z / 2 else min(a, round(b, 0.01, half_up))

exception e to r over f
  cites "Art. 3"
  label "Uitzondering"
  when request.provider == informal
  = 20.00 eur/hour

table customary_care: hours/week
  by kind: care_kind, age: years
  hit unique
  cites "CIZ"
  label "Gebruikelijke zorg"
  valid 2015-01-01 .. 2017-12-31
  row toezicht,    [0, 3)   -> 84 hours/week
  row -,           (5, 120] -> 0 hours/week
  row (a + 1) * 2, [18, )   -> 1 hours/week
  row -x,          (, ]     -> 2017-01-01

refusal not_capable
  cites "Art. 4"
  label "Niet capabel"
  when request.form == pgb and not pgb_capable

provision begeleiding
  cites "Art. 5"
  label "Begeleiding"
  kind begeleiding
  category "45" product "45A07" unit_code "04" frequency "2"
  quantity = hours_per_week
  rate = hourly_rate
  budget = budget_per_year
)~");
}

TEST_CASE("expressions print with the fewest parentheses that keep their meaning", "[printer]") {
    CHECK(printed_expr("(a + b) * c") == "(a + b) * c");
    CHECK(printed_expr("a + (b * c)") == "a + b * c");
    CHECK(printed_expr("(a - b) - c") == "a - b - c");
    CHECK(printed_expr("a - (b - c)") == "a - (b - c)");
    CHECK(printed_expr("a / (b * c)") == "a / (b * c)");
    CHECK(printed_expr("(a or b) and c") == "(a or b) and c");
    CHECK(printed_expr("a or (b and c)") == "a or b and c");
    CHECK(printed_expr("not (a and b)") == "not (a and b)");
    CHECK(printed_expr("not (a == b)") == "not a == b");
    CHECK(printed_expr("(a < b) == c") == "(a < b) == c");
    CHECK(printed_expr("-(a * b)") == "-(a * b)");
    CHECK(printed_expr("(-a) * b") == "-a * b");
    CHECK(printed_expr("- - a") == "--a");
    CHECK(printed_expr("(if a then 1 else 2) + 3") == "(if a then 1 else 2) + 3");
    CHECK(printed_expr("if a then (if b then 1 else 2) else (3)") ==
          "if a then if b then 1 else 2 else 3");
    CHECK(printed_expr("(45.00 eur/hour) * 2") == "45.00 eur/hour * 2");
    CHECK(printed_expr("12.5 %") == "12.5%");
    CHECK(printed_expr("\"a \\\"b\\\" \\\\\"") == "\"a \\\"b\\\" \\\\\"");
    CHECK(printed_expr("f( )") == "f()");
    CHECK(printed_expr("true and false") == "true and false");
}

TEST_CASE("printed expressions reparse to the same tree", "[printer]") {
    char const* const cases[] = {
        "a - (b - c) * -(d / (e / f))",
        "not not (a or b) and (c or not d)",
        "(a < b) == (c >= d)",
        "if (if a then b else c) then (x or y) else -(1 + 2) * 3 eur/hour",
        "min(a, max(b, c), 0.01) - 2017-06-01",
        "45 eur/hour*hour / (2 hours)",
    };
    for (char const* text : cases) {
        INFO(text);
        std::string const once = printed_expr(text);
        CHECK(printed_expr(once) == once);
        CHECK(expr_sexpr(once) == expr_sexpr(text));
    }
}

TEST_CASE("the guide's complete package round-trips", "[printer]") {
    round_trip(R"~(package example.uurtarief "Voorbeeld: uurtarief pgb"
  layer municipal
  valid 2015-01-01 .. 2017-12-31
rule hourly_rate: eur/hour
  cites "Beleidsregels Jeugdhulp 2015 §2.12.1"
  label "Uurtarief pgb"
  = if request.provider == informal
      then min(request.rate, informal_cap)
      else min(request.rate, in_kind_cost)
)~");
}
