// Rounding explanations for one row (tables/analysis.hpp): recompute the rule's expression with
// one part rounded, reusing the probe's evaluator for every part that is left as it is.
#include "tables/analysis.hpp"

#include <algorithm>

namespace billijk::tables {

namespace {

using sema::BinaryOp;
using sema::Expr;

std::optional<Decimal> value_of(eval::RuleProbe& probe, Expr const& e) {
    auto t = probe.trace(e, "tables verify");
    if (!t.value.determined() || !t.value.scalar->type.is_number())
        return std::nullopt;
    return t.value.scalar->number;
}

bool contains(Expr const& e, Expr const* target) {
    if (&e == target)
        return true;
    return std::any_of(e.kids.begin(), e.kids.end(),
                       [&](Expr const& k) { return contains(k, target); });
}

bool arithmetic(Expr const& e) {
    return e.kind == Expr::Kind::binary && e.type.is_number() &&
           (e.binary_op == BinaryOp::add || e.binary_op == BinaryOp::sub ||
            e.binary_op == BinaryOp::mul || e.binary_op == BinaryOp::div);
}

/// Every arithmetic node strictly inside `e`, outermost first.
void intermediates(Expr const& e, std::vector<Expr const*>& out) {
    for (auto const& k : e.kids) {
        if (arithmetic(k))
            out.push_back(&k);
        intermediates(k, out);
    }
}

/// `e` evaluated with `target` (inside it) rounded `way`; absent when any part is undetermined or
/// the target sits where a recomputation cannot follow it (a condition, a table key).
std::optional<Decimal> recompute(eval::RuleProbe& probe, Expr const& e, Expr const* target,
                                 Way const& way) {
    if (&e == target) {
        auto v = value_of(probe, e);
        return v ? v->round(way.step, way.mode).value : std::nullopt;
    }
    if (!contains(e, target))
        return value_of(probe, e);
    auto kid = [&](std::size_t i) { return recompute(probe, e.kids[i], target, way); };
    switch (e.kind) {
    case Expr::Kind::binary: {
        auto l = kid(0), r = kid(1);
        if (!l || !r || !arithmetic(e))
            return std::nullopt;
        switch (e.binary_op) {
        case BinaryOp::add:
            return add(*l, *r).value;
        case BinaryOp::sub:
            return sub(*l, *r).value;
        case BinaryOp::mul:
            return mul(*l, *r).value;
        case BinaryOp::div:
            return div(*l, *r).value;
        default:
            return std::nullopt;
        }
    }
    case Expr::Kind::unary: {
        auto v = kid(0);
        if (!v || e.unary_op != sema::UnaryOp::negate)
            return std::nullopt;
        return negate(*v);
    }
    case Expr::Kind::builtin: {
        if (e.builtin == sema::Builtin::round) {
            auto v = kid(0);
            auto step = value_of(probe, e.kids[1]);
            return v && step ? v->round(*step, e.mode).value : std::nullopt;
        }
        if (e.builtin != sema::Builtin::min && e.builtin != sema::Builtin::max)
            return std::nullopt;
        std::optional<Decimal> best;
        for (std::size_t i = 0; i < e.kids.size(); ++i) {
            auto v = kid(i);
            if (!v)
                return std::nullopt;
            bool const better = best && (e.builtin == sema::Builtin::min ? *v < *best : *v > *best);
            if (!best || better)
                best = v;
        }
        return best;
    }
    case Expr::Kind::if_then: {
        if (contains(e.kids[0], target))
            return std::nullopt;
        auto c = probe.trace(e.kids[0], "tables verify");
        if (!c.value.determined())
            return std::nullopt;
        return kid(c.value.scalar->boolean ? 1 : 2);
    }
    default:
        return std::nullopt;
    }
}

} // namespace

Analysis analyse(eval::RuleProbe& probe, sema::RuleDecl const& rule, Decimal const& published) {
    Analysis a;
    Expr const* x = &rule.value;
    if (rule.value.kind == Expr::Kind::builtin && rule.value.builtin == sema::Builtin::round) {
        x = &rule.value.kids[0];
        if (auto step = value_of(probe, rule.value.kids[1]))
            a.stated = Way{rule.value.mode, *step};
    }
    a.exact = value_of(probe, *x);
    if (!a.exact)
        return a;
    if (*a.exact == published)
        a.fits.push_back({{}, std::nullopt});
    for (auto const& way : roundings_giving(*a.exact, published))
        a.fits.push_back({{}, way});
    std::vector<Expr const*> parts;
    intermediates(*x, parts);
    for (auto const* part : parts) {
        for (auto const& way : candidate_ways()) {
            auto v = recompute(probe, *x, part, way);
            if (v && a.stated)
                v = v->round(a.stated->step, a.stated->mode).value;
            if (v && *v == published)
                a.fits.push_back({part->text, way});
        }
    }
    return a;
}

std::string describe(Fit const& fit) {
    if (!fit.way)
        return "no rounding: the exact value";
    if (fit.intermediate.empty())
        return describe(*fit.way) + " of the end result";
    return describe(*fit.way) + " of the intermediate `" + fit.intermediate +
           "`, then the rest of the rule as stated";
}

} // namespace billijk::tables
