// The text impact report (impact/report.hpp): summary, totals, distribution, then per changed
// case before → after and the rules that changed; unchanged cases listed by id.
#include "impact/report.hpp"

#include <sstream>

namespace billijk::impact {

namespace {

std::string arrow(std::string const& before, std::string const& after) {
    return before == after ? before + " (same)" : before + " -> " + after;
}

void row_lines(std::ostringstream& out, ProvisionImpact const& r) {
    out << r.case_id << " " << r.provision << " (" << r.municipality << ", " << r.source << ")\n";
    out << "  status:   " << arrow(r.before.status, r.after.status) << "\n";
    out << "  quantity: " << arrow(show(r.before.quantity), show(r.after.quantity)) << "\n";
    out << "  rate:     " << arrow(show(r.before.rate), show(r.after.rate)) << "\n";
    out << "  budget:   " << arrow(show(r.before.budget), show(r.after.budget));
    if (r.budget_change)
        out << " (" << signed_amount(r.budget_change->amount) << ")";
    out << "\n";
    for (auto const* o : {&r.before, &r.after})
        if (o->status == "error")
            out << "  " << (o == &r.before ? "base" : "draft") << " error: " << o->error << "\n";
    for (auto const& c : r.rules) {
        out << "  because " << c.kind << " " << c.name << ": " << c.before << " -> " << c.after;
        out << " (" << (c.redefined ? "redefined in " : "in ")
            << (c.package.empty() ? "the case" : c.package) << ")\n";
        if (!c.cites.empty())
            out << "    cites: " << c.cites << "\n";
    }
}

} // namespace

std::string write_text(Report const& report) {
    std::ostringstream out;
    Summary const s = summarise(report);
    out << "billijk impact: base " << report.base << ", draft " << report.draft << "\n";
    out << "reference date: " << (report.date.empty() ? "each case's decision date" : report.date)
        << "\n";
    out << "provisions: " << s.rows << ", changed: " << s.changed << " (budget up " << s.up
        << ", down " << s.down << "; status " << s.status << ", quantity " << s.quantity
        << ", rate " << s.rate << ")";
    if (s.errors_both)
        out << "; not computable under either: " << s.errors_both;
    out << "\n" << pq_sentence(s) << "\n\n";

    out << "Totals per municipality and provision (sums of eur/year budgets)\n";
    for (auto const& t : report.totals) {
        auto diff = sub(t.budget_after, t.budget_before);
        out << "  " << t.municipality << " " << t.provision << ": " << t.cases << " provisions, "
            << t.changed << " changed (up " << t.up << ", down " << t.down << ", status "
            << t.status_changed << ", quantity " << t.quantity_changed << ", rate "
            << t.rate_changed << ")\n    budget per year: " << t.budget_before.to_string() << " ("
            << t.budgets_before << " budgets) -> " << t.budget_after.to_string() << " ("
            << t.budgets_after << " budgets)";
        if (diff.value)
            out << ", " << signed_amount(*diff.value);
        out << "\n";
    }
    out << "\nDistribution of the change of the yearly budget (provisions with a budget under "
           "both)\n";
    for (auto const& b : report.distribution)
        out << "  " << b.label << ": " << b.count << "\n";

    out << "\nChanged\n";
    for (auto const& r : report.rows)
        if (r.changed)
            row_lines(out, r);
    out << "\nUnchanged:";
    bool any = false;
    for (auto const& r : report.rows)
        if (!r.changed) {
            out << " " << r.case_id << (r.before.status == "error" ? " (error under both)" : "");
            any = true;
        }
    out << (any ? "" : " none") << "\n";
    return out.str();
}

} // namespace billijk::impact
