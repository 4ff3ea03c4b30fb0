// The JSON impact report, schema "billijk.impact/1" (impact/report.hpp, docs/impact.md). Keys are
// sorted (nlohmann::json's std::map); amounts are decimal strings.
#include "impact/report.hpp"

#include "io/report_json.hpp"

#include <nlohmann/json.hpp>

namespace billijk::impact {

namespace {

nlohmann::json quantity(std::optional<Quantity> const& q) {
    if (!q)
        return nullptr;
    return {{"amount", q->amount.to_string()}, {"unit", q->unit.to_string()}};
}

nlohmann::json outcome(Outcome const& o) {
    nlohmann::json j = {{"status", o.status},
                        {"quantity", quantity(o.quantity)},
                        {"rate", quantity(o.rate)},
                        {"budget", quantity(o.budget)}};
    if (o.status == "error")
        j["error"] = o.error;
    return j;
}

} // namespace

std::string write_json(Report const& report) {
    Summary const s = summarise(report);
    nlohmann::json j;
    j["schema"] = "billijk.impact/1";
    j["base"] = report.base;
    j["draft"] = report.draft;
    j["date"] = report.date.empty() ? nlohmann::json(nullptr) : nlohmann::json(report.date);
    j["summary"] = {{"provisions", s.rows},
                    {"changed", s.changed},
                    {"status_changed", s.status},
                    {"quantity_changed", s.quantity},
                    {"rate_changed", s.rate},
                    {"budget_changed", s.budget},
                    {"up", s.up},
                    {"down", s.down},
                    {"error_under_both", s.errors_both}};
    j["cases"] = nlohmann::json::array();
    for (auto const& r : report.rows) {
        nlohmann::json rules = nlohmann::json::array();
        for (auto const& c : r.rules)
            rules.push_back({{"kind", c.kind},
                             {"name", c.name},
                             {"package", c.package},
                             {"cites", c.cites},
                             {"before", c.before},
                             {"after", c.after},
                             {"redefined", c.redefined}});
        j["cases"].push_back({{"case_id", r.case_id},
                              {"municipality", r.municipality},
                              {"provision", r.provision},
                              {"source", r.source},
                              {"before", outcome(r.before)},
                              {"after", outcome(r.after)},
                              {"budget_change", quantity(r.budget_change)},
                              {"changed", r.changed},
                              {"rules", rules}});
    }
    j["totals"] = nlohmann::json::array();
    for (auto const& t : report.totals) {
        auto diff = sub(t.budget_after, t.budget_before);
        j["totals"].push_back(
            {{"municipality", t.municipality},
             {"provision", t.provision},
             {"provisions", t.cases},
             {"changed", t.changed},
             {"up", t.up},
             {"down", t.down},
             {"status_changed", t.status_changed},
             {"quantity_changed", t.quantity_changed},
             {"rate_changed", t.rate_changed},
             {"budget_per_year_before", t.budget_before.to_string()},
             {"budget_per_year_after", t.budget_after.to_string()},
             {"budget_per_year_change",
              diff.value ? nlohmann::json(diff.value->to_string()) : nlohmann::json(nullptr)},
             {"budgets_before", t.budgets_before},
             {"budgets_after", t.budgets_after}});
    }
    j["distribution"] = nlohmann::json::array();
    for (auto const& b : report.distribution)
        j["distribution"].push_back({{"bucket", b.label}, {"count", b.count}});
    return io::report_json_text(j);
}

} // namespace billijk::impact
