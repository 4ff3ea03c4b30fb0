// Views: which declaration each name means inside a package. A package sees the built-in
// enumerations, then everything its extended packages see, then its own declarations. An own
// declaration may replace an inherited parameter or rule only with `override`.
#include "sema/checker.hpp"

#include <algorithm>
#include <functional>

namespace billijk::sema {

namespace {

struct Own {
    std::string name;
    DeclRef ref;
    Span span;
    bool is_override = false;
};

std::vector<Own> own_declarations(Program const& p, PackageId id) {
    std::vector<Own> out;
    auto add = [&](auto const& decls, DeclKind kind) {
        for (std::uint32_t i = 0; i < decls.size(); ++i)
            if (decls[i].package == id)
                out.push_back({decls[i].name, {kind, i}, decls[i].span, false});
    };
    add(p.enums, DeclKind::enumeration);
    add(p.facts, DeclKind::fact);
    add(p.exceptions, DeclKind::exception);
    add(p.tables, DeclKind::table);
    add(p.refusals, DeclKind::refusal);
    add(p.provisions, DeclKind::provision);
    for (std::uint32_t i = 0; i < p.parameters.size(); ++i)
        if (p.parameters[i].package == id)
            out.push_back({p.parameters[i].name,
                           {DeclKind::parameter, i},
                           p.parameters[i].span,
                           p.parameters[i].is_override});
    for (std::uint32_t i = 0; i < p.rules.size(); ++i)
        if (p.rules[i].package == id)
            out.push_back(
                {p.rules[i].name, {DeclKind::rule, i}, p.rules[i].span, p.rules[i].is_override});
    std::stable_sort(out.begin(), out.end(),
                     [](Own const& a, Own const& b) { return a.span.begin < b.span.begin; });
    return out;
}

} // namespace

namespace {

struct Conflict {
    std::string name;
    DeclRef first, second;
};

/// Copies the extended packages' views; returns names inherited with two different meanings.
std::vector<Conflict> inherit(Program& program, PackageId id) {
    std::vector<Conflict> conflicts;
    auto& pkg = program.packages[id];
    for (PackageId base : pkg.extends) {
        for (auto const& [name, ref] : program.packages[base].view) {
            auto [it, fresh] = pkg.view.emplace(name, ref);
            if (!fresh && !(it->second == ref) && decl_package(program, ref) != builtin_package)
                conflicts.push_back({name, it->second, ref});
        }
    }
    return conflicts;
}

/// Reports the conflicts that the package did not settle with a declaration of its own.
void report_conflicts(Checker& c, PackageId id, std::vector<Conflict> const& conflicts) {
    auto const& program = c.program;
    auto const& pkg = program.packages[id];
    for (auto const& conflict : conflicts) {
        auto now = pkg.lookup(conflict.name);
        if (now && decl_package(program, *now) == id)
            continue;
        auto& d = c.error("E0217", pkg.span,
                          "package '" + pkg.name + "' inherits two different declarations of '" +
                              conflict.name + "'");
        d.notes.push_back(
            {decl_span(program, conflict.first),
             "one from package '" + package_name(c, decl_package(program, conflict.first)) + "'"});
        d.notes.push_back(
            {decl_span(program, conflict.second),
             "one from package '" + package_name(c, decl_package(program, conflict.second)) + "'"});
        d.notes.push_back(
            {std::nullopt, "declare `override` in '" + pkg.name + "' to decide which one applies"});
    }
}

void add_own(Checker& c, PackageId id) {
    auto& program = c.program;
    auto& pkg = program.packages[id];
    std::map<std::string, Span> own_seen;
    for (auto const& own : own_declarations(program, id)) {
        auto kind_name = std::string(to_string(own.ref.kind));
        if (auto [it, fresh] = own_seen.emplace(own.name, own.span); !fresh) {
            c.error("E0204", own.span,
                    "'" + own.name + "' is declared twice in package '" + pkg.name + "'")
                .notes.push_back({it->second, "first declared here"});
            continue;
        }
        auto inherited = pkg.view.find(own.name);
        bool exists = inherited != pkg.view.end();
        if (own.is_override) {
            if (!exists) {
                auto& d = c.error("E0205", own.span,
                                  "override " + kind_name + " '" + own.name +
                                      "' does not replace anything");
                d.notes.push_back({std::nullopt, "no package that '" + pkg.name +
                                                     "' extends declares '" + own.name + "'"});
                std::vector<std::string> names;
                for (auto const& [name, ref] : pkg.view)
                    if (ref.kind == own.ref.kind)
                        names.push_back(name);
                add_did_you_mean(d, own.name, names);
            } else if (inherited->second.kind != own.ref.kind) {
                auto base = inherited->second;
                c.error("E0205", own.span,
                        "override " + kind_name + " '" + own.name + "' replaces a " +
                            std::string(to_string(base.kind)))
                    .notes.push_back(
                        {decl_span(program, base),
                         "the " + std::string(to_string(base.kind)) + " is declared here"});
            }
        } else if (exists) {
            auto base = inherited->second;
            auto base_pkg = decl_package(program, base);
            auto& d = c.error("E0204", own.span,
                              "'" + own.name + "' is already declared in package '" +
                                  package_name(c, base_pkg) + "'");
            if (base_pkg != builtin_package)
                d.notes.push_back({decl_span(program, base), "declared here"});
            if ((base.kind == DeclKind::parameter || base.kind == DeclKind::rule) &&
                base.kind == own.ref.kind)
                d.notes.push_back({std::nullopt, "write `override " + kind_name + " " + own.name +
                                                     "` to replace it in this layer"});
        }
        pkg.view[own.name] = own.ref;
    }
}

void collect_members(Program& program, PackageId id) {
    auto& pkg = program.packages[id];
    for (auto const& [name, ref] : pkg.view) {
        if (ref.kind != DeclKind::enumeration)
            continue;
        for (auto const& member : program.enums[ref.index].members)
            pkg.members[member].push_back(ref.index);
    }
}

} // namespace

void build_views(Checker& c) {
    auto& program = c.program;
    std::vector<int> state(program.packages.size(), 0);
    std::function<void(PackageId)> build = [&](PackageId id) {
        if (state[id] != 0)
            return; // done, or on the stack of an extends cycle (already reported)
        state[id] = 1;
        for (PackageId base : program.packages[id].extends)
            build(base);
        auto& view = program.packages[id].view;
        for (std::uint32_t i = 0; i < program.enums.size(); ++i)
            if (program.enums[i].package == builtin_package)
                view[program.enums[i].name] = {DeclKind::enumeration, i};
        auto conflicts = inherit(program, id);
        add_own(c, id);
        report_conflicts(c, id, conflicts);
        collect_members(program, id);
        state[id] = 2;
    };
    for (PackageId id = 0; id < program.packages.size(); ++id)
        build(id);
}

} // namespace billijk::sema
