// The checked, typed rule set: what the checker (sema/check.hpp) produces from the syntax trees
// and what the evaluator (eval/) runs. Free of Spirit X3 and of the syntax tree.
//
// Every declaration lives in one flat vector of `Program` and names its package. A package's
// `view` maps every name it can see (its own declarations, then those of the packages it extends,
// with `override` applied) to a declaration. Expressions refer to other declarations *by name*:
// the evaluator looks them up in the view of the municipal package chosen for the case, so an
// `override parameter` in a higher layer also changes the national rules that use it.
//
//   auto const& program = rules.program();
//   auto const& pkg = program.packages[0];
//   if (auto ref = pkg.lookup("hourly_rate"); ref && ref->kind == sema::DeclKind::rule)
//       auto const& rule = program.rules[ref->index];
#pragma once

#include "billijk/date.hpp"
#include "billijk/decimal.hpp"
#include "billijk/source.hpp"
#include "billijk/unit.hpp"
#include "plugin/plugin.hpp"
#include "sema/optional_text.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace billijk::sema {

enum class Layer { national, regional, municipal };
std::string_view to_string(Layer layer);

/// The type of a value: a number with a unit (count and percent are dimensionless), a boolean,
/// a date, text or a member of an enumeration. `error` marks an expression that already failed
/// to check, so that one mistake gives one diagnostic.
struct Type {
    enum class Kind { error, boolean, date, text, number, enumeration };
    Kind kind = Kind::error;
    Unit unit;              ///< for number
    OptionalText enum_name; ///< for enumeration

    static Type error() { return {}; }
    static Type boolean() { return {Kind::boolean, {}, {}}; }
    static Type date() { return {Kind::date, {}, {}}; }
    static Type text() { return {Kind::text, {}, {}}; }
    static Type number(Unit unit) { return {Kind::number, unit, {}}; }
    static Type enumeration(std::string name) { return {Kind::enumeration, {}, std::move(name)}; }

    bool is_error() const { return kind == Kind::error; }
    bool is_number() const { return kind == Kind::number; }
    /// "eur/hour", "count", "percent", "bool", "date", "text", "care_kind".
    std::string to_string() const;
    friend bool operator==(Type const& a, Type const& b);
};

/// A constant: a literal in the rules or a determined value during evaluation. The member of an
/// enumeration is kept by name in `text`.
struct Scalar {
    Type type;
    bool boolean = false;
    Decimal number;
    Date date;
    OptionalText text; ///< for text and enumeration members
    /// "27.00 eur/hour", "60%", "14", "true", "2017-06-01", "informal", "\"x\"" (text quoted only
    /// when `quote_text`).
    std::string to_string(bool quote_text = false) const;
    /// Appends to_string(quote_text) to `out`: no temporary per part.
    void append_to(std::string& out, bool quote_text = false) const;
    friend bool operator==(Scalar const& a, Scalar const& b);
};

/// A copy of `t` whose enumeration name views that of `t` (OptionalText::borrow): for a value
/// that lives no longer than `t`, as the evaluator's values live no longer than the program.
inline Type borrowed(Type const& t) {
    return {t.kind, t.unit, OptionalText::borrow(t.enum_name)};
}

/// A copy of `s` whose texts view those of `s` (see above).
inline Scalar borrowed(Scalar const& s) {
    return {borrowed(s.type), s.boolean, s.number, s.date, OptionalText::borrow(s.text)};
}

/// The case inputs the language knows by name.
enum class Input {
    decision_date,
    period_start,
    period_end,
    birth_date,
    request_provision,
    request_form,
    request_provider,
    request_rate,
    household_size,
    household_overloaded,
};
struct InputInfo {
    Input input;
    std::string_view name; ///< "request.rate"
    Type type;
};
/// Every case input with its name and type.
std::vector<InputInfo> const& inputs();

enum class Builtin { min, max, round, age_on, need, days_between };
std::string_view to_string(Builtin fn);

enum class UnaryOp { negate, logical_not };
enum class BinaryOp { add, sub, mul, div, eq, ne, lt, le, gt, ge, logical_and, logical_or };
std::string_view to_string(BinaryOp op); ///< "+", "==", "and", ...
/// Binding strength: or 1, and 2, comparisons 4, + - 5, * / 6 (not is 3, unary minus 7).
int precedence(BinaryOp op);

