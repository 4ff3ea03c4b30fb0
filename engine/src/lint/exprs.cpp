// Expression helpers shared by the lint passes (lint/passes.hpp). The exclusivity proof repeats
// the checker's (sema/exceptions.cpp, internal there) so that lint and checker agree on what is
// "provably exclusive".
#include "lint/passes.hpp"

#include <algorithm>

namespace billijk::lint {

using sema::BinaryOp;
using sema::Expr;

Diagnostic& Sink::add(std::string id, std::optional<Span> span, std::string message,
                      std::string hint) {
    Finding f;
    f.diagnostic.id = std::move(id);
    f.diagnostic.severity = Severity::warning;
    f.diagnostic.span = span;
    f.diagnostic.message = std::move(message);
    f.hint = std::move(hint);
    out_.push_back(std::move(f));
    return out_.back().diagnostic;
}

std::vector<Owned> all_expressions(sema::Program const& p) {
    std::vector<Owned> out;
    for (auto const& d : p.parameters)
        for (auto const& v : d.versions)
            out.push_back({&v.value, d.package});
    for (auto const& d : p.rules)
        out.push_back({&d.value, d.package});
    for (auto const& d : p.exceptions) {
        out.push_back({&d.condition, d.package});
        out.push_back({&d.value, d.package});
    }
    for (auto const& d : p.tables)
        for (auto const& v : d.versions)
            for (auto const& row : v.rows)
                out.push_back({&row.result, d.package});
    for (auto const& d : p.refusals)
        out.push_back({&d.condition, d.package});
    for (auto const& d : p.provisions)
        for (auto const* e : {&d.quantity, &d.rate, &d.budget})
            if (*e)
                out.push_back({&**e, d.package});
    return out;
}

void names_read(Expr const& e, std::vector<Expr const*>& out) {
    if (e.kind == Expr::Kind::name || e.kind == Expr::Kind::table)
        out.push_back(&e);
    for (auto const& kid : e.kids)
        names_read(kid, out);
}

void conjuncts(Expr const& e, std::vector<Expr const*>& out) {
    if (e.kind == Expr::Kind::binary && e.binary_op == BinaryOp::logical_and) {
        conjuncts(e.kids[0], out);
        conjuncts(e.kids[1], out);
        return;
    }
    out.push_back(&e);
}

namespace {

struct Comparison {
    std::string subject; ///< the text of the non-constant side
    sema::Scalar constant;
    bool equal = true;
};

std::optional<Comparison> as_comparison(Expr const& e) {
    if (e.kind != Expr::Kind::binary ||
        (e.binary_op != BinaryOp::eq && e.binary_op != BinaryOp::ne))
        return std::nullopt;
    auto const& l = e.kids[0];
    auto const& r = e.kids[1];
    bool equal = e.binary_op == BinaryOp::eq;
    if (r.kind == Expr::Kind::literal && l.kind != Expr::Kind::literal)
        return Comparison{l.text, r.literal, equal};
    if (l.kind == Expr::Kind::literal && r.kind != Expr::Kind::literal)
        return Comparison{r.text, l.literal, equal};
    return std::nullopt;
}

bool negation_of(Expr const& a, Expr const& b) {
    return a.kind == Expr::Kind::unary && a.unary_op == sema::UnaryOp::logical_not &&
           a.kids[0].text == b.text;
}

bool is_bool_literal(Expr const& e, bool value) {
    return e.kind == Expr::Kind::literal && e.literal.type.kind == sema::Type::Kind::boolean &&
           e.literal.boolean == value;
}

bool atoms_exclusive(Expr const& a, Expr const& b) {
    if (is_bool_literal(a, false) || is_bool_literal(b, false))
        return true;
    if (negation_of(a, b) || negation_of(b, a))
        return true;
    auto ca = as_comparison(a);
    auto cb = as_comparison(b);
    if (!ca || !cb || ca->subject != cb->subject)
        return false;
    if (ca->equal && cb->equal)
        return !(ca->constant == cb->constant);
    if (ca->equal != cb->equal)
        return ca->constant == cb->constant;
    return false;
}

} // namespace

bool provably_exclusive(Expr const& a, Expr const& b) {
    std::vector<Expr const*> as, bs;
    conjuncts(a, as);
    conjuncts(b, bs);
    for (auto const* x : as)
        for (auto const* y : bs)
            if (atoms_exclusive(*x, *y))
                return true;
    return false;
}

bool never_holds(Expr const& condition) {
    std::vector<Expr const*> cs;
    conjuncts(condition, cs);
    for (std::size_t i = 0; i < cs.size(); ++i) {
        if (is_bool_literal(*cs[i], false))
            return true;
        for (std::size_t j = i + 1; j < cs.size(); ++j)
            if (atoms_exclusive(*cs[i], *cs[j]))
                return true;
    }
    return false;
}

bool implies(Expr const& a, Expr const& b) {
    if (is_bool_literal(b, true))
        return true;
    std::vector<Expr const*> as, bs;
    conjuncts(a, as);
    conjuncts(b, bs);
    return std::all_of(bs.begin(), bs.end(), [&](Expr const* y) {
        return std::any_of(as.begin(), as.end(), [&](Expr const* x) { return x->text == y->text; });
    });
}

bool package_sees(sema::Program const& p, sema::PackageId viewer, sema::PackageId declarer) {
    auto const& lineage = p.packages[viewer].lineage;
    return std::find(lineage.begin(), lineage.end(), declarer) != lineage.end();
}

} // namespace billijk::lint
