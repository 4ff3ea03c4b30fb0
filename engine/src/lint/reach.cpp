// Names reached from the provisions and refusals of each evaluation context (a municipal
// package, or one no municipal package extends) (lint/passes.hpp; how names bind: usage.cpp).
#include "lint/passes.hpp"

#include <deque>

namespace billijk::lint {

using sema::DeclKind;
using sema::PackageId;
using sema::Program;

namespace {

using Names = std::set<std::string>;

void read_into(sema::Expr const& e, std::deque<std::string>& todo) {
    std::vector<sema::Expr const*> names;
    names_read(e, names);
    for (auto const* n : names)
        todo.push_back(n->name);
}

/// The names reached from the provisions and refusals `ctx` sees.
Names reached_in(Program const& p, PackageId ctx) {
    auto const& pkg = p.packages[ctx];
    std::deque<std::string> todo;
    bool any_provision = false;
    for (auto const& [name, ref] : pkg.view) {
        if (ref.kind != DeclKind::provision)
            continue;
        any_provision = true;
        auto const& d = p.provisions[ref.index];
        for (auto const* e : {&d.quantity, &d.rate, &d.budget})
            if (*e)
                read_into(**e, todo);
    }
    if (!any_provision)
        return {};
    for (auto const& r : p.refusals)
        if (package_sees(p, ctx, r.package))
            read_into(r.condition, todo);
    Names reached;
    while (!todo.empty()) {
        auto name = std::move(todo.front());
        todo.pop_front();
        if (!reached.insert(name).second)
            continue;
        // The declaration the context binds the name to, and the ones it overrides: a lower
        // layer's fallback that every municipal package replaces is kept "reached" with what it
        // reads, like the declaration itself (the language's layering, not dead code).
        for (auto const& d : p.parameters)
            if (d.name == name && package_sees(p, ctx, d.package))
                for (auto const& v : d.versions)
                    read_into(v.value, todo);
        for (auto const& d : p.rules)
            if (d.name == name && package_sees(p, ctx, d.package))
                read_into(d.value, todo);
        for (auto const& e : p.exceptions)
            if (e.target == name && package_sees(p, ctx, e.package)) {
                read_into(e.condition, todo);
                read_into(e.value, todo);
            }
        for (auto const& t : p.tables)
            if (t.name == name && package_sees(p, ctx, t.package))
                for (auto const& v : t.versions)
                    for (auto const& row : v.rows)
                        read_into(row.result, todo);
    }
    return reached;
}

/// Indicating a case evaluates a municipal package; a package that no municipal package extends
/// (a national package on its own, as in a draft or a test) is taken as a context too.
bool is_context(Program const& p, PackageId q) {
    if (p.packages[q].layer == sema::Layer::municipal)
        return true;
    for (PackageId r = 0; r < p.packages.size(); ++r)
        if (r != q && p.packages[r].layer == sema::Layer::municipal && package_sees(p, r, q))
            return false;
    return true;
}

} // namespace

std::vector<std::set<std::string>> reached_names(Program const& p) {
    std::vector<Names> out(p.packages.size());
    for (PackageId q = 0; q < p.packages.size(); ++q)
        if (is_context(p, q))
            out[q] = reached_in(p, q);
    return out;
}

} // namespace billijk::lint