/// A typed expression. One flat struct for every form; `kids` holds the operands in order.
struct Expr {
    enum class Kind {
        literal, ///< `literal`
        input,   ///< `input`
        name,    ///< a fact, parameter or rule, by `name` (late bound: see the file comment)
        builtin, ///< `builtin`(kids...); for round: kids = {x, step}, `mode`
        table,   ///< table `name`(kids...)
        unary,   ///< `unary_op` kids[0]
        binary,  ///< kids[0] `binary_op` kids[1]
        if_then, ///< if kids[0] then kids[1] else kids[2]
        /// A plugin's tariff table `name`(key) or native function `name`(kids...): `plugin`
        /// indexes Program::plugins, `item` the plugin's tables or functions. `plugin` absent:
        /// no plugin for the package's municipality was loaded, the call is undetermined.
        plugin_table,
        plugin_function,
    };
    Kind kind = Kind::literal;
    Type type;
    Span span;
    std::string text; ///< the source text, whitespace collapsed and comments removed
    Scalar literal;
    Input input = Input::decision_date;
    std::string name;
    /// For `name` and `table`: the name's number in Program::symbols, by which the evaluator
    /// resolves it in
    /// the root package's view (Package::by_symbol) without comparing strings; `no_symbol` for
    /// an expression the checker did not number (it is then looked up by `name`).
    static constexpr std::uint32_t no_symbol = 0xffffffff;
    std::uint32_t symbol = no_symbol;
    Builtin builtin = Builtin::min;
    Rounding mode = Rounding::half_up;
    UnaryOp unary_op = UnaryOp::negate;
    BinaryOp binary_op = BinaryOp::add;
    std::vector<Expr> kids;
    std::optional<std::uint32_t> plugin; ///< plugin_table, plugin_function
    std::uint32_t item = 0;              ///< plugin_table, plugin_function
};

struct Meta {
    std::string cites, label, label_en;
    std::string const& english() const { return label_en.empty() ? label : label_en; }
};

/// An inclusive date range; `to` absent = open-ended.
struct DateRange {
    Date from;
    std::optional<Date> to;
    Span span;
    bool contains(Date d) const { return from <= d && (!to || d <= *to); }
    std::string to_string() const; ///< "2015-01-01..2017-12-31", "2015-01-01.."
};

using PackageId = std::uint32_t;
inline constexpr PackageId builtin_package = 0xffffffffu;

enum class DeclKind { enumeration, fact, parameter, rule, exception, table, refusal, provision };
std::string_view to_string(DeclKind kind); ///< "enumeration", "fact", "parameter", ...

struct DeclRef {
    DeclKind kind = DeclKind::rule;
    std::uint32_t index = 0;
    friend bool operator==(DeclRef const&, DeclRef const&) = default;
};

struct EnumDecl {
    std::string name;
    std::vector<std::string> members;
    PackageId package = builtin_package;
    Span span;
};
struct FactDecl {
    std::string name;
    Type type;
    Meta meta;
    PackageId package = 0;
    Span span;
};
struct ParameterVersion {
    std::optional<DateRange> valid; ///< absent for an undated value
    Expr value;
    Span span;
};
struct ParameterDecl {
    bool is_override = false;
    std::string name;
    Type type;
    Meta meta;
    std::vector<ParameterVersion> versions;
    PackageId package = 0;
    Span span, name_span;
};
struct RuleDecl {
    bool is_override = false;
    std::string name;
    Type type;
    Meta meta;
    Expr value;
    PackageId package = 0;
    Span span, name_span;
};
struct ExceptionDecl {
    std::string name;
    std::string target;
    std::optional<std::string> over;
    Meta meta;
    Expr condition;
    Expr value;
    PackageId package = 0;
    Span span, target_span;
};

enum class HitPolicy { unique, first, sum };

/// A table cell: any value, one value, or a range of values (bounds absent = unbounded).
struct Cell {
    enum class Kind { any, value, range } kind = Kind::any;
    Scalar value;                       ///< for value
    std::optional<Scalar> lower, upper; ///< for range
    bool lower_closed = true, upper_closed = false;
    /// For range: the bounds' order keys (sema/intervals.hpp), absent for an open end. The
    /// checker sets them once, so that a table call does not convert every bound of every row.
    std::optional<Decimal> lower_key, upper_key;
    Span span;
    std::string text; ///< as written: "-", "toezicht", "[3, 5)"
};
struct TableRow {
    std::vector<Cell> cells;
    Expr result;
    Span span;
};
struct TableColumn {
    std::string name;
    Type type;
};
/// One dated (or the only undated) version of a table.
struct TableVersion {
    Type type;
    std::vector<TableColumn> columns;
    HitPolicy hit = HitPolicy::unique;
    Meta meta;
    std::optional<DateRange> valid;
    std::vector<TableRow> rows;
    Span span;
    /// Rows by their first cell, when the first column holds text or enumeration members and each
    /// of its cells is one value or `-` (sema/table_index.hpp; set by the checker): a call tries
    /// only the rows its first argument can match, in row order.
    struct FirstCellIndex {
        /// Each value of the first column, sorted, with the rows that name it or have `-`.
        std::vector<std::pair<std::string, std::vector<std::uint32_t>>> by_value;
        std::vector<std::uint32_t> any_rows; ///< the rows with `-`: for a value no row names
    };
    std::optional<FirstCellIndex> first_cell_index;
};
/// All declarations of one table name in one package.
struct TableDecl {
    std::string name;
    std::vector<TableVersion> versions;
    PackageId package = 0;
    Span span;
};
struct RefusalDecl {
    std::string name;
    Meta meta;
    Expr condition;
    PackageId package = 0;
    Span span;
};
struct ProvisionDecl {
    std::string name;
    Meta meta;
    std::optional<std::string> kind; ///< care kind of short-form need items
    std::string category, product, unit_code, frequency;
    std::optional<Expr> quantity, rate, budget;
    PackageId package = 0;
    Span span;
};

