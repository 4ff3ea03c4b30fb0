// Before → after per provision (impact/compare.hpp).
#include "impact/compare.hpp"

#include "diag/render.hpp"
#include "impact/explain_diff.hpp"

namespace billijk::impact {

namespace {

Outcome outcome_of(ProvisionResult const& p) {
    return {status_name(p.status), p.quantity, p.rate, p.budget, {}};
}

Outcome error_outcome(Diagnostics const& diags, SourceSet const& sources) {
    Outcome out;
    out.status = "error";
    out.error = render_all(diags, sources);
    while (!out.error.empty() && out.error.back() == '\n')
        out.error.pop_back();
    return out;
}

bool same(std::optional<Quantity> const& a, std::optional<Quantity> const& b) {
    return a.has_value() == b.has_value() && (!a || *a == *b);
}

} // namespace

std::string status_name(Status status) {
    switch (status) {
    case Status::granted:
        return "granted";
    case Status::refused:
        return "refused";
    case Status::undetermined:
        return "undetermined";
    }
    return "undetermined";
}

std::vector<ProvisionImpact> compare_case(Case const& the_case, std::string const& source,
                                          Result<Indication> const& before,
                                          Result<Indication> const& after,
                                          SourceSet const& sources) {
    std::vector<ProvisionImpact> rows;
    for (std::size_t i = 0; i < the_case.requests.size(); ++i) {
        ProvisionImpact row;
        row.case_id = the_case.case_id;
        row.municipality = the_case.municipality;
        row.provision = the_case.requests[i].provision;
        row.source = source;
        // indicate() gives one provision per request, in request order.
        ProvisionResult const* b = before && i < before.value().provisions.size()
                                       ? &before.value().provisions[i]
                                       : nullptr;
        ProvisionResult const* a =
            after && i < after.value().provisions.size() ? &after.value().provisions[i] : nullptr;
        row.before = b ? outcome_of(*b) : error_outcome(before.diagnostics(), sources);
        row.after = a ? outcome_of(*a) : error_outcome(after.diagnostics(), sources);
        auto const& x = row.before;
        auto const& y = row.after;
        if (x.budget && y.budget && x.budget->unit == y.budget->unit) {
            auto d = sub(y.budget->amount, x.budget->amount);
            if (d.value) // an overflow leaves the change unknown; both budgets are still shown
                row.budget_change = Quantity{*d.value, y.budget->unit};
        }
        row.changed = x.status != y.status || !same(x.quantity, y.quantity) ||
                      !same(x.rate, y.rate) || !same(x.budget, y.budget);
        if (row.changed && a && b)
            row.rules = changed_rules(b->explanation, a->explanation);
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace billijk::impact
