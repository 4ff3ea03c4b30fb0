// RuleSet: a checked program with what every indication under each package names as its
// sources, built once per load.
#include "billijk/engine.hpp"
#include "sema/ir.hpp"

#include <algorithm>
#include <string>

namespace billijk {

namespace {

RuleSet::Sources sources_of(sema::Program const& program, sema::PackageId root) {
    RuleSet::Sources out;
    for (auto id : program.packages[root].lineage) {
        auto const& p = program.packages[id];
        out.rules.push_back({p.name, p.valid ? p.valid->to_string() : "..", p.hash});
        if (!p.plugin)
            continue;
        auto const& plug = program.plugins[*p.plugin];
        PluginRef ref{plug.name, plug.municipality_code, plug.version,
                      std::to_string(plug.abi_major) + "." + std::to_string(plug.abi_minor),
                      plug.sha256};
        // One per municipality, in code order.
        auto at = std::find_if(out.plugins.begin(), out.plugins.end(), [&](PluginRef const& r) {
            return r.municipality >= ref.municipality;
        });
        if (at == out.plugins.end() || at->municipality != ref.municipality)
            out.plugins.insert(at, std::move(ref));
    }
    return out;
}

} // namespace

RuleSet::RuleSet(std::shared_ptr<sema::Program const> program, Diagnostics warnings)
    : program_(std::move(program)), warnings_(std::move(warnings)) {
    auto all = std::make_shared<std::vector<Sources>>();
    all->reserve(program_->packages.size());
    for (sema::PackageId id = 0; id < program_->packages.size(); ++id)
        all->push_back(sources_of(*program_, id));
    sources_ = std::move(all);
}

} // namespace billijk