struct Package {
    std::string name; ///< "barendrecht.jeugd"
    std::string title;
    Layer layer = Layer::national;
    std::string law;          ///< "jeugdwet", "wmo" or empty
    std::string municipality; ///< "GM0489" or empty
    std::vector<PackageId> extends;
    std::optional<DateRange> valid; ///< absent = always
    FileId file = 0;
    std::string path; ///< the file as shown in diagnostics
    std::string hash; ///< "sha256:..." over the file text
    Span span;
    /// The loaded plugin with this municipal package's CBS code (index in Program::plugins).
    std::optional<std::uint32_t> plugin;
    /// This package, then every package it extends, depth first, each once.
    std::vector<PackageId> lineage;
    /// Every name this package sees, after override: own declarations win.
    std::map<std::string, DeclRef> view;
    /// Enumeration members visible here (built-ins included): member → enumerations declaring it.
    std::map<std::string, std::vector<std::uint32_t>> members;
    /// The exceptions that apply to each rule name in this package's view (index in
    /// Program::exceptions), in lineage order, then declaration order: built once by the checker
    /// so that neither the checker nor the evaluator scans every exception for every rule.
    std::map<std::string, std::vector<std::uint32_t>, std::less<>> exceptions_by_target;
    /// `view` by symbol number (Program::symbols): what each name an expression uses means
    /// here, absent where this package does not see it.
    std::vector<std::optional<DeclRef>> by_symbol;
    /// The facts in `view`, by name (sorted): what a request's facts are resolved in, a few
    /// names instead of every name the package sees.
    std::vector<std::pair<std::string, std::uint32_t>> facts_by_name;

    /// The index in Program::facts of the fact `fact_name` means here, if it means one.
    std::optional<std::uint32_t> lookup_fact(std::string_view fact_name) const {
        auto it =
            std::lower_bound(facts_by_name.begin(), facts_by_name.end(), fact_name,
                             [](auto const& entry, std::string_view n) { return entry.first < n; });
        if (it == facts_by_name.end() || it->first != fact_name)
            return std::nullopt;
        return it->second;
    }

    std::optional<DeclRef> lookup(std::string const& key) const {
        auto it = view.find(key);
        if (it == view.end())
            return std::nullopt;
        return it->second;
    }
};

struct Program {
    std::vector<Package> packages;
    std::vector<EnumDecl> enums; ///< the built-in enumerations come first
    std::vector<FactDecl> facts;
    std::vector<ParameterDecl> parameters;
    std::vector<RuleDecl> rules;
    std::vector<ExceptionDecl> exceptions;
    std::vector<TableDecl> tables;
    std::vector<RefusalDecl> refusals;
    std::vector<ProvisionDecl> provisions;
    /// The accepted plugins load_rules was given, in load order. A municipal package sees the
    /// tables and functions of the plugin with its own municipality code (Package::plugin).
    std::vector<plugin::Plugin> plugins;
    /// Every name an expression refers to, numbered once (Expr::symbol).
    std::vector<std::string> symbols;

    std::optional<std::uint32_t> find_enum(std::string_view name) const;

    /// The number of facts, parameters and rules: the size of an evaluator's memo.
    std::uint32_t value_slots() const {
        return static_cast<std::uint32_t>(facts.size() + parameters.size() + rules.size());
    }
    /// A fact's, parameter's or rule's place in the memo; nothing for another kind.
    std::optional<std::uint32_t> value_slot(DeclRef ref) const {
        switch (ref.kind) {
        case DeclKind::fact:
            return ref.index;
        case DeclKind::parameter:
            return static_cast<std::uint32_t>(facts.size()) + ref.index;
        case DeclKind::rule:
            return static_cast<std::uint32_t>(facts.size() + parameters.size()) + ref.index;
        default:
            return std::nullopt;
        }
    }
};

/// The package and the name span of any declaration.
PackageId decl_package(Program const& p, DeclRef ref);
Span decl_span(Program const& p, DeclRef ref);

} // namespace billijk::sema
