// Plugins in the checker: each municipal package is bound to the loaded plugin with its CBS
// municipality code, and sees that plugin's tariff tables and native functions by name.
//
//   in_kind_cost(request.provision)    // a tariff table: one text key, typed with its unit
//   first_of_month(decision_date)      // a native function, typed by its declaration
//
// A plugin name that a declaration visible in the package also uses is E0221. A municipal
// package whose plugin is not loaded gets warning W0207 for each unknown call that is not close
// to a built-in or table name (that is E0207, a misspelling); such calls are undetermined when
// evaluated, so the cases of other municipalities can still be indicated.
#include "sema/exprs.hpp"

namespace billijk::sema {

namespace {

std::string quoted(Type const& t) {
    return "'" + t.to_string() + "'";
}

std::string plugin_title(plugin::Plugin const& p) {
    return "plugin " + p.name + " " + p.version + " (" + p.municipality_code + ")";
}

constexpr std::string_view builtin_names[] = {"min",    "max",  "round",
                                              "age_on", "need", "days_between"};

} // namespace

Type plugin_type(plugin::ValueType const& type) {
    switch (type.kind) {
    case plugin::ValueKind::decimal:
        return Type::number(type.unit);
    case plugin::ValueKind::date:
        return Type::date();
    case plugin::ValueKind::text:
        return Type::text();
    case plugin::ValueKind::boolean:
        return Type::boolean();
    }
    return Type::error();
}

void bind_plugins(Checker& c) {
    auto& program = c.program;
    for (auto& pkg : program.packages) {
        if (pkg.layer != Layer::municipal || pkg.municipality.empty())
            continue;
        for (std::uint32_t i = 0; i < program.plugins.size(); ++i)
            if (program.plugins[i].municipality_code == pkg.municipality)
                pkg.plugin = i;
        if (!pkg.plugin)
            continue;
        auto const& plug = program.plugins[*pkg.plugin];
        auto clash = [&](std::string const& name, std::string const& what) {
            for (auto b : builtin_names)
                if (b == name)
                    c.error("E0221", pkg.span,
                            what + " '" + name + "' of " + plugin_title(plug) +
                                " has the name of a built-in function; package '" + pkg.name +
                                "' cannot call it");
            auto ref = pkg.lookup(name);
            if (!ref)
                return;
            auto& d =
                c.error("E0221", decl_span(program, *ref),
                        "'" + name + "' is declared as a " + std::string(to_string(ref->kind)) +
                            " and is also a " + what + " of " + plugin_title(plug) +
                            ", which package '" + pkg.name + "' sees");
            d.notes.push_back({std::nullopt, "remove the declaration and call the plugin's " +
                                                 what + ", or rename one of them"});
        };
        for (auto const& t : plug.tables)
            clash(t.name, "tariff table");
        for (auto const& f : plug.functions)
            clash(f.name, "native function");
    }
}

std::optional<Expr> ExprChecker::plugin_call(syntax::Expr const& e, syntax::Call const& call) {
    auto const& p = pkg();
    if (p.layer != Layer::municipal || p.municipality.empty())
        return std::nullopt;
    std::string const& name = call.callee.text;
    Expr out = start(e);
    out.name = name;
    if (!p.plugin) {
        if (p.lookup(name))
            return std::nullopt; // a declaration, not a function: E0207 says so
        std::vector<std::string> candidates(std::begin(builtin_names), std::end(builtin_names));
        for (auto const& [n, r] : p.view)
            if (r.kind == DeclKind::table)
                candidates.push_back(n);
        if (closest_name(name, candidates))
            return std::nullopt; // most likely a misspelt function: E0207 with "did you mean"
        out.kind = Expr::Kind::plugin_table;
        c_.diags.warning("W0207", call.callee.span,
                         "unknown function '" + name + "': no plugin for municipality " +
                             p.municipality + " is loaded, so every call of it is undetermined");
        for (auto const& arg : call.args)
            out.kids.push_back(check(*arg, nullptr));
        return out;
    }
    auto const& plug = c_.program.plugins[*p.plugin];
    for (std::uint32_t i = 0; i < plug.tables.size(); ++i) {
        auto const& table = plug.tables[i];
        if (table.name != name)
            continue;
        out.kind = Expr::Kind::plugin_table;
        out.plugin = p.plugin;
        out.item = i;
        bool ok = arity(call, 1, e.span);
        Type const text = Type::text();
        for (std::size_t k = 0; k < call.args.size(); ++k) {
            out.kids.push_back(check(*call.args[k], &text));
            auto const& t = out.kids[k].type;
            if (k == 0 && !t.is_error() && !(t == text)) {
                auto& d = c_.error("E0305", out.kids[k].span,
                                   "argument 1 of tariff table '" + name +
                                       "' must be 'text' (a row key), found " + quoted(t));
                d.notes.push_back({std::nullopt, "tariff table '" + name + "' of " +
                                                     plugin_title(plug) + " is keyed by text"});
                ok = false;
            }
        }
        if (ok)
            out.type = Type::number(table.unit);
        return out;
    }
    for (std::uint32_t i = 0; i < plug.functions.size(); ++i) {
        auto const& fn = plug.functions[i];
        if (fn.name != name)
            continue;
        out.kind = Expr::Kind::plugin_function;
        out.plugin = p.plugin;
        out.item = i;
        bool ok = arity(call, fn.parameters.size(), e.span);
        for (std::size_t k = 0; k < call.args.size(); ++k) {
            std::optional<Type> want;
            if (k < fn.parameters.size())
                want = plugin_type(fn.parameters[k]);
            out.kids.push_back(check(*call.args[k], want ? &*want : nullptr));
            auto const& t = out.kids[k].type;
            if (!want || t.is_error() || t == *want)
                continue;
            auto& d = c_.error("E0305", out.kids[k].span,
                               "argument " + std::to_string(k + 1) + " of native function '" +
                                   name + "' must be " + quoted(*want) + ", found " + quoted(t));
            d.notes.push_back({std::nullopt, "native function '" + name + "' of " +
                                                 plugin_title(plug) + " declares parameter " +
                                                 std::to_string(k + 1) + " as '" +
                                                 fn.parameters[k].spelling + "'"});
            ok = false;
        }
        if (ok)
            out.type = plugin_type(fn.result);
        return out;
    }
    return std::nullopt;
}

} // namespace billijk::sema
