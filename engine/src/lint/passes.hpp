// Internal to lint/: the sink every pass writes to, the passes (one file each), and the
// expression helpers they share (exprs.cpp).
#pragma once

#include "lint/lint.hpp"
#include "sema/ir.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace billijk::lint {

class Sink {
  public:
    explicit Sink(std::vector<Finding>& out) : out_(out) {}
    /// Adds a warning; returns its diagnostic so the pass can attach notes.
    Diagnostic& add(std::string id, std::optional<Span> span, std::string message,
                    std::string hint);

  private:
    std::vector<Finding>& out_;
};

void lint_meta(sema::Program const& p, Sink& sink);       // L01xx  meta.cpp
void lint_usage(sema::Program const& p, Sink& sink);      // L02xx  usage.cpp
void lint_dates(sema::Program const& p, Sink& sink);      // L03xx  dates.cpp
void lint_tables(sema::Program const& p, Sink& sink);     // L04xx  tables.cpp
void lint_exceptions(sema::Program const& p, Sink& sink); // L05xx  exceptions.cpp
void lint_rounding(sema::Program const& p, Sink& sink);   // L06xx  rounding.cpp

// ---- shared helpers (exprs.cpp) ----

/// Every expression a declaration owns, with the package it is written in.
struct Owned {
    sema::Expr const* expr;
    sema::PackageId package;
};
std::vector<Owned> all_expressions(sema::Program const& p);

/// Names read by `e` (facts, parameters, rules by name; tables by call), in order.
void names_read(sema::Expr const& e, std::vector<sema::Expr const*>& out);

/// The conjuncts of `a and b and ...`.
void conjuncts(sema::Expr const& e, std::vector<sema::Expr const*>& out);
/// True when the two conditions cannot both hold, proven as the checker does for exceptions
/// (`x == A` vs `x == B`, `x == A` vs `x != A`, `c` vs `not c`, on any pair of conjuncts), or
/// when one of them is the literal `false`.
bool provably_exclusive(sema::Expr const& a, sema::Expr const& b);
/// True when the condition is `false` or two of its own conjuncts exclude each other.
bool never_holds(sema::Expr const& condition);
/// True when `a` holding proves `b` (every conjunct of b is, as text, a conjunct of a; or b is
/// the literal `true`).
bool implies(sema::Expr const& a, sema::Expr const& b);

/// Per package, taken as the evaluation context: the names reached from the provisions it sees
/// and the refusals of its lineage, followed through its view (reach.cpp).
std::vector<std::set<std::string>> reached_names(sema::Program const& p);

/// True when `declarer` is `viewer` or a package it extends (directly or not).
bool package_sees(sema::Program const& p, sema::PackageId viewer, sema::PackageId declarer);

} // namespace billijk::lint
