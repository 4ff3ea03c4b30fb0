#include "review/derivation.hpp"

#include "io/report_json.hpp"
#include "review/report_format.hpp"

#include <nlohmann/json.hpp>

namespace billijk::review {

namespace {

using nlohmann::json; // std::map underneath: keys come out sorted, so the bytes are stable

json amount(std::optional<Quantity> const& q) {
    if (!q)
        return nullptr;
    return json{{"amount", q->amount.to_string()}, {"unit", q->unit.to_string()}};
}

json decision_json(ReviewedDecision const& d) {
    json fields = json::array();
    for (auto const& f : d.fields) {
        json one{{"field", f.field},
                 {"proposed", f.proposed},
                 {"engine", f.engine},
                 {"difference", f.difference},
                 {"verdict", to_string(f.verdict)},
                 {"explanation", f.explanation}};
        fields.push_back(std::move(one));
    }
    return json{
        {"line", d.line},           {"decision_id", d.decision_id}, {"case_id", d.case_id},
        {"provision", d.provision}, {"finding", d.has_finding()},   {"fields", std::move(fields)}};
}

json group_json(Report const& report, EqualCaseGroup const& g) {
    json members = json::array();
    for (auto m : g.members) {
        auto const& d = report.decisions[m];
        members.push_back(json{{"line", d.line},
                               {"decision_id", d.decision_id},
                               {"case_id", d.case_id},
                               {"decided_budget", amount(d.decided_budget)},
                               {"engine_budget", amount(d.engine_budget)}});
    }
    json key = json::array();
    for (auto const& item : g.key)
        key.push_back(json{{"name", item.name}, {"value", item.value}});
    json drivers = json::array();
    for (auto const& driver : g.drivers)
        drivers.push_back(json{{"input", driver.input}, {"values", driver.values}});
    return json{{"members", std::move(members)},
                {"equal_in", std::move(key)},
                {"drivers", std::move(drivers)},
                {"spread", amount(g.spread)}};
}

} // namespace

std::string write_report_json(Report const& report) {
    json decisions = json::array();
    for (auto const& d : report.decisions)
        decisions.push_back(decision_json(d));
    auto groups = unequal_groups(report);
    json out{
        {"schema", "billijk.review/1"},
        {"summary",
         {{"decisions", report.decisions.size()}, {"with_deviations", report.deviation_count()}}},
        {"decisions", std::move(decisions)}};
    if (report.equal_case_audit) {
        json unequal = json::array();
        for (auto const* g : groups)
            unequal.push_back(group_json(report, *g));
        out["summary"]["equal_case_groups"] = report.groups.size();
        out["summary"]["unequal_groups"] = groups.size();
        out["equal_cases"] = std::move(unequal);
    }
    return io::report_json_text(out);
}

} // namespace billijk::review
