// Calls: the built-in functions min, max, round, age_on, need, days_between, and table calls.
#include "sema/exprs.hpp"

namespace billijk::sema {

namespace {

std::string quoted(Type const& t) {
    return "'" + t.to_string() + "'";
}

struct BuiltinName {
    std::string_view name;
    Builtin fn;
};
constexpr BuiltinName builtins[] = {
    {"min", Builtin::min},       {"max", Builtin::max},   {"round", Builtin::round},
    {"age_on", Builtin::age_on}, {"need", Builtin::need}, {"days_between", Builtin::days_between},
};

std::vector<std::string> const rounding_modes = {"half_up", "half_even", "down", "up"};

} // namespace

bool ExprChecker::arity(syntax::Call const& call, std::size_t want, Span at) {
    if (call.args.size() == want)
        return true;
    c_.error("E0208", at,
             "'" + call.callee.text + "' takes " + std::to_string(want) + " argument" +
                 (want == 1 ? "" : "s") + ", got " + std::to_string(call.args.size()));
    return false;
}

Expr ExprChecker::call(syntax::Expr const& e, syntax::Call const& call) {
    for (auto const& b : builtins)
        if (b.name == call.callee.text)
            return builtin(e, call, b.fn);
    if (auto ref = pkg().lookup(call.callee.text); ref && ref->kind == DeclKind::table)
        return table(e, call, ref->index);
    if (auto plugin = plugin_call(e, call))
        return std::move(*plugin);

    Expr out = start(e);
    auto const ref = pkg().lookup(call.callee.text);
    auto& d = c_.error("E0207", call.callee.span,
                       ref ? "'" + call.callee.text + "' is a " +
                                 std::string(to_string(ref->kind)) + ", not a function or table"
                           : "unknown function '" + call.callee.text + "'");
    std::vector<std::string> candidates;
    for (auto const& b : builtins)
        candidates.emplace_back(b.name);
    for (auto const& [n, r] : pkg().view)
        if (r.kind == DeclKind::table)
            candidates.push_back(n);
    add_did_you_mean(d, call.callee.text, candidates);
    for (auto const& arg : call.args)
        (void)check(*arg, nullptr); // report problems inside the arguments too
    return out;
}

Expr ExprChecker::builtin(syntax::Expr const& e, syntax::Call const& call, Builtin fn) {
    Expr out = start(e);
    out.kind = Expr::Kind::builtin;
    out.builtin = fn;
    out.name = call.callee.text;
    if (fn == Builtin::round)
        return round(std::move(out), call);
    for (auto const& arg : call.args)
        out.kids.push_back(check(*arg, nullptr));
    auto bad_arg = [&](std::size_t i, std::string const& want) {
        auto const& t = out.kids[i].type;
        if (t.is_error())
            return;
        c_.error("E0305", out.kids[i].span,
                 "argument " + std::to_string(i + 1) + " of '" + out.name + "' must be " + want +
                     ", found " + quoted(t));
    };
    bool ok = true;
    switch (fn) {
    case Builtin::min:
    case Builtin::max: {
        if (call.args.size() < 2) {
            c_.error("E0208", e.span,
                     "'" + out.name + "' takes at least 2 arguments, got " +
                         std::to_string(call.args.size()));
            return out;
        }
        Expr const* first = nullptr;
        for (std::size_t i = 0; i < out.kids.size(); ++i) {
            auto const& t = out.kids[i].type;
            if (t.is_error()) {
                ok = false;
                continue;
            }
            if (!t.is_number()) {
                bad_arg(i, "a number");
                ok = false;
                continue;
            }
            if (!first) {
                first = &out.kids[i];
            } else if (!(first->type == t)) {
                mismatch("'" + out.name + "' needs arguments of equal units, found " +
                             quoted(first->type) + " and " + quoted(t),
                         *first, out.kids[i]);
                ok = false;
            }
        }
        if (ok && first)
            out.type = first->type;
        return out;
    }
    case Builtin::age_on:
    case Builtin::days_between:
        if (!arity(call, 2, e.span))
            return out;
        for (std::size_t i = 0; i < 2; ++i)
            if (out.kids[i].type.kind != Type::Kind::date) {
                bad_arg(i, "a date");
                ok = false;
            }
        if (ok)
            out.type =
                Type::number(Unit::of(fn == Builtin::age_on ? BaseUnit::year : BaseUnit::day));
        return out;
    case Builtin::need:
        if (!arity(call, 1, e.span))
            return out;
        if (out.kids[0].type.kind != Type::Kind::enumeration) {
            bad_arg(0, "a care kind (a member of a declared enumeration)");
            return out;
        }
        out.type = Type::number(Unit::of(BaseUnit::hour) / Unit::of(BaseUnit::week));
        return out;
    case Builtin::round:
        break;
    }
    return out;
}

Expr ExprChecker::round(Expr out, syntax::Call const& call) {
    if (!arity(call, 3, out.span)) {
        for (auto const& arg : call.args)
            (void)check(*arg, nullptr);
        return out;
    }
    out.kids.push_back(check(*call.args[0], nullptr));
    out.kids.push_back(check(*call.args[1], nullptr));
    auto const& x = out.kids[0];
    auto const& step = out.kids[1];
    bool ok = true;
    if (!x.type.is_error() && !x.type.is_number()) {
        c_.error("E0305", x.span,
                 "argument 1 of 'round' must be a number, found " + quoted(x.type));
        ok = false;
    }
    if (!step.type.is_error()) {
        bool plain = step.type.is_number() && step.type.unit.is_dimensionless();
        bool same = x.type.is_number() && step.type == x.type;
        if (!plain && !same) {
            auto& d = c_.error("E0307", step.span,
                               "rounding step must be a plain number or have the unit of the "
                               "rounded value, found " +
                                   quoted(step.type));
            if (x.type.is_number())
                d.notes.push_back({x.span, "the rounded value has type " + quoted(x.type)});
            ok = false;
        }
    } else {
        ok = false;
    }
    auto const& mode_arg = *call.args[2];
    auto const* mode = std::get_if<syntax::NameRef>(&mode_arg.node);
    auto parsed = mode ? rounding_from_name(mode->name) : std::nullopt;
    if (!parsed) {
        auto& d = c_.error("E0306", mode_arg.span,
                           "unknown rounding mode '" + c_.text(mode_arg.span) + "'");
        if (mode)
            add_did_you_mean(d, mode->name, rounding_modes);
        d.notes.push_back({std::nullopt, "a rounding mode is half_up, half_even, down or up"});
        ok = false;
    } else {
        out.mode = *parsed;
    }
    if (ok && !x.type.is_error())
        out.type = x.type;
    return out;
}

Expr ExprChecker::table(syntax::Expr const& e, syntax::Call const& call, std::uint32_t index) {
    Expr out = start(e);
    out.kind = Expr::Kind::table;
    out.name = call.callee.text;
    out.symbol = intern_symbol(c_, out.name);
    auto const& decl = c_.program.tables[index];
    auto const& version = decl.versions.front();
    bool ok = arity(call, version.columns.size(), e.span);
    for (std::size_t i = 0; i < call.args.size(); ++i) {
        Type const* hint = i < version.columns.size() ? &version.columns[i].type : nullptr;
        out.kids.push_back(check(*call.args[i], hint));
        if (!hint || hint->is_error() || out.kids[i].type.is_error())
            continue;
        if (!(out.kids[i].type == *hint)) {
            auto& d =
                c_.error("E0305", out.kids[i].span,
                         "argument " + std::to_string(i + 1) + " of table '" + out.name +
                             "' must be " + quoted(*hint) + ", found " + quoted(out.kids[i].type));
            d.notes.push_back(
                {decl.span, "column '" + version.columns[i].name + "' has type " + quoted(*hint)});
            ok = false;
        }
    }
    if (ok)
        out.type = version.type;
    return out;
}

} // namespace billijk::sema
