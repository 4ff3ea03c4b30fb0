// billijk::indicate: pick the municipal package for the case, then evaluate every request.
#include "billijk/engine.hpp"
#include "billijk/version.hpp"
#include "eval/reindication.hpp"
#include "eval/request.hpp"
#include "sema/ir.hpp"

#include <algorithm>

namespace billijk {

namespace {

std::optional<sema::PackageId> find_package(sema::Program const& program, Case const& c,
                                            Date reference) {
    for (sema::PackageId id = 0; id < program.packages.size(); ++id) {
        auto const& p = program.packages[id];
        if (p.layer == sema::Layer::municipal && p.municipality == c.municipality &&
            p.law == c.law && (!p.valid || p.valid->contains(reference)))
            return id;
    }
    return std::nullopt;
}

} // namespace

Result<Indication> indicate(RuleSet const& rules, Case const& the_case,
                            IndicateOptions const& options) {
    auto const& program = rules.program();
    Date reference = options.reference_date.value_or(the_case.decision_date);
    auto root = find_package(program, the_case, reference);
    if (!root)
        return fail("E0801", std::nullopt,
                    "municipality: no rule package for municipality " + the_case.municipality +
                        " and law " + the_case.law + " valid on " + reference.to_string());

    Indication ind;
    ind.case_id = the_case.case_id;
    ind.engine = engine_name;
    ind.reference_date = reference;
    for (auto id : program.packages[*root].lineage) {
        auto const& p = program.packages[id];
        ind.rules.push_back({p.name, p.valid ? p.valid->to_string() : "..", p.hash});
        if (!p.plugin)
            continue;
        auto const& plug = program.plugins[*p.plugin];
        PluginRef ref{plug.name, plug.municipality_code, plug.version,
                      std::to_string(plug.abi_major) + "." + std::to_string(plug.abi_minor),
                      plug.sha256};
        auto at = std::find_if(ind.plugins.begin(), ind.plugins.end(), [&](PluginRef const& r) {
            return r.municipality >= ref.municipality;
        });
        if (at == ind.plugins.end() || at->municipality != ref.municipality)
            ind.plugins.insert(at, std::move(ref));
    }
    Diagnostics diags;
    for (std::size_t i = 0; i < the_case.requests.size(); ++i) {
        auto result = eval::evaluate_request(program, *root, the_case, i, options.explain);
        if (!result) {
            diags.append(result.diagnostics());
            continue;
        }
        ind.provisions.push_back(std::move(result).value());
        if (auto const& previous = the_case.requests[i].previous)
            eval::compare_with_previous(ind.provisions.back(), *previous);
    }
    if (diags.has_errors())
        return diags;
    return ind;
}

} // namespace billijk
