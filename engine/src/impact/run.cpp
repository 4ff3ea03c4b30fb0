// An impact run (impact/run.hpp).
#include "impact/run.hpp"

#include "impact/compare.hpp"
#include "impact/totals.hpp"

namespace billijk::impact {

Result<Report> run_impact(RuleSet const& base, RuleSet const& draft,
                          std::vector<CaseInput> const& cases, std::optional<Date> date,
                          SourceSet const& sources) {
    Report report;
    IndicateOptions options;
    options.reference_date = date;
    for (auto const& c : cases) {
        auto before = indicate(base, c.the_case, options);
        auto after = indicate(draft, c.the_case, options);
        for (auto& row : compare_case(c.the_case, c.source, before, after, sources))
            report.rows.push_back(std::move(row));
    }
    BILLIJK_TRY(totals, totals_of(report.rows));
    report.totals = std::move(totals);
    report.distribution = distribution_of(report.rows);
    return report;
}

} // namespace billijk::impact
