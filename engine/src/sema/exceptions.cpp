// Exceptions ("in afwijking van"): the target is a rule, the value has the rule's type, `over`
// names an exception to the same rule, and two exceptions to one rule must be provably exclusive
// unless one is declared over the other. Exclusivity is proven for `x == A` vs `x == B` (A ≠ B),
// `x == A` vs `x != A`, and `c` vs `not c`, each possibly one conjunct of an `and`.
#include "sema/checker.hpp"

#include <map>
#include <set>

namespace billijk::sema {

namespace {

void conjuncts(Expr const& e, std::vector<Expr const*>& out) {
    if (e.kind == Expr::Kind::binary && e.binary_op == BinaryOp::logical_and) {
        conjuncts(e.kids[0], out);
        conjuncts(e.kids[1], out);
        return;
    }
    out.push_back(&e);
}

struct Comparison {
    std::string subject; ///< the text of the non-constant side
    Scalar constant;
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
    return a.kind == Expr::Kind::unary && a.unary_op == UnaryOp::logical_not &&
           a.kids[0].text == b.text;
}

bool atoms_exclusive(Expr const& a, Expr const& b) {
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

void check_one(Checker& c, std::size_t i) {
    auto& e = c.program.exceptions[i];
    auto const& src = *c.exception_src[i];
    auto const& pkg = c.program.packages[e.package];
    Type const* rule_type = nullptr;
    auto target = pkg.lookup(e.target);
    if (!target || target->kind != DeclKind::rule) {
        auto& d = c.error(
            "E0601", e.target_span,
            target ? "exception '" + e.name + "' deviates from '" + e.target + "', which is a " +
                         std::string(to_string(target->kind)) + ", not a rule"
                   : "exception '" + e.name + "' deviates from unknown rule '" + e.target + "'");
        std::vector<std::string> rules;
        for (auto const& [name, ref] : pkg.view)
            if (ref.kind == DeclKind::rule)
                rules.push_back(name);
        add_did_you_mean(d, e.target, rules);
    } else {
        rule_type = &c.program.rules[target->index].type;
    }
    e.condition = check_expr(c, e.package, *src.condition);
    if (!e.condition.type.is_error() && e.condition.type.kind != Type::Kind::boolean)
        c.error("E0304", e.condition.span,
                "condition of exception '" + e.name + "' must be bool, found '" +
                    e.condition.type.to_string() + "'");
    e.value = check_expr(c, e.package, *src.value, rule_type);
    if (rule_type && !rule_type->is_error() && !e.value.type.is_error() &&
        !(*rule_type == e.value.type)) {
        auto& d =
            c.error("E0602", e.value.span,
                    "exception '" + e.name + "' has type '" + e.value.type.to_string() +
                        "' but rule '" + e.target + "' has type '" + rule_type->to_string() + "'");
        d.notes.push_back({c.program.rules[target->index].span, "rule declared here"});
    }
    if (e.over && src.over) {
        auto over = pkg.lookup(*e.over);
        if (!over || over->kind != DeclKind::exception) {
            c.error("E0604", src.over->span,
                    "exception '" + e.name + "' is declared over '" + *e.over +
                        "', which is not an exception");
        } else if (c.program.exceptions[over->index].target != e.target) {
            c.error("E0604", src.over->span,
                    "exception '" + e.name + "' is declared over '" + *e.over +
                        "', which deviates from another rule ('" +
                        c.program.exceptions[over->index].target + "')");
        }
    }
}

/// True when `a` is declared over `b`, directly or through a chain of `over`.
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

void check_conflicts(Checker& c) {
    auto const& program = c.program;
    std::set<std::pair<std::uint32_t, std::uint32_t>> reported;
    for (auto const& pkg : program.packages) {
        for (auto const& [target, group] : pkg.exceptions_by_target) {
            for (std::size_t x = 0; x < group.size(); ++x) {
                for (std::size_t y = x + 1; y < group.size(); ++y) {
                    auto a = std::min(group[x], group[y]);
                    auto b = std::max(group[x], group[y]);
                    auto const& ea = program.exceptions[a];
                    auto const& eb = program.exceptions[b];
                    if (ea.condition.type.is_error() || eb.condition.type.is_error())
                        continue;
                    if (is_over(program, group, a, b) || is_over(program, group, b, a))
                        continue;
                    if (provably_exclusive(ea.condition, eb.condition))
                        continue;
                    if (!reported.insert({a, b}).second)
                        continue;
                    auto& d = c.error("E0603", eb.span,
                                      "exceptions '" + ea.name + "' and '" + eb.name +
                                          "' to rule '" + target + "' can both apply");
                    d.notes.push_back(
                        {ea.condition.span, "'" + ea.name + "' applies when " + ea.condition.text});
                    d.notes.push_back(
                        {eb.condition.span, "'" + eb.name + "' applies when " + eb.condition.text});
                    d.notes.push_back({std::nullopt, "make the conditions exclusive, or write "
                                                     "`exception " +
                                                         eb.name + " to " + target + " over " +
                                                         ea.name + "`"});
                }
            }
        }
    }
}

} // namespace

namespace {

void index_exceptions(Program& program) {
    for (auto& pkg : program.packages) {
        pkg.exceptions_by_target.clear();
        for (auto pid : pkg.lineage)
            for (std::uint32_t i = 0; i < program.exceptions.size(); ++i)
                if (program.exceptions[i].package == pid)
                    pkg.exceptions_by_target[program.exceptions[i].target].push_back(i);
    }
}

} // namespace

void check_exceptions(Checker& c) {
    for (std::size_t i = 0; i < c.program.exceptions.size(); ++i)
        check_one(c, i);
    index_exceptions(c.program);
    check_conflicts(c);
}

} // namespace billijk::sema
