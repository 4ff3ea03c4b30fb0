// The Spirit X3 attribute tree and the step-wise parse entry points (internal to syntax/).
//
// grammar.cpp parses into these structs; parse.cpp drives the parse one declaration at a time
// (so that it can recover after an error) and converts the result into the X3-free tree of
// tree.hpp. Nothing outside engine/src/syntax/ may include this header (STYLE.md §1–2).
//
//   ast::declaration decl;
//   detail::step_error err;
//   auto outcome = detail::parse_declaration(text, pos, decl, err);
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace billijk::syntax::ast {

namespace x3 = boost::spirit::x3;

/// Byte offsets [begin, end) of the text a node was parsed from.
struct spanned {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

struct nil {};
struct name : spanned {
    std::string text;
};
struct string_lit : spanned {
    std::string value;
};
struct date_lit : spanned {
    std::string text;
};
struct bool_lit : spanned {
    bool value = false;
};
struct any_cell : spanned {};

struct unit_term {
    char op = '*';
    std::string word;
};
struct unit_expr : spanned {
    std::string first;
    std::vector<unit_term> rest;
};

/// Filled by semantic actions; `kind` mirrors syntax::TypeExpr::Kind.
struct type_expr : spanned {
    int kind = 0;
    unit_expr unit;
    name named;
};

struct date_range : spanned {
    date_lit from;
    boost::optional<date_lit> to;
};

struct number_lit : spanned {
    std::string text;
    bool percent = false;
    boost::optional<unit_expr> unit;
};

struct call;
struct unary;
struct expression;
struct if_expr;

struct operand
    : x3::variant<nil, number_lit, date_lit, string_lit, bool_lit, name, x3::forward_ast<call>,
                  x3::forward_ast<unary>, x3::forward_ast<expression>, x3::forward_ast<if_expr>> {
    using base_type::base_type;
    using base_type::operator=;
};

enum class optoken { add, sub, mul, div, eq, ne, lt, le, gt, ge, logical_and, logical_or };

struct operation {
    optoken op = optoken::add;
    operand rhs;
};
/// A left-associative chain `first op rhs op rhs ...` of one precedence level.
struct expression : spanned {
    operand first;
    std::vector<operation> rest;
};
struct unary : spanned {
    char op = '-'; ///< '-' negation, '!' logical not
    operand operand_;
};
struct call : spanned {
    name callee;
    std::vector<operand> args;
};
struct if_expr : spanned {
    operand condition, then_branch, else_branch;
};

struct range_cell : spanned {
    char open = '[';
    boost::optional<operand> lower;
    boost::optional<operand> upper;
    char close = ')';
};
using cell = x3::variant<any_cell, range_cell, operand>;

/// Filled by semantic actions (any order, each at most once).
struct meta {
    std::optional<string_lit> cites, label, label_en;
};

struct enum_decl {
    name name_;
    std::vector<name> members;
    meta meta_;
};
struct fact_decl {
    name name_;
    type_expr type;
    meta meta_;
};
struct version : spanned {
    boost::optional<date_range> valid;
    operand value;
};
struct parameter_decl {
    bool is_override = false;
    name name_;
    type_expr type;
    meta meta_;
    std::vector<version> versions;
};
struct rule_decl {
    bool is_override = false;
    name name_;
    type_expr type;
    meta meta_;
    operand value;
};
struct exception_decl {
    name name_;
    name target;
    boost::optional<name> over;
    meta meta_;
    operand condition;
    operand value;
};
struct column {
    name name_;
    type_expr type;
};
struct row : spanned {
    std::vector<cell> cells;
    operand result;
};
struct table_decl {
    name name_;
    type_expr type;
    std::vector<column> columns;
    name hit;
    meta meta_;
    boost::optional<date_range> valid;
    std::vector<row> rows;
};
struct refusal_decl {
    name name_;
    meta meta_;
    operand condition;
};
/// Filled by semantic actions (any order, each at most once).
struct provision_items {
    std::optional<name> kind;
    std::optional<string_lit> category, product, unit_code, frequency;
    std::optional<operand> quantity, rate, budget;
};
struct provision_decl {
    name name_;
    meta meta_;
    provision_items items;
};

using declaration = x3::variant<enum_decl, fact_decl, parameter_decl, rule_decl, exception_decl,
                                table_decl, refusal_decl, provision_decl>;

/// Filled by semantic actions; `kind` mirrors syntax::HeaderItem::Kind.
struct header_item : spanned {
    int kind = 0;
    std::string text;
    boost::optional<date_range> valid;
};
struct header {
    name package;
    string_lit title;
    std::vector<header_item> items;
};

} // namespace billijk::syntax::ast

BOOST_FUSION_ADAPT_STRUCT(billijk::syntax::ast::unit_term, op, word)
BOOST_FUSION_ADAPT_STRUCT(billijk::syntax::ast::unit_expr, first, rest)
BOOST_FUSION_ADAPT_STRUCT(billijk::syntax::ast::date_range, from, to)
BOOST_FUSION_ADAPT_STRUCT(billijk::syntax::ast::operation, op, rhs)
BOOST_FUSION_ADAPT_STRUCT(billijk::syntax::ast::expression, first, rest)
BOOST_FUSION_ADAPT_STRUCT(billijk::syntax::ast::unary, op, operand_)
BOOST_FUSION_ADAPT_STRUCT(billijk::syntax::ast::call, callee, args)
BOOST_FUSION_ADAPT_STRUCT(billijk::syntax::ast::if_expr, condition, then_branch, else_branch)
BOOST_FUSION_ADAPT_STRUCT(billijk::syntax::ast::range_cell, open, lower, upper, close)
BOOST_FUSION_ADAPT_STRUCT(billijk::syntax::ast::enum_decl, name_, members, meta_)
BOOST_FUSION_ADAPT_STRUCT(billijk::syntax::ast::fact_decl, name_, type, meta_)
BOOST_FUSION_ADAPT_STRUCT(billijk::syntax::ast::version, valid, value)
BOOST_FUSION_ADAPT_STRUCT(billijk::syntax::ast::parameter_decl, is_override, name_, type, meta_,
                          versions)
BOOST_FUSION_ADAPT_STRUCT(billijk::syntax::ast::rule_decl, is_override, name_, type, meta_, value)
BOOST_FUSION_ADAPT_STRUCT(billijk::syntax::ast::exception_decl, name_, target, over, meta_,
                          condition, value)
BOOST_FUSION_ADAPT_STRUCT(billijk::syntax::ast::column, name_, type)
BOOST_FUSION_ADAPT_STRUCT(billijk::syntax::ast::row, cells, result)
BOOST_FUSION_ADAPT_STRUCT(billijk::syntax::ast::table_decl, name_, type, columns, hit, meta_, valid,
                          rows)
BOOST_FUSION_ADAPT_STRUCT(billijk::syntax::ast::refusal_decl, name_, meta_, condition)
BOOST_FUSION_ADAPT_STRUCT(billijk::syntax::ast::provision_decl, name_, meta_, items)
BOOST_FUSION_ADAPT_STRUCT(billijk::syntax::ast::header, package, title, items)

namespace billijk::syntax::detail {

/// Why one parse step stopped. Either an X3 expectation failure (`what` names the thing that was
/// expected, `begin` is where it was expected, before any whitespace) or an error raised by a
/// lexical primitive or a semantic action (`id`, `begin`/`end` and a complete `message`).
struct step_error {
    bool expectation = true;
    std::string what;
    std::string id;
    std::string message;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

enum class step { ok, no_match, error };

/// Each parses one item at byte offset `pos` of `text` and, on success, advances `pos` past it
/// and the whitespace and comments that follow. `no_match` means the first token did not fit.
step parse_header(std::string_view text, std::uint32_t& pos, ast::header& out, step_error& err);
step parse_import(std::string_view text, std::uint32_t& pos, ast::string_lit& out, step_error& err);
step parse_declaration(std::string_view text, std::uint32_t& pos, ast::declaration& out,
                       step_error& err);
step parse_expression(std::string_view text, std::uint32_t& pos, ast::operand& out,
                      step_error& err);
/// Skip whitespace and comments from `pos`.
std::uint32_t skip_blank(std::string_view text, std::uint32_t pos);

/// The words no identifier may be (keywords and unit words; see docs/rule-language.md).
bool is_reserved(std::string_view word);
/// A unit word: eur, hour(s), ..., count, percent.
bool is_unit_word(std::string_view word);

} // namespace billijk::syntax::detail
