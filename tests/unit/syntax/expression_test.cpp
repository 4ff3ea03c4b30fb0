// Expressions: the precedence table, unit greediness, literals, calls and spans.
#include "syntax_test_support.hpp"

using namespace billijk;
using namespace billijk::syntax;
using namespace billijk::syntax::testing;

TEST_CASE("precedence from loosest to tightest", "[expr][precedence]") {
    CHECK(expr_sexpr("a or b and c") == "(or a (and b c))");
    CHECK(expr_sexpr("a and b or c") == "(or (and a b) c)");
    CHECK(expr_sexpr("not a and b") == "(and (not a) b)");
    CHECK(expr_sexpr("not a == b") == "(not (== a b))");
    CHECK(expr_sexpr("not not a") == "(not (not a))");
    CHECK(expr_sexpr("a == b and c != d") == "(and (== a b) (!= c d))");
    CHECK(expr_sexpr("a + 1 < b * 2") == "(< (+ a 1) (* b 2))");
    CHECK(expr_sexpr("a <= b") == "(<= a b)");
    CHECK(expr_sexpr("a >= b") == "(>= a b)");
    CHECK(expr_sexpr("a > b") == "(> a b)");
    CHECK(expr_sexpr("a + b * c") == "(+ a (* b c))");
    CHECK(expr_sexpr("a * b + c") == "(+ (* a b) c)");
    CHECK(expr_sexpr("-a * b") == "(* (neg a) b)");
    CHECK(expr_sexpr("- -a") == "(neg (neg a))");
    CHECK(expr_sexpr("a - -b") == "(- a (neg b))");
    CHECK(expr_sexpr("(a + b) * c") == "(* (+ a b) c)");
    CHECK(expr_sexpr("if a then b else c + 1") == "(if a b (+ c 1))");
    CHECK(expr_sexpr("if a or b then if c then 1 else 2 else 3") == "(if (or a b) (if c 1 2) 3)");
    CHECK(expr_sexpr("(if a then 1 else 2) * 3") == "(* (if a 1 2) 3)");
}

TEST_CASE("binary operators associate to the left", "[expr][precedence]") {
    CHECK(expr_sexpr("a - b - c") == "(- (- a b) c)");
    CHECK(expr_sexpr("a / b / c") == "(/ (/ a b) c)");
    CHECK(expr_sexpr("a / b * c") == "(* (/ a b) c)");
    CHECK(expr_sexpr("a or b or c") == "(or (or a b) c)");
    CHECK(expr_sexpr("a and b and c") == "(and (and a b) c)");
}

TEST_CASE("a unit after a number is read greedily", "[expr][units]") {
    CHECK(expr_sexpr("45.00 eur/hour * 2") == "(* 45.00[eur/hour] 2)");
    CHECK(expr_sexpr("45.00 eur/hour*hour") == "45.00[eur/hour*hour]");
    CHECK(expr_sexpr("14 hours/week * 52 weeks/year") == "(* 14[hours/week] 52[weeks/year])");
    CHECK(expr_sexpr("2 hours * hours_total") == "(* 2[hours] hours_total)");
    CHECK(expr_sexpr("2 hours / days_between(a, b)") == "(/ 2[hours] (call days_between a b))");
    CHECK(expr_sexpr("60 minutes/hour") == "60[minutes/hour]");
    CHECK(expr_sexpr("3 count") == "3[count]");
    CHECK(expr_sexpr("1 fourweeks + 2 km + 3 rides + 4 etmalen") ==
          "(+ (+ (+ 1[fourweeks] 2[km]) 3[rides]) 4[etmalen])");
    CHECK(expr_sexpr("a * 2 eur") == "(* a 2[eur])");
    CHECK(expr_sexpr("5 eur / 2") == "(/ 5[eur] 2)");
}

