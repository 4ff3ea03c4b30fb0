#include "review/review.hpp"

namespace billijk::review {

namespace {

/// Scope of equality: only decisions about the same provision and form, under the same rule
/// packages, in the same municipality and law can be equal cases.
std::string scope_of(ProposedDecision const& d, Indication const& indication) {
    auto const& request = d.the_case.requests[d.request];
    std::string scope = d.the_case.municipality + " " + d.the_case.law + " " + request.provision +
                        " " + request.form;
    for (auto const& r : indication.rules)
        scope += " " + r.package + "@" + r.hash;
    return scope;
}

} // namespace

Report review_decisions(RuleSet const& rules, std::vector<ProposedDecision> const& decisions,
                        ReviewOptions const& options, std::vector<LineError>& errors) {
    Report report;
    report.equal_case_audit = options.equal_cases;
    std::vector<AuditEntry> audit;
    for (auto const& d : decisions) {
        auto indication = indicate(rules, d.the_case, {});
        if (!indication) {
            for (auto const& diag : indication.diagnostics().items())
                errors.push_back(
                    {d.line, "case", diag.message + " [" + diag.id + "]", diag.id == "E0805"});
            continue;
        }
        auto const& result = indication.value().provisions.at(d.request);
        ReviewedDecision r;
        r.line = d.line;
        r.decision_id = d.decision_id;
        r.case_id = d.the_case.case_id;
        r.provision = result.provision;
        r.fields = compare(d.proposal, result, options.tolerance, options.lang);
        r.decided_budget = d.proposal.budget;
        r.engine_budget = result.budget;
        report.decisions.push_back(std::move(r));
        if (options.equal_cases)
            audit.push_back({scope_of(d, indication.value()), need_profile(result),
                             d.proposal.budget, result.budget});
    }
    if (options.equal_cases)
        report.groups = group_equal_cases(audit);
    return report;
}

} // namespace billijk::review
