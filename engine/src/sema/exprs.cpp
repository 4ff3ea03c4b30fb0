// Expression checking: literals, names, operators, if. Calls live in calls.cpp.
#include "sema/exprs.hpp"

#include <algorithm>

namespace billijk::sema {

namespace {

std::string quoted(Type const& t) {
    return "'" + t.to_string() + "'";
}

std::optional<InputInfo> find_input(std::string const& name) {
    for (auto const& info : inputs())
        if (info.name == name)
            return info;
    return std::nullopt;
}

} // namespace

Expr ExprChecker::start(syntax::Expr const& e) const {
    Expr out;
    out.span = e.span;
    out.text = c_.text(e.span);
    return out;
}

void ExprChecker::mismatch(std::string const& message, Expr const& lhs, Expr const& rhs,
                           std::string id) {
    auto& d = c_.error(std::move(id), Span{lhs.span.file, lhs.span.begin, rhs.span.end}, message);
    d.notes.push_back({lhs.span, "left side has type " + quoted(lhs.type)});
    d.notes.push_back({rhs.span, "right side has type " + quoted(rhs.type)});
}

Expr ExprChecker::check(syntax::Expr const& e, Type const* hint) {
    return std::visit(
        [&](auto const& node) -> Expr {
            using N = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<N, syntax::NumberLit>) {
                return number(e, node);
            } else if constexpr (std::is_same_v<N, syntax::DateLit>) {
                Expr out = start(e);
                out.kind = Expr::Kind::literal;
                if (auto d = parse_date(c_, node.text, e.span)) {
                    out.type = out.literal.type = Type::date();
                    out.literal.date = *d;
                }
                return out;
            } else if constexpr (std::is_same_v<N, syntax::StringLit>) {
                Expr out = start(e);
                out.type = out.literal.type = Type::text();
                out.literal.text = node.value;
                return out;
            } else if constexpr (std::is_same_v<N, syntax::BoolLit>) {
                Expr out = start(e);
                out.type = out.literal.type = Type::boolean();
                out.literal.boolean = node.value;
                return out;
            } else if constexpr (std::is_same_v<N, syntax::NameRef>) {
                return name(e, node, hint);
            } else if constexpr (std::is_same_v<N, syntax::Call>) {
                return call(e, node);
            } else if constexpr (std::is_same_v<N, syntax::Unary>) {
                return unary(e, node);
            } else if constexpr (std::is_same_v<N, syntax::Binary>) {
                return binary(e, node);
            } else {
                return if_then(e, node, hint);
            }
        },
        e.node);
}

Expr ExprChecker::number(syntax::Expr const& e, syntax::NumberLit const& lit) {
    Expr out = start(e);
    auto value = Decimal::parse(lit.text);
    if (!value) {
        c_.error("E0311", e.span, "'" + lit.text + "' is not a number the engine can hold")
            .notes.push_back({std::nullopt, "at most 18 decimals and 38 digits"});
        return out;
    }
    Unit unit;
    if (lit.percent) {
        auto fraction = div(*value, Decimal::from_int(100));
        if (!fraction.value) {
            c_.error("E0311", e.span, "'" + lit.text + "%' is out of range");
            return out;
        }
        value = fraction.value;
        unit = Unit::percent();
    } else if (lit.unit) {
        auto u = resolve_unit(c_, *lit.unit);
        if (!u)
            return out;
        unit = *u;
    }
    out.type = out.literal.type = Type::number(unit);
    out.literal.number = *value;
    return out;
}

bool ExprChecker::is_bare_member(syntax::Expr const& e) const {
    auto const* ref = std::get_if<syntax::NameRef>(&e.node);
    if (!ref || ref->name.find('.') != std::string::npos)
        return false;
    if (pkg().view.count(ref->name) || find_input(ref->name))
        return false;
    return pkg().members.count(ref->name) > 0;
}

Expr ExprChecker::member(syntax::Expr const& e, std::string const& name, Type const* hint) {
    Expr out = start(e);
    auto const& enums = c_.program.enums;
    auto it = pkg().members.find(name);
    std::optional<std::uint32_t> index;
    if (hint && hint->kind == Type::Kind::enumeration)
        if (auto ref = pkg().lookup(hint->enum_name); ref && ref->kind == DeclKind::enumeration)
            index = ref->index;
    bool elsewhere = it != pkg().members.end() && it->second.size() == 1;
    if (index) {
        auto const& members = enums[*index].members;
        bool in_hint = std::find(members.begin(), members.end(), name) != members.end();
        // A member of another enumeration falls through: the caller reports the types.
        if (!in_hint && !elsewhere) {
            auto& d =
                c_.error("E0206", e.span,
                         "'" + name + "' is not a member of enumeration '" + hint->enum_name + "'");
            add_did_you_mean(d, name, members);
            std::string all;
            for (auto const& m : members)
                all += (all.empty() ? "" : " | ") + m;
            d.notes.push_back({std::nullopt, "members: " + all});
            return out;
        }
        if (in_hint) {
            out.type = out.literal.type = *hint;
            out.literal.text = name;
            return out;
        }
    }
    if (it == pkg().members.end())
        return out;
    if (it->second.size() > 1) {
        auto& d =
            c_.error("E0220", e.span, "'" + name + "' is a member of more than one enumeration");
        for (auto e_index : it->second)
            d.notes.push_back({std::nullopt, "member of '" + enums[e_index].name + "'"});
        d.notes.push_back({std::nullopt, "compare it with a value of the enumeration you mean"});
        return out;
    }
    out.type = out.literal.type = Type::enumeration(enums[it->second.front()].name);
    out.literal.text = name;
    return out;
}

