// Exceptions that can never apply. Decided cheaply, by the same proof of exclusivity the
// checker uses for E0603 (lint/exprs.cpp); anything beyond it (arithmetic, comparisons with <
// or >, facts that imply each other in the world) is not decided and gives no finding.
//   L0501  the condition contradicts itself (`x == A and x == B`, `c and not c`, `false`)
//   L0502  an exception declared `over` it applies whenever it does, and so always wins
//   L0503  every place that reads the target rule does so under an `if` whose branch excludes
//          the exception's condition (the rule's own guard)
#include "lint/passes.hpp"

#include <set>

namespace billijk::lint {

using sema::ExceptionDecl;
using sema::Expr;
using sema::Program;

namespace {

/// `a` is declared over `b`, directly or through a chain of `over`, among `group`.
bool is_over(Program const& p, std::vector<std::uint32_t> const& group, std::uint32_t a,
             std::uint32_t b) {
    std::uint32_t at = a;
    for (std::size_t steps = 0; steps <= group.size(); ++steps) {
        auto const& over = p.exceptions[at].over;
        if (!over)
            return false;
        std::optional<std::uint32_t> next;
        for (auto g : group)
            if (p.exceptions[g].name == *over)
                next = g;
        if (!next)
            return false;
        if (*next == b)
            return true;
        at = *next;
    }
    return false;
}

void shadowed(Program const& p, Sink& sink) {
    std::set<std::uint32_t> reported;
    for (auto const& pkg : p.packages) {
        std::vector<std::uint32_t> all;
        for (auto pid : pkg.lineage)
            for (std::uint32_t i = 0; i < p.exceptions.size(); ++i)
                if (p.exceptions[i].package == pid)
                    all.push_back(i);
        for (auto a : all) {
            for (auto b : all) {
                auto const& ea = p.exceptions[a];
                auto const& eb = p.exceptions[b];
                if (a == b || ea.target != eb.target || reported.count(a) ||
                    !is_over(p, all, b, a) || !implies(ea.condition, eb.condition))
                    continue;
                reported.insert(a);
                auto& d = sink.add("L0502", ea.span,
                                   "exception '" + ea.name + "' never applies: '" + eb.name +
                                       "' is declared over it and holds whenever it does",
                                   "make the conditions differ, or remove '" + ea.name + "'");
                d.notes.push_back({eb.span, "'" + eb.name + "' applies when " + eb.condition.text});
            }
        }
    }
}

struct Guard {
    Expr const* condition;
    bool positive; ///< read in the `then` branch (true) or the `else` branch (false)
};

/// Whether the guard proves that `condition` does not hold.
bool excludes(Guard const& g, Expr const& condition) {
    return g.positive ? provably_exclusive(*g.condition, condition)
                      : implies(condition, *g.condition);
}

struct Reads {
    std::string const& target;
    Expr const& condition;
    std::size_t total = 0, excluded = 0;
    Span first_guard{};

    void visit(Expr const& e, std::vector<Guard>& guards) {
        if (e.kind == Expr::Kind::name && e.name == target) {
            ++total;
            for (auto const& g : guards)
                if (excludes(g, condition)) {
                    if (excluded++ == 0)
                        first_guard = g.condition->span;
                    break;
                }
        }
        if (e.kind == Expr::Kind::if_then && e.kids.size() == 3) {
            visit(e.kids[0], guards);
            guards.push_back({&e.kids[0], true});
            visit(e.kids[1], guards);
            guards.back().positive = false;
            visit(e.kids[2], guards);
            guards.pop_back();
            return;
        }
        for (auto const& kid : e.kids)
            visit(kid, guards);
    }
};

/// Packages whose expressions can read a name that resolves to a declaration of `package`.
bool shares_context(Program const& p, sema::PackageId a, sema::PackageId b) {
    for (sema::PackageId q = 0; q < p.packages.size(); ++q)
        if (package_sees(p, q, a) && package_sees(p, q, b))
            return true;
    return false;
}

void guarded(Program const& p, Sink& sink, std::vector<Owned> const& exprs) {
    for (auto const& e : p.exceptions) {
        if (never_holds(e.condition))
            continue; // L0501 says it already
        Reads reads{e.target, e.condition};
        std::vector<Guard> guards;
        for (auto const& owned : exprs)
            if (owned.expr != &e.condition && owned.expr != &e.value &&
                shares_context(p, owned.package, e.package))
                reads.visit(*owned.expr, guards);
        if (reads.total == 0 || reads.excluded != reads.total)
            continue;
        auto& d =
            sink.add("L0503", e.span,
                     "exception '" + e.name + "' never applies: every read of rule '" + e.target +
                         "' is under a condition that excludes " + e.condition.text,
                     "check the condition of '" + e.name +
                         "' against where the regulation applies '" + e.target + "'");
        d.notes.push_back(
            {reads.first_guard, "rule '" + e.target + "' is read under this condition"});
    }
}

} // namespace

void lint_exceptions(Program const& p, Sink& sink) {
    for (auto const& e : p.exceptions)
        if (never_holds(e.condition))
            sink.add("L0501", e.condition.span,
                     "the condition of exception '" + e.name + "' can never hold",
                     "two parts of the condition exclude each other; check which one the "
                     "regulation means");
    shadowed(p, sink);
    guarded(p, sink, all_expressions(p));
}

} // namespace billijk::lint
