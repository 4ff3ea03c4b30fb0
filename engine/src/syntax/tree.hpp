// The syntax tree of one rule file, free of Spirit X3 types.
//
// The parser (syntax/parse.hpp) produces a `File`; the checker (sema/) resolves names and units
// on it and produces the typed IR. Every node carries a `Span` (byte offsets into the source),
// from which diagnostics derive line and column. Literals keep their source text so that exact
// decimals are never passed through binary floating point.
//
//   auto parsed = billijk::syntax::parse(source);      // Result<File>
//   for (auto const& decl : parsed.value().declarations) ...
#pragma once

#include "billijk/source.hpp"

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace billijk::syntax {

struct Name {
    std::string text; ///< identifier or dotted qualified name, e.g. "request.rate"
    Span span;
};

/// A unit as written: base-unit words joined by '*' and '/', e.g. {"eur", '/', "hour"}.
struct UnitTerm {
    char op = '*';    ///< '*' or '/' applied to this word; the first term always has '*'
    std::string word; ///< as written: "hours", "eur", "fourweeks"
};
struct UnitExpr {
    std::vector<UnitTerm> terms;
    Span span;
};

/// A declared type: bool, date, text, count, percent, a unit expression, or an enumeration name.
struct TypeExpr {
    enum class Kind { boolean, date, text, count, percent, unit, named } kind = Kind::count;
    UnitExpr unit;    ///< for Kind::unit
    std::string name; ///< for Kind::named (an enumeration)
    Span span;
};

struct DateRange {
    std::string from;              ///< ISO date text "2015-01-01"
    std::optional<std::string> to; ///< inclusive; absent = open-ended
    Span span;
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct NumberLit {
    std::string text;             ///< digits as written, e.g. "45.00"
    bool percent = false;         ///< written with '%'
    std::optional<UnitExpr> unit; ///< written with a unit
};
struct DateLit {
    std::string text;
};
struct StringLit {
    std::string value;
}; ///< escapes already resolved
struct BoolLit {
    bool value = false;
};
struct NameRef {
    std::string name;
}; ///< identifier or qualified name
struct Call {
    Name callee;
    std::vector<ExprPtr> args;
};
struct Unary {
    enum class Op { negate, logical_not } op = Op::negate;
    ExprPtr operand;
};
struct Binary {
    enum class Op {
        add,
        sub,
        mul,
        div,
        eq,
        ne,
        lt,
        le,
        gt,
        ge,
        logical_and,
        logical_or
    } op = Op::add;
    ExprPtr lhs, rhs;
};
struct IfExpr {
    ExprPtr condition, then_branch, else_branch;
};

struct Expr {
    std::variant<NumberLit, DateLit, StringLit, BoolLit, NameRef, Call, Unary, Binary, IfExpr> node;
    Span span;
};

/// cites / label / label_en, each optional in the syntax; the checker demands cites and label.
struct Meta {
    std::optional<std::string> cites, label, label_en;
    Span cites_span, label_span;
};

struct EnumDecl {
    Name name;
    std::vector<Name> members;
    Meta meta;
};
struct FactDecl {
    Name name;
    TypeExpr type;
    Meta meta;
};
struct Version {
    std::optional<DateRange> valid; ///< absent for an undated value
    ExprPtr value;
    Span span;
};
struct ParameterDecl {
    bool is_override = false;
    Name name;
    TypeExpr type;
    Meta meta;
    std::vector<Version> versions; ///< one undated, or one or more dated
};
struct RuleDecl {
    bool is_override = false;
    Name name;
    TypeExpr type;
    Meta meta;
    ExprPtr value;
};
struct ExceptionDecl {
    Name name;
    Name target;              ///< the rule it deviates from
    std::optional<Name> over; ///< the exception it takes precedence over
    Meta meta;
    ExprPtr condition;
    ExprPtr value;
};
struct TableColumn {
    Name name;
    TypeExpr type;
};
struct RangeCell {
    bool lower_closed = true, upper_closed = false;
    ExprPtr lower, upper; ///< null = unbounded on that side
};
struct AnyCell {};
struct Cell {
    std::variant<AnyCell, RangeCell, ExprPtr> value;
    Span span;
};
struct TableRow {
    std::vector<Cell> cells;
    ExprPtr result;
    Span span;
};
struct TableDecl {
    Name name;
    TypeExpr type;
    std::vector<TableColumn> columns;
    Name hit; ///< "unique", "first" or "sum" (checked by sema)
    Meta meta;
    std::optional<DateRange> valid;
    std::vector<TableRow> rows;
};
struct RefusalDecl {
    Name name;
    Meta meta;
    ExprPtr condition;
};
struct ProvisionDecl {
    Name name;
    Meta meta;
    std::optional<Name> kind;
    std::optional<std::string> category, product, unit_code, frequency;
    ExprPtr quantity, rate, budget; ///< null when not given
};

using Declaration = std::variant<EnumDecl, FactDecl, ParameterDecl, RuleDecl, ExceptionDecl,
                                 TableDecl, RefusalDecl, ProvisionDecl>;

struct HeaderItem {
    enum class Kind { layer, law, municipality, extends, valid } kind = Kind::layer;
    std::string text; ///< for layer, law, municipality, extends
    std::optional<DateRange> valid;
    Span span;
};
struct Import {
    std::string path; ///< as written, relative to the importing file
    Span span;
};
struct File {
    Name package;
    std::string title;
    std::vector<HeaderItem> header;
    std::vector<Import> imports;
    std::vector<Declaration> declarations;
    Span span;
};

} // namespace billijk::syntax