Expr ExprChecker::name(syntax::Expr const& e, syntax::NameRef const& ref, Type const* hint) {
    Expr out = start(e);
    if (auto info = find_input(ref.name)) {
        out.kind = Expr::Kind::input;
        out.input = info->input;
        out.type = info->type;
        return out;
    }
    if (auto decl = pkg().lookup(ref.name)) {
        auto const& p = c_.program;
        switch (decl->kind) {
        case DeclKind::fact:
            out.type = p.facts[decl->index].type;
            break;
        case DeclKind::parameter:
            out.type = p.parameters[decl->index].type;
            break;
        case DeclKind::rule:
            out.type = p.rules[decl->index].type;
            break;
        case DeclKind::table:
            c_.error("E0216", e.span, "'" + ref.name + "' is a table: call it with its inputs")
                .notes.push_back({decl_span(p, *decl), "declared here"});
            return out;
        default:
            c_.error("E0216", e.span,
                     "'" + ref.name + "' is " +
                         (decl->kind == DeclKind::enumeration ? "an " : "a ") +
                         std::string(to_string(decl->kind)) + ", not a value")
                .notes.push_back({decl_span(p, *decl), "declared here"});
            return out;
        }
        out.kind = Expr::Kind::name;
        out.name = ref.name;
        out.symbol = intern_symbol(c_, ref.name);
        return out;
    }
    if (ref.name.find('.') == std::string::npos &&
        (pkg().members.count(ref.name) || (hint && hint->kind == Type::Kind::enumeration)))
        return member(e, ref.name, hint);

    auto& d = c_.error("E0203", e.span, "unknown name '" + ref.name + "'");
    std::vector<std::string> candidates;
    for (auto const& [n, r] : pkg().view)
        if (r.kind == DeclKind::fact || r.kind == DeclKind::parameter || r.kind == DeclKind::rule)
            candidates.push_back(n);
    for (auto const& info : inputs())
        candidates.emplace_back(info.name);
    for (auto const& [m, enums] : pkg().members)
        candidates.push_back(m);
    add_did_you_mean(d, ref.name, candidates);
    return out;
}

Expr ExprChecker::unary(syntax::Expr const& e, syntax::Unary const& u) {
    Expr out = start(e);
    out.kind = Expr::Kind::unary;
    out.kids.push_back(check(*u.operand, nullptr));
    auto const& t = out.kids[0].type;
    if (u.op == syntax::Unary::Op::negate) {
        out.unary_op = UnaryOp::negate;
        if (t.is_number())
            out.type = t;
        else if (!t.is_error())
            c_.error("E0308", e.span, "cannot negate a value of type " + quoted(t));
    } else {
        out.unary_op = UnaryOp::logical_not;
        if (t.kind == Type::Kind::boolean)
            out.type = t;
        else if (!t.is_error())
            c_.error("E0304", out.kids[0].span,
                     "operand of 'not' must be bool, found " + quoted(t));
    }
    return out;
}

namespace {
BinaryOp convert(syntax::Binary::Op op) {
    using S = syntax::Binary::Op;
    switch (op) {
    case S::add:
        return BinaryOp::add;
    case S::sub:
        return BinaryOp::sub;
    case S::mul:
        return BinaryOp::mul;
    case S::div:
        return BinaryOp::div;
    case S::eq:
        return BinaryOp::eq;
    case S::ne:
        return BinaryOp::ne;
    case S::lt:
        return BinaryOp::lt;
    case S::le:
        return BinaryOp::le;
    case S::gt:
        return BinaryOp::gt;
    case S::ge:
        return BinaryOp::ge;
    case S::logical_and:
        return BinaryOp::logical_and;
    case S::logical_or:
        return BinaryOp::logical_or;
    }
    return BinaryOp::add;
}
} // namespace

