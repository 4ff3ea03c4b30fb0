// A value rounded twice: round(x, s, mode) where x already is the result of a round — directly,
// through a named rule (looked up in the view of the package that writes the outer round), or in
// every branch of an `if` / every argument of min/max.
//   L0601  the inner step is the same as or a multiple of the outer one: the outer round changes
//          nothing and suggests the writer expected it to
//   L0602  the inner step is finer (or not a multiple): the result can differ from rounding once
//          (1.0049 → 1.005 → 1.01, where one half-up rounding to 0.01 gives 1.00)
// Steps are compared only when both are number literals of the same unit.
#include "lint/passes.hpp"

#include <set>

namespace billijk::lint {

using sema::Builtin;
using sema::Expr;
using sema::Program;

namespace {

struct Rounded {
    sema::Scalar step;
    Span span; ///< the inner round
};

std::optional<sema::Scalar> literal_step(Expr const& round) {
    if (round.kids.size() < 2 || round.kids[1].kind != Expr::Kind::literal ||
        !round.kids[1].literal.type.is_number())
        return std::nullopt;
    return round.kids[1].literal;
}

/// b is a whole multiple of a (both > 0).
bool multiple_of(Decimal const& b, Decimal const& a) {
    if (a.is_zero())
        return false;
    auto q = div(b, a);
    if (!q.value)
        return false;
    auto whole = q.value->round(Decimal::from_int(1), Rounding::down);
    return whole.value && (*whole.value <=> *q.value) == 0;
}

/// The finer of two steps when one is a multiple of the other (so every value is a multiple
/// of it); nullopt otherwise.
std::optional<Rounded> common(std::optional<Rounded> a, std::optional<Rounded> b) {
    if (!a || !b || !(a->step.type == b->step.type))
        return std::nullopt;
    if (multiple_of(a->step.number, b->step.number))
        return b;
    if (multiple_of(b->step.number, a->step.number))
        return a;
    return std::nullopt;
}

struct Finder {
    Program const& p;
    sema::Package const& pkg;
    std::set<std::string> active; ///< names being followed (cycles are E-errors, but be safe)

    std::optional<Rounded> rounded(Expr const& e) {
        switch (e.kind) {
        case Expr::Kind::builtin:
            if (e.builtin == Builtin::round) {
                if (auto s = literal_step(e))
                    return Rounded{*s, e.span};
                return std::nullopt;
            }
            if ((e.builtin == Builtin::min || e.builtin == Builtin::max) && !e.kids.empty()) {
                auto out = rounded(e.kids[0]);
                for (std::size_t i = 1; i < e.kids.size() && out; ++i)
                    out = common(out, rounded(e.kids[i]));
                return out;
            }
            return std::nullopt;
        case Expr::Kind::if_then:
            return e.kids.size() == 3 ? common(rounded(e.kids[1]), rounded(e.kids[2]))
                                      : std::nullopt;
        case Expr::Kind::name: {
            auto ref = pkg.lookup(e.name);
            if (!ref || ref->kind != sema::DeclKind::rule || !active.insert(e.name).second)
                return std::nullopt;
            auto out = rounded(p.rules[ref->index].value);
            active.erase(e.name);
            return out;
        }
        default:
            return std::nullopt;
        }
    }
};

void visit(Program const& p, Sink& sink, sema::Package const& pkg, Expr const& e) {
    if (e.kind == Expr::Kind::builtin && e.builtin == Builtin::round && !e.kids.empty()) {
        auto outer = literal_step(e);
        Finder finder{p, pkg, {}};
        auto inner = finder.rounded(e.kids[0]);
        if (outer && inner && inner->step.type == outer->type) {
            bool redundant = multiple_of(inner->step.number, outer->number);
            auto& d = redundant
                          ? sink.add("L0601", e.span,
                                     "rounding to " + outer->to_string() +
                                         " a value already rounded to " + inner->step.to_string() +
                                         " changes nothing",
                                     "remove the outer round, or round once where the "
                                     "regulation says so")
                          : sink.add("L0602", e.span,
                                     "rounding to " + outer->to_string() +
                                         " a value already rounded to " + inner->step.to_string() +
                                         " can differ from rounding once",
                                     "round once, at the step the regulation names; keep "
                                     "intermediate values exact");
            d.notes.push_back({inner->span, "rounded to " + inner->step.to_string() + " here"});
        }
    }
    for (auto const& kid : e.kids)
        visit(p, sink, pkg, kid);
}

} // namespace

void lint_rounding(Program const& p, Sink& sink) {
    for (auto const& owned : all_expressions(p))
        visit(p, sink, p.packages[owned.package], *owned.expr);
}

} // namespace billijk::lint
