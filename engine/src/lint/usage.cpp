// L0201-L0204: a fact, parameter, rule or table that no expression reads (unused).
// L0205: a rule, parameter, table or fact that is read, but only by declarations that no
// provision or refusal ever evaluates (never reached).
//
// Names are late bound (sema/ir.hpp): a reference in a national rule is looked up in the view of
// the municipal package being evaluated. So a declaration of name N in package P counts as used
// when some package Q that extends P (or P itself) has N read anywhere in its lineage — which
// makes a regional rule that every municipal package overrides still "used" through its name.
// Reachability works the same way per evaluation context: every package Q is a context; the
// roots are the provisions and refusals Q sees; names are followed through Q's view, into rule
// values, parameter versions, table rows and the exceptions Q sees to a reached rule — and into
// the declarations a reached one overrides, so such a fallback's inputs are not reported either
// (lint/reach.cpp).
#include "lint/passes.hpp"

#include <deque>
#include <map>
#include <set>

namespace billijk::lint {

using sema::DeclKind;
using sema::DeclRef;
using sema::PackageId;
using sema::Program;

namespace {

using Names = std::set<std::string>;

/// Names read by the expressions written in each package.
std::vector<Names> reads_per_package(Program const& p) {
    std::vector<Names> out(p.packages.size());
    for (auto const& owned : all_expressions(p)) {
        std::vector<sema::Expr const*> names;
        names_read(*owned.expr, names);
        for (auto const* e : names)
            out[owned.package].insert(e->name);
    }
    return out;
}

struct Decl {
    DeclKind kind;
    std::string const* name;
    PackageId package;
    Span span;
};

std::vector<Decl> declarations(Program const& p) {
    std::vector<Decl> out;
    for (auto const& d : p.facts)
        out.push_back({DeclKind::fact, &d.name, d.package, d.span});
    for (auto const& d : p.parameters)
        out.push_back({DeclKind::parameter, &d.name, d.package, d.name_span});
    for (auto const& d : p.rules)
        out.push_back({DeclKind::rule, &d.name, d.package, d.name_span});
    for (auto const& d : p.tables)
        out.push_back({DeclKind::table, &d.name, d.package, d.versions.front().span});
    return out;
}

char const* unused_id(DeclKind kind) {
    switch (kind) {
    case DeclKind::fact:
        return "L0201";
    case DeclKind::parameter:
        return "L0202";
    case DeclKind::rule:
        return "L0203";
    default:
        return "L0204";
    }
}

} // namespace

void lint_usage(Program const& p, Sink& sink) {
    auto const reads = reads_per_package(p);
    auto const reached = reached_names(p);

    for (auto const& d : declarations(p)) {
        bool read = false, reach = false;
        for (PackageId q = 0; q < p.packages.size(); ++q) {
            if (!package_sees(p, q, d.package))
                continue;
            for (auto s : p.packages[q].lineage)
                read = read || reads[s].count(*d.name) > 0;
            reach = reach || reached[q].count(*d.name) > 0;
        }
        std::string what = std::string(sema::to_string(d.kind)) + " '" + *d.name + "'";
        if (!read) {
            sink.add(unused_id(d.kind), d.span,
                     what + " is never read by any provision, refusal, rule, exception, "
                            "parameter or table",
                     d.kind == DeclKind::fact
                         ? "remove it, or use it in the rule it belongs to; a case must now "
                           "supply a fact nothing reads"
                         : "remove it, or use it where the regulation applies it");
        } else if (!reach) {
            sink.add("L0205", d.span,
                     what + " is read, but never reached from any provision or refusal",
                     "the declarations that read it are themselves unused; connect them to a "
                     "provision's quantity, rate or budget, or remove them");
        }
    }
}

} // namespace billijk::lint