TEST_CASE("literals", "[expr][literals]") {
    CHECK(expr_sexpr("45") == "45");
    CHECK(expr_sexpr("0.6") == "0.6");
    CHECK(expr_sexpr("60%") == "60%");
    CHECK(expr_sexpr("12.5 %") == "12.5%");
    CHECK(expr_sexpr("2017-06-01") == "date:2017-06-01");
    CHECK(expr_sexpr("period.start >= 2017-06-01") == "(>= period.start date:2017-06-01)");
    CHECK(expr_sexpr("2017 - 6 - 1") == "(- (- 2017 6) 1)");
    CHECK(expr_sexpr(R"("§2.12.1")") == "\"§2.12.1\"");
    CHECK(expr_sexpr(R"("a \"b\" \\ c")") == "\"a \"b\" \\ c\"");
    CHECK(expr_sexpr("true") == "true");
    CHECK(expr_sexpr("false or true") == "(or false true)");
}

TEST_CASE("calls and names", "[expr][calls]") {
    CHECK(expr_sexpr("f()") == "(call f)");
    CHECK(expr_sexpr("min(a, max(b, c, d))") == "(call min a (call max b c d))");
    CHECK(expr_sexpr("round(x * 2, 0.01, half_up)") == "(call round (* x 2) 0.01 half_up)");
    CHECK(expr_sexpr("customary_care(kind, age_on(client.birth_date, decision_date))") ==
          "(call customary_care kind (call age_on client.birth_date decision_date))");
    CHECK(expr_sexpr("f (a)") == "(call f a)");
    CHECK(expr_sexpr("request.provision") == "request.provision");
    CHECK(expr_sexpr("a.b.c") == "a.b.c");
    CHECK(expr_sexpr("household.size") == "household.size");
}

TEST_CASE("expression spans", "[expr][spans]") {
    SourceSet sources;
    std::string const text = "  (a + b) * min(c, 45.00 eur/hour) - -d  ";
    FileId const id = sources.add("e.rules", text);
    auto result = parse_expression(sources, id);
    REQUIRE(result);
    Expr const& e = *result.value();
    auto slice = [&](Span s) { return text.substr(s.begin, s.end - s.begin); };
    CHECK(slice(e.span) == "(a + b) * min(c, 45.00 eur/hour) - -d");
    auto const& sub = std::get<Binary>(e.node);
    CHECK(slice(sub.lhs->span) == "(a + b) * min(c, 45.00 eur/hour)");
    CHECK(slice(sub.rhs->span) == "-d");
    CHECK(slice(std::get<Unary>(sub.rhs->node).operand->span) == "d");
    auto const& mul = std::get<Binary>(sub.lhs->node);
    CHECK(slice(mul.lhs->span) == "(a + b)");
    auto const& add = std::get<Binary>(mul.lhs->node);
    CHECK(slice(add.lhs->span) == "a");
    CHECK(slice(add.rhs->span) == "b");
    auto const& call = std::get<Call>(mul.rhs->node);
    CHECK(slice(mul.rhs->span) == "min(c, 45.00 eur/hour)");
    CHECK(slice(call.callee.span) == "min");
    REQUIRE(call.args.size() == 2);
    CHECK(slice(call.args[1]->span) == "45.00 eur/hour");
    auto const& number = std::get<NumberLit>(call.args[1]->node);
    CHECK(number.text == "45.00");
    REQUIRE(number.unit);
    CHECK(slice(number.unit->span) == "eur/hour");
    CHECK(sources.line_col(call.args[1]->span).column == 20);
}

TEST_CASE("spans of if expressions and literals with a percent sign", "[expr][spans]") {
    SourceSet sources;
    std::string const text = "if x\n  then 60 %\n  else 2017-01-01";
    FileId const id = sources.add("e.rules", text);
    auto result = parse_expression(sources, id);
    REQUIRE(result);
    Expr const& e = *result.value();
    CHECK(e.span.begin == 0);
    CHECK(e.span.end == text.size());
    auto const& branch = std::get<IfExpr>(e.node);
    CHECK(text.substr(branch.then_branch->span.begin,
                      branch.then_branch->span.end - branch.then_branch->span.begin) == "60 %");
    LineCol const at = sources.line_col(branch.else_branch->span);
    CHECK(at.line == 3);
    CHECK(at.column == 8);
}

TEST_CASE("parse_expression rejects trailing text", "[expr]") {
    CHECK(expr_sexpr("a b").rfind("error: ", 0) == 0);
    CHECK(expr_sexpr("a < b < c")
              .find("expected an operator or the end of the expression, "
                    "found '<'") != std::string::npos);
    CHECK(expr_sexpr("").find("expected an expression, found end of file") != std::string::npos);
}
