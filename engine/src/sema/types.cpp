// Declared types: units from words, enumeration names from the package view.
#include "sema/checker.hpp"

namespace billijk::sema {

std::optional<Unit> resolve_unit(Checker& c, syntax::UnitExpr const& unit) {
    Unit result;
    bool ok = true;
    for (auto const& term : unit.terms) {
        auto word = Unit::parse_word(term.word);
        if (!word) {
            c.error("E0310", unit.span, "unknown unit '" + term.word + "'")
                .notes.push_back({std::nullopt, "units are eur, hour, minute, day, week, "
                                                "fourweeks, month, year, etmaal, zone, km, ride, "
                                                "meal, count and percent"});
            ok = false;
            continue;
        }
        result = term.op == '/' ? result / *word : result * *word;
    }
    if (!ok)
        return std::nullopt;
    return result;
}

Type resolve_type(Checker& c, PackageId package, syntax::TypeExpr const& type) {
    using K = syntax::TypeExpr::Kind;
    switch (type.kind) {
    case K::boolean:
        return Type::boolean();
    case K::date:
        return Type::date();
    case K::text:
        return Type::text();
    case K::count:
        return Type::number(Unit{});
    case K::percent:
        return Type::number(Unit::percent());
    case K::unit:
        if (auto unit = resolve_unit(c, type.unit))
            return Type::number(*unit);
        return Type::error();
    case K::named:
        break;
    }
    auto const& pkg = c.program.packages[package];
    if (auto ref = pkg.lookup(type.name); ref && ref->kind == DeclKind::enumeration)
        return Type::enumeration(type.name);
    if (auto unit = Unit::parse_word(type.name))
        return Type::number(*unit);
    auto& d = c.error("E0219", type.span, "unknown type '" + type.name + "'");
    std::vector<std::string> names;
    for (auto const& [name, ref] : pkg.view)
        if (ref.kind == DeclKind::enumeration)
            names.push_back(name);
    add_did_you_mean(d, type.name, names);
    if (!closest_name(type.name, names))
        d.notes.push_back({std::nullopt, "a type is bool, date, text, count, percent, a unit such "
                                         "as eur/hour, or a declared enumeration"});
    return Type::error();
}

namespace {

/// An override must keep the type of the declaration it replaces (E0309).
template <class Decl> void check_override(Checker& c, Decl const& d, DeclKind kind) {
    if (!d.is_override || d.type.is_error())
        return;
    for (auto base : c.program.packages[d.package].extends) {
        auto ref = c.program.packages[base].lookup(d.name);
        if (!ref || ref->kind != kind)
            continue;
        Type const& replaced = kind == DeclKind::parameter ? c.program.parameters[ref->index].type
                                                           : c.program.rules[ref->index].type;
        if (!replaced.is_error() && !(replaced == d.type))
            c.error("E0309", d.span,
                    "override " + std::string(to_string(kind)) + " '" + d.name + "' has type '" +
                        d.type.to_string() + "' but replaces one of type '" + replaced.to_string() +
                        "'")
                .notes.push_back({decl_span(c.program, *ref), "replaced declaration"});
        return;
    }
}

} // namespace

void resolve_types(Checker& c) {
    auto& p = c.program;
    for (std::size_t i = 0; i < p.facts.size(); ++i)
        p.facts[i].type = resolve_type(c, p.facts[i].package, c.fact_src[i]->type);
    for (std::size_t i = 0; i < p.parameters.size(); ++i)
        p.parameters[i].type = resolve_type(c, p.parameters[i].package, c.parameter_src[i]->type);
    for (std::size_t i = 0; i < p.rules.size(); ++i)
        p.rules[i].type = resolve_type(c, p.rules[i].package, c.rule_src[i]->type);
    for (std::size_t i = 0; i < p.tables.size(); ++i) {
        auto& table = p.tables[i];
        for (std::size_t v = 0; v < table.versions.size(); ++v) {
            auto const& src = *c.table_src[i][v];
            auto& version = table.versions[v];
            version.type = resolve_type(c, table.package, src.type);
            for (auto const& column : src.columns)
                version.columns.push_back(
                    {column.name.text, resolve_type(c, table.package, column.type)});
        }
    }
    for (auto const& d : p.parameters)
        check_override(c, d, DeclKind::parameter);
    for (auto const& d : p.rules)
        check_override(c, d, DeclKind::rule);
}

} // namespace billijk::sema
