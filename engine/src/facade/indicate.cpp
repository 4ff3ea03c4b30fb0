// billijk::indicate: pick the municipal package for the case, then evaluate every request.
#include "billijk/engine.hpp"
#include "billijk/version.hpp"
#include "eval/reindication.hpp"
#include "eval/request.hpp"
#include "sema/ir.hpp"

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
    auto const& sources = rules.sources(*root);
    ind.rules = sources.rules;
    ind.plugins = sources.plugins;
    Diagnostics diags;
    for (std::size_t i = 0; i < the_case.requests.size(); ++i) {
        auto result = eval::evaluate_request(program, *root, the_case, i, options.explain);
        if (!result) {
            diags.append(result.diagnostics());
            continue;
        }
        ind.provisions.push_back(std::move(result).value());
        // Its explanation borrows the declarations' texts from the program (billijk/text.hpp).
        // Without explanations nothing is borrowed, and the program is not kept: two workers
        // would otherwise count the same reference up and down for every case.
        if (options.explain)
            ind.provisions.back().rule_set = rules.shared_program();
        if (auto const& previous = the_case.requests[i].previous)
            eval::compare_with_previous(ind.provisions.back(), *previous);
    }
    if (diags.has_errors())
        return diags;
    return ind;
}

} // namespace billijk
