// Package headers: layer, law, municipality, validity, extends; lineage; municipal overlaps.
#include "sema/checker.hpp"

#include <functional>
#include <map>
#include <set>

namespace billijk::sema {

namespace {

std::optional<Layer> layer_from(std::string const& text) {
    if (text == "national")
        return Layer::national;
    if (text == "regional")
        return Layer::regional;
    if (text == "municipal")
        return Layer::municipal;
    return std::nullopt;
}

bool is_cbs_code(std::string const& text) {
    if (text.size() != 6 || text[0] != 'G' || text[1] != 'M')
        return false;
    for (std::size_t i = 2; i < 6; ++i)
        if (text[i] < '0' || text[i] > '9')
            return false;
    return true;
}

struct HeaderSeen {
    bool layer = false, law = false, municipality = false, valid = false;
};

void read_header(Checker& c, Package& p, syntax::File const& file) {
    HeaderSeen seen;
    for (auto const& item : file.header) {
        using K = syntax::HeaderItem::Kind;
        auto twice = [&](bool& flag, char const* what) {
            if (flag)
                c.error("E0213", item.span,
                        std::string("package '") + p.name + "' declares its " + what + " twice");
            flag = true;
        };
        switch (item.kind) {
        case K::layer:
            twice(seen.layer, "layer");
            if (auto layer = layer_from(item.text))
                p.layer = *layer;
            else
                c.error("E0213", item.span, "unknown layer '" + item.text + "'")
                    .notes.push_back({std::nullopt, "a layer is national, regional or municipal"});
            break;
        case K::law:
            twice(seen.law, "law");
            if (item.text != "wmo" && item.text != "jeugdwet")
                c.error("E0213", item.span, "unknown law '" + item.text + "'")
                    .notes.push_back({std::nullopt, "a law is wmo or jeugdwet"});
            p.law = item.text;
            break;
        case K::municipality:
            twice(seen.municipality, "municipality");
            if (!is_cbs_code(item.text))
                c.error("E0213", item.span,
                        "municipality '" + item.text + "' is not a CBS code like GM0489");
            p.municipality = item.text;
            break;
        case K::extends:
            break; // resolved once every package is known
        case K::valid:
            twice(seen.valid, "validity");
            if (item.valid)
                p.valid = parse_range(c, *item.valid);
            break;
        }
    }
    Span at = file.package.span;
    if (!seen.layer)
        c.error("E0213", at, "package '" + p.name + "' has no layer")
            .notes.push_back({std::nullopt, "add `layer national`, `layer regional` or "
                                            "`layer municipal` to the header"});
    if (p.layer == Layer::municipal) {
        if (!seen.municipality)
            c.error("E0213", at, "municipal package '" + p.name + "' has no municipality");
        if (!seen.law)
            c.error("E0213", at, "municipal package '" + p.name + "' has no law");
    } else if (seen.municipality) {
        c.error("E0213", at,
                "package '" + p.name + "' names a municipality but is not of layer municipal");
    }
}

void resolve_extends(Checker& c, std::map<std::string, PackageId> const& by_name) {
    auto& packages = c.program.packages;
    std::vector<std::string> names;
    for (auto const& [name, id] : by_name)
        names.push_back(name);
    for (PackageId id = 0; id < packages.size(); ++id) {
        for (auto const& item : c.files[id].tree->header) {
            if (item.kind != syntax::HeaderItem::Kind::extends)
                continue;
            auto it = by_name.find(item.text);
            if (it == by_name.end()) {
                auto& d = c.error("E0209", item.span,
                                  "package '" + packages[id].name + "' extends unknown package '" +
                                      item.text + "'");
                add_did_you_mean(d, item.text, names);
                continue;
            }
            if (it->second == id) {
                c.error("E0218", item.span, "package '" + packages[id].name + "' extends itself");
                continue;
            }
            auto const& base = packages[it->second];
            if (static_cast<int>(base.layer) > static_cast<int>(packages[id].layer)) {
                auto& d = c.error("E0218", item.span,
                                  std::string(to_string(packages[id].layer)) + " package '" +
                                      packages[id].name + "' cannot extend " +
                                      std::string(to_string(base.layer)) + " package '" +
                                      base.name + "'");
                d.notes.push_back({std::nullopt, "a package extends packages of its own layer or "
                                                 "a lower one (national < regional < municipal)"});
                continue;
            }
            packages[id].extends.push_back(it->second);
        }
    }
}

void find_extends_cycles(Checker& c) {
    auto& packages = c.program.packages;
    std::vector<int> state(packages.size(), 0); // 0 new, 1 on stack, 2 done
    std::vector<PackageId> stack;
    std::function<void(PackageId)> visit = [&](PackageId id) {
        state[id] = 1;
        stack.push_back(id);
        for (PackageId next : packages[id].extends) {
            if (state[next] == 1) {
                std::string path;
                bool on = false;
                for (PackageId s : stack) {
                    on = on || s == next;
                    if (on)
                        path += packages[s].name + " → ";
                }
                path += packages[next].name;
                c.error("E0218", packages[id].span, "packages extend each other in a cycle")
                    .notes.push_back({std::nullopt, path});
            } else if (state[next] == 0) {
                visit(next);
            }
        }
        stack.pop_back();
        state[id] = 2;
    };
    for (PackageId id = 0; id < packages.size(); ++id)
        if (state[id] == 0)
            visit(id);
}

void compute_lineage(Program& program) {
    for (PackageId id = 0; id < program.packages.size(); ++id) {
        std::set<PackageId> seen;
        std::vector<PackageId> order;
        std::function<void(PackageId)> walk = [&](PackageId p) {
            if (!seen.insert(p).second)
                return;
            order.push_back(p);
            for (PackageId base : program.packages[p].extends)
                walk(base);
        };
        walk(id);
        program.packages[id].lineage = std::move(order);
    }
}

bool overlaps(std::optional<DateRange> const& a, std::optional<DateRange> const& b) {
    if (!a || !b)
        return true;
    bool a_before_b = a->to && *a->to < b->from;
    bool b_before_a = b->to && *b->to < a->from;
    return !a_before_b && !b_before_a;
}

void check_municipal_overlaps(Checker& c) {
    auto const& packages = c.program.packages;
    for (PackageId a = 0; a < packages.size(); ++a) {
        for (PackageId b = a + 1; b < packages.size(); ++b) {
            auto const& pa = packages[a];
            auto const& pb = packages[b];
            if (pa.layer != Layer::municipal || pb.layer != Layer::municipal ||
                pa.municipality.empty() || pa.municipality != pb.municipality || pa.law != pb.law ||
                !overlaps(pa.valid, pb.valid))
                continue;
            auto& d = c.error("E0215", pb.span,
                              "packages '" + pa.name + "' and '" + pb.name + "' both apply to " +
                                  pa.municipality + " and " + pa.law + " on the same dates");
            d.notes.push_back({pa.span, "'" + pa.name + "' is valid " +
                                            (pa.valid ? pa.valid->to_string() : "always")});
            d.notes.push_back({pb.span, "'" + pb.name + "' is valid " +
                                            (pb.valid ? pb.valid->to_string() : "always")});
        }
    }
}

} // namespace

void declare_packages(Checker& c) {
    std::map<std::string, PackageId> by_name;
    for (auto const& input : c.files) {
        auto const& file = *input.tree;
        Package p;
        p.name = file.package.text;
        p.title = file.title;
        p.file = input.file;
        p.path = input.path;
        p.hash = input.hash;
        p.span = file.package.span;
        read_header(c, p, file);
        auto id = static_cast<PackageId>(c.program.packages.size());
        auto [it, fresh] = by_name.emplace(p.name, id);
        if (!fresh)
            c.error("E0214", p.span, "package '" + p.name + "' is declared twice")
                .notes.push_back({c.program.packages[it->second].span, "first declared here"});
        c.program.packages.push_back(std::move(p));
    }
    resolve_extends(c, by_name);
    find_extends_cycles(c);
    compute_lineage(c.program);
    check_municipal_overlaps(c);
}

} // namespace billijk::sema
