// The CSV impact report (impact/report.hpp): one row per case and provision, RFC 4180 quoting,
// amounts as plain decimals with the unit in its own column.
#include "impact/report.hpp"

#include <sstream>

namespace billijk::impact {

namespace {

std::string field(std::string const& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string amount(std::optional<Quantity> const& q) {
    return q ? q->amount.to_string() : "";
}

std::string unit(std::optional<Quantity> const& a, std::optional<Quantity> const& b) {
    return a ? a->unit.to_string() : b ? b->unit.to_string() : "";
}

} // namespace

std::string write_csv(Report const& report) {
    std::ostringstream out;
    out << "case_id,municipality,provision,changed,status_before,status_after,quantity_before,"
           "quantity_after,quantity_unit,rate_before,rate_after,rate_unit,budget_before,"
           "budget_after,budget_change,budget_unit,rules\n";
    for (auto const& r : report.rows) {
        std::string rules;
        for (auto const& c : r.rules)
            rules += (rules.empty() ? "" : "; ") + c.name + ": " + c.before + " -> " + c.after;
        auto const& b = r.before;
        auto const& a = r.after;
        out << field(r.case_id) << "," << field(r.municipality) << "," << field(r.provision) << ","
            << (r.changed ? "yes" : "no") << "," << b.status << "," << a.status << ","
            << amount(b.quantity) << "," << amount(a.quantity) << ","
            << unit(b.quantity, a.quantity) << "," << amount(b.rate) << "," << amount(a.rate) << ","
            << unit(b.rate, a.rate) << "," << amount(b.budget) << "," << amount(a.budget) << ","
            << (r.budget_change ? signed_amount(r.budget_change->amount) : "") << ","
            << unit(b.budget, a.budget) << "," << field(rules) << "\n";
    }
    return out.str();
}

} // namespace billijk::impact
