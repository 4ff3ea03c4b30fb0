// Internal to sema/: the state shared by the checker phases, and the phases themselves.
//
// `check` (check.cpp) builds a `Checker` and runs the phases in order:
//   declare_packages  package headers, extends, lineage, municipal overlaps   (packages.cpp)
//   declare_items     one IR declaration per syntax declaration, meta copied  (declare.cpp)
//   build_views       names per package, override and duplicates             (layering.cpp)
//   bind_plugins      municipal package → plugin by CBS code, name clashes    (plugins.cpp)
//   resolve_types     declared types of facts, parameters, rules, tables     (types.cpp)
//   check_bodies      expressions of every declaration                       (bodies.cpp)
//   check_tables      cells, hit policy, overlap and coverage                (tables.cpp)
//   check_dating      dates, version overlaps and gaps                       (dating.cpp)
//   check_exceptions  targets, types, the index by target, conflicts         (exceptions.cpp)
//   check_cycles      cycles between rules, parameters and tables            (cycles.cpp)
//   check_meta        cites and label                                        (meta.cpp)
//   resolve_symbols   each package's view by symbol number, for the evaluator (symbols.cpp)
#pragma once

#include "sema/check.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace billijk::sema {

struct Checker {
    SourceSet const& sources;
    Diagnostics& diags;
    Program& program;
    std::vector<CheckInput> const& files;

    /// The syntax declaration behind each IR declaration, index for index.
    std::vector<syntax::FactDecl const*> fact_src;
    std::vector<syntax::ParameterDecl const*> parameter_src;
    std::vector<syntax::RuleDecl const*> rule_src;
    std::vector<syntax::ExceptionDecl const*> exception_src;
    std::vector<std::vector<syntax::TableDecl const*>> table_src; ///< one per version
    std::vector<syntax::RefusalDecl const*> refusal_src;
    std::vector<syntax::ProvisionDecl const*> provision_src;
    /// The number of each name in Program::symbols (only needed while checking).
    std::map<std::string, std::uint32_t, std::less<>> symbol_numbers;

    Diagnostic& error(std::string id, std::optional<Span> span, std::string message) {
        return diags.error(std::move(id), span, std::move(message));
    }
    std::string text(Span span) const;
};

void declare_packages(Checker& c);
void declare_items(Checker& c);
void build_views(Checker& c);
void bind_plugins(Checker& c);
void resolve_types(Checker& c);
void check_bodies(Checker& c);
void check_tables(Checker& c);
void check_dating(Checker& c);
void check_exceptions(Checker& c);
void check_cycles(Checker& c);
void check_meta(Checker& c);
/// The number of `name` in Program::symbols, added when new (symbols.cpp).
std::uint32_t intern_symbol(Checker& c, std::string const& name);
/// Fills every package's `by_symbol` from its view, once every expression is checked.
void resolve_symbols(Program& program);

// ---- helpers shared between phases ----

/// The source text of `span` with comments removed and whitespace runs collapsed to one space.
std::string collapsed_text(SourceSet const& sources, Span span);

/// The closest candidate within a small edit distance, for "did you mean" notes.
std::optional<std::string> closest_name(std::string const& name,
                                        std::vector<std::string> const& candidates);
/// Adds a "did you mean 'x'?" note when a close candidate exists.
void add_did_you_mean(Diagnostic& d, std::string const& name,
                      std::vector<std::string> const& candidates);

/// The unit written as words; reports unknown words (E0310) and returns nullopt then.
std::optional<Unit> resolve_unit(Checker& c, syntax::UnitExpr const& unit);
/// A declared type; enumeration names are looked up in `package`'s view (E0219).
Type resolve_type(Checker& c, PackageId package, syntax::TypeExpr const& type);

/// Parses an ISO date written in the rules; reports E0501 at `span` when impossible.
std::optional<Date> parse_date(Checker& c, std::string const& text, Span span);
/// Parses a range; reports E0501/E0502. nullopt when it has an error.
std::optional<DateRange> parse_range(Checker& c, syntax::DateRange const& range);

/// Type-checks an expression in `package`'s view. `hint` resolves bare enumeration members.
Expr check_expr(Checker& c, PackageId package, syntax::Expr const& expr,
                Type const* hint = nullptr);
/// Reports E0302 when `actual` is not `declared` (both known).
void expect_type(Checker& c, Type const& declared, Expr const& actual, std::string const& what,
                 Span declared_span);

/// Overlapping rows and uncovered inputs of a `hit unique` table version (coverage.cpp).
void check_unique_table(Checker& c, TableDecl const& table, TableVersion const& version);

/// The sema type of a plugin's declared type ("eur/hour" → number, "text", "date", "bool").
Type plugin_type(plugin::ValueType const& type);

/// Names of the packages: "package 'x'".
std::string const& package_name(Checker const& c, PackageId id);

} // namespace billijk::sema
