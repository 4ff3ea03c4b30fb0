// Effective dates the checker lets through (it already rejects overlapping versions, E0503, gaps
// between versions, E0504, and municipal packages that overlap, E0215):
//   L0301  two packages of one municipality and law leave days between them that no package
//          covers: a case decided on such a day finds no regulation
//   L0302  a package is valid on days a package it extends is not
//   L0303  the dated versions of a parameter or table start after, or end before, the validity
//          of a package that reaches it (as evaluation context, lint/reach.cpp): a period
//          starting on such a day gets no value. Not reported when every read of it is under an
//          `if` on the case's dates: the writer then chooses between versions by hand
#include "lint/passes.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace billijk::lint {

using sema::DateRange;
using sema::Package;
using sema::PackageId;
using sema::Program;

namespace {

std::string window(std::optional<DateRange> const& r) {
    return r ? r->to_string() : std::string("always");
}

void package_gaps(Program const& p, Sink& sink) {
    std::map<std::pair<std::string, std::string>, std::vector<PackageId>> groups;
    for (PackageId id = 0; id < p.packages.size(); ++id) {
        auto const& pkg = p.packages[id];
        if (pkg.layer == sema::Layer::municipal && !pkg.municipality.empty() && pkg.valid)
            groups[{pkg.municipality, pkg.law}].push_back(id);
    }
    for (auto& [key, ids] : groups) {
        std::stable_sort(ids.begin(), ids.end(), [&](PackageId a, PackageId b) {
            return p.packages[a].valid->from < p.packages[b].valid->from;
        });
        for (std::size_t i = 1; i < ids.size(); ++i) {
            auto const& a = p.packages[ids[i - 1]];
            auto const& b = p.packages[ids[i]];
            if (!a.valid->to || !(a.valid->to->add_days(1) < b.valid->from))
                continue; // overlaps are E0215
            auto first = a.valid->to->add_days(1);
            auto last = b.valid->from.add_days(-1);
            auto& d = sink.add(
                "L0301", b.valid->span,
                "no package for " + key.first + " and " + key.second + " is valid from " +
                    first.to_string() + " to " + last.to_string(),
                "let '" + b.name + "' start on " + first.to_string() + ", or '" + a.name +
                    "' end on " + last.to_string() + ", unless the regulation really lapsed");
            d.notes.push_back({a.valid->span, "'" + a.name + "' is valid " + window(a.valid)});
            d.notes.push_back({b.valid->span, "'" + b.name + "' is valid " + window(b.valid)});
        }
    }
}

/// True when `inner` (absent = always) lies within `outer` (absent = always).
bool within(std::optional<DateRange> const& inner, std::optional<DateRange> const& outer) {
    if (!outer)
        return true;
    if (!inner || inner->from < outer->from)
        return false;
    return !outer->to || (inner->to && *inner->to <= *outer->to);
}

void extends_outside(Program const& p, Sink& sink) {
    for (auto const& pkg : p.packages) {
        for (auto base_id : pkg.extends) {
            auto const& base = p.packages[base_id];
            if (within(pkg.valid, base.valid))
                continue;
            auto span = pkg.valid ? pkg.valid->span : pkg.span;
            auto& d = sink.add(
                "L0302", span,
                "package '" + pkg.name + "' is valid " + window(pkg.valid) +
                    ", but the package it extends, '" + base.name + "', only " + window(base.valid),
                "narrow the validity of '" + pkg.name + "', or extend a version of '" + base.name +
                    "' valid on those dates");
            d.notes.push_back({base.valid ? base.valid->span : base.span,
                               "'" + base.name + "' is valid " + window(base.valid)});
        }
    }
}

/// True when the expression reads the case's dates: an `if` on it is the writer choosing
/// between versions by hand (e.g. a parameter that changed unit), not a gap.
bool reads_dates(sema::Expr const& e) {
    if (e.kind == sema::Expr::Kind::input &&
        (e.input == sema::Input::period_start || e.input == sema::Input::period_end ||
         e.input == sema::Input::decision_date))
        return true;
    for (auto const& kid : e.kids)
        if (reads_dates(kid))
            return true;
    return false;
}

/// Counts the reads of `name` in `e`, and those under an `if` on the case's dates.
void count_reads(sema::Expr const& e, std::string const& name, bool dated, std::size_t& all,
                 std::size_t& guarded) {
    if ((e.kind == sema::Expr::Kind::name || e.kind == sema::Expr::Kind::table) && e.name == name) {
        ++all;
        guarded += dated ? 1 : 0;
    }
    bool const here =
        e.kind == sema::Expr::Kind::if_then && !e.kids.empty() && reads_dates(e.kids[0]);
    for (std::size_t i = 0; i < e.kids.size(); ++i)
        count_reads(e.kids[i], name, dated || (here && i > 0), all, guarded);
}

struct Edges {
    std::vector<std::set<std::string>> reached;
    std::vector<Owned> exprs;
};

/// The versions of a parameter or table against the validity of every package that reaches it
/// (as evaluation context): days such a package is valid and no version is.
void version_edges(Program const& p, Sink& sink, Edges const& edges, PackageId declarer,
                   std::string const& name, std::vector<DateRange> versions,
                   std::string const& what) {
    if (versions.empty())
        return;
    std::size_t all = 0, guarded = 0;
    for (auto const& owned : edges.exprs)
        count_reads(*owned.expr, name, false, all, guarded);
    if (all > 0 && guarded == all)
        return;
    std::stable_sort(versions.begin(), versions.end(),
                     [](DateRange const& a, DateRange const& b) { return a.from < b.from; });
    auto const& first = versions.front();
    auto const& last = versions.back();
    Package const* early = nullptr; // the context valid earliest before the first version
    Package const* late = nullptr;  // the context valid longest after the last version
    for (PackageId q = 0; q < p.packages.size(); ++q) {
        auto const& ctx = p.packages[q];
        if (!ctx.valid || !package_sees(p, q, declarer) || !edges.reached[q].count(name))
            continue;
        if (ctx.valid->from < first.from && (!early || ctx.valid->from < early->valid->from))
            early = &ctx;
        if (last.to && (!ctx.valid->to || *last.to < *ctx.valid->to) &&
            (!late || (late->valid->to && (!ctx.valid->to || *late->valid->to < *ctx.valid->to))))
            late = &ctx;
    }
    if (early) {
        auto& d =
            sink.add("L0303", first.span,
                     "no version of " + what + " is valid from " + early->valid->from.to_string() +
                         " to " + first.from.add_days(-1).to_string() + ", though package '" +
                         early->name + "', which uses it, is",
                     "let the first version start on " + early->valid->from.to_string() +
                         ", or guard its use with an `if` on the period");
        d.notes.push_back(
            {early->valid->span, "'" + early->name + "' is valid " + window(early->valid)});
    }
    if (late) {
        auto& d = sink.add("L0303", last.span,
                           "no version of " + what + " is valid after " + last.to->to_string() +
                               ", though package '" + late->name + "', which uses it, is valid " +
                               window(late->valid),
                           "add the next version, or leave the last one open (`valid " +
                               last.from.to_string() + " ..`) if its value still applies");
        d.notes.push_back(
            {late->valid->span, "'" + late->name + "' is valid " + window(late->valid)});
    }
}

void versions(Program const& p, Sink& sink) {
    Edges edges{reached_names(p), all_expressions(p)};
    for (auto const& d : p.parameters) {
        std::vector<DateRange> ranges;
        for (auto const& v : d.versions)
            if (v.valid)
                ranges.push_back(*v.valid);
        if (ranges.size() == d.versions.size())
            version_edges(p, sink, edges, d.package, d.name, ranges, "parameter '" + d.name + "'");
    }
    for (auto const& t : p.tables) {
        std::vector<DateRange> ranges;
        for (auto const& v : t.versions)
            if (v.valid)
                ranges.push_back(*v.valid);
        if (ranges.size() == t.versions.size())
            version_edges(p, sink, edges, t.package, t.name, ranges, "table '" + t.name + "'");
    }
}

} // namespace

void lint_dates(Program const& p, Sink& sink) {
    package_gaps(p, sink);
    extends_outside(p, sink);
    versions(p, sink);
}

} // namespace billijk::lint