Expr ExprChecker::binary(syntax::Expr const& e, syntax::Binary const& b) {
    Expr out = start(e);
    out.kind = Expr::Kind::binary;
    out.binary_op = convert(b.op);
    // A bare enumeration member takes its enumeration from the other side.
    if (is_bare_member(*b.lhs) && !is_bare_member(*b.rhs)) {
        Expr rhs = check(*b.rhs, nullptr);
        Expr lhs = check(*b.lhs, &rhs.type);
        out.kids.push_back(std::move(lhs));
        out.kids.push_back(std::move(rhs));
    } else {
        out.kids.push_back(check(*b.lhs, nullptr));
        out.kids.push_back(check(*b.rhs, &out.kids[0].type));
    }
    auto const& l = out.kids[0];
    auto const& r = out.kids[1];
    if (l.type.is_error() || r.type.is_error())
        return out;
    auto op_text = std::string(to_string(out.binary_op));
    switch (out.binary_op) {
    case BinaryOp::add:
    case BinaryOp::sub:
        if (!l.type.is_number() || !r.type.is_number()) {
            c_.error("E0308", e.span,
                     "'" + op_text + "' needs numbers, found " + quoted(l.type) + " and " +
                         quoted(r.type));
        } else if (!(l.type == r.type)) {
            mismatch(out.binary_op == BinaryOp::add
                         ? "cannot add " + quoted(l.type) + " and " + quoted(r.type)
                         : "cannot subtract " + quoted(r.type) + " from " + quoted(l.type),
                     l, r);
        } else {
            out.type = l.type;
        }
        break;
    case BinaryOp::mul:
    case BinaryOp::div:
        if (!l.type.is_number() || !r.type.is_number())
            c_.error("E0308", e.span,
                     "'" + op_text + "' needs numbers, found " + quoted(l.type) + " and " +
                         quoted(r.type));
        else
            out.type = Type::number(out.binary_op == BinaryOp::mul ? l.type.unit * r.type.unit
                                                                   : l.type.unit / r.type.unit);
        break;
    case BinaryOp::eq:
    case BinaryOp::ne:
        if (!(l.type == r.type))
            mismatch("cannot compare " + quoted(l.type) + " and " + quoted(r.type), l, r);
        else
            out.type = Type::boolean();
        break;
    case BinaryOp::lt:
    case BinaryOp::le:
    case BinaryOp::gt:
    case BinaryOp::ge:
        if (!(l.type == r.type))
            mismatch("cannot compare " + quoted(l.type) + " and " + quoted(r.type), l, r);
        else if (!l.type.is_number() && l.type.kind != Type::Kind::date)
            c_.error("E0308", e.span,
                     "'" + op_text + "' needs numbers or dates, found " + quoted(l.type));
        else
            out.type = Type::boolean();
        break;
    case BinaryOp::logical_and:
    case BinaryOp::logical_or: {
        bool ok = true;
        for (auto const* side : {&l, &r})
            if (side->type.kind != Type::Kind::boolean) {
                c_.error("E0304", side->span,
                         "operand of '" + op_text + "' must be bool, found " + quoted(side->type));
                ok = false;
            }
        if (ok)
            out.type = Type::boolean();
        break;
    }
    }
    return out;
}

Expr ExprChecker::if_then(syntax::Expr const& e, syntax::IfExpr const& x, Type const* hint) {
    Expr out = start(e);
    out.kind = Expr::Kind::if_then;
    out.kids.push_back(check(*x.condition, nullptr));
    out.kids.push_back(check(*x.then_branch, hint));
    out.kids.push_back(check(*x.else_branch, hint ? hint : &out.kids[1].type));
    auto const& cond = out.kids[0];
    if (!cond.type.is_error() && cond.type.kind != Type::Kind::boolean)
        c_.error("E0304", cond.span, "condition of 'if' must be bool, found " + quoted(cond.type));
    auto const& a = out.kids[1];
    auto const& b = out.kids[2];
    if (a.type.is_error() || b.type.is_error())
        return out;
    if (!(a.type == b.type)) {
        auto& d = c_.error("E0303", e.span,
                           "branches of 'if' have different types " + quoted(a.type) + " and " +
                               quoted(b.type));
        d.notes.push_back({a.span, "'then' branch has type " + quoted(a.type)});
        d.notes.push_back({b.span, "'else' branch has type " + quoted(b.type)});
        return out;
    }
    out.type = a.type;
    return out;
}

Expr check_expr(Checker& c, PackageId package, syntax::Expr const& expr, Type const* hint) {
    return ExprChecker(c, package).check(expr, hint);
}

void expect_type(Checker& c, Type const& declared, Expr const& actual, std::string const& what,
                 Span declared_span) {
    if (declared.is_error() || actual.type.is_error() || declared == actual.type)
        return;
    auto& d = c.error("E0302", actual.span,
                      what + " is declared " + quoted(declared) + " but its value has type " +
                          quoted(actual.type));
    d.notes.push_back({declared_span, "declared type " + quoted(declared)});
}

} // namespace billijk::sema
