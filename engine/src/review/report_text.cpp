#include "review/derivation.hpp"
#include "review/report_format.hpp"

#include <sstream>

namespace billijk::review {

namespace {

std::string or_none(std::string const& s) {
    return s.empty() ? "none" : s;
}

std::string budget(std::optional<Quantity> const& q) {
    return q ? render(*q) : "none";
}

void write_decision(std::ostringstream& out, ReviewedDecision const& d) {
    bool any = false;
    for (auto const& f : d.fields)
        any = any || f.verdict != Verdict::equal;
    out << decision_name(d) << " " << d.provision << ": "
        << (d.has_finding() ? "deviates"
            : any           ? "agrees within tolerance"
                            : "agrees")
        << "\n";
    for (auto const& f : d.fields) {
        if (f.verdict == Verdict::equal)
            continue;
        out << "  " << f.field << ": proposed " << or_none(f.proposed) << ", engine "
            << or_none(f.engine);
        if (!f.difference.empty())
            out << ", difference " << f.difference;
        out << (f.verdict == Verdict::deviation ? " — deviation" : " — within tolerance") << "\n";
        for (auto const& line : f.explanation)
            out << "    " << line << "\n";
    }
}

void write_group(std::ostringstream& out, Report const& report, EqualCaseGroup const& g,
                 std::size_t number) {
    out << "Group " << number << ": " << g.members.size()
        << " equal cases with different budgets\n";
    out << "  equal in:";
    for (auto const& item : g.key)
        out << "\n    " << item.name << " = " << item.value;
    out << "\n";
    for (auto m : g.members) {
        auto const& d = report.decisions[m];
        out << "  " << decision_name(d) << ": decided " << budget(d.decided_budget) << ", engine "
            << budget(d.engine_budget) << "\n";
    }
    if (g.spread)
        out << "  spread: " << render(*g.spread) << "\n";
    if (g.drivers.empty()) {
        out << "  driven by: no input outside the need differs; the proposals themselves "
               "differ\n";
    } else {
        out << "  driven by inputs that are not need:\n";
        for (auto const& driver : g.drivers) {
            out << "    " << driver.input << ":";
            for (std::size_t i = 0; i < driver.values.size(); ++i)
                out << (i ? " |" : "") << " " << or_none(driver.values[i]);
            out << "\n";
        }
    }
}

} // namespace

std::string write_report_text(Report const& report) {
    std::ostringstream out;
    out << "Review of " << report.decisions.size()
        << " proposed decisions: " << report.deviation_count()
        << " with deviations beyond tolerance\n";
    auto groups = unequal_groups(report);
    if (report.equal_case_audit)
        out << "Equal-case audit: " << report.groups.size() << " groups of equal cases, "
            << groups.size() << " with different budgets\n";
    out << "\nDecisions\n";
    for (auto const& d : report.decisions)
        write_decision(out, d);
    if (report.equal_case_audit) {
        out << "\nEqual cases with different budgets\n";
        if (groups.empty())
            out << "none\n";
        for (std::size_t i = 0; i < groups.size(); ++i)
            write_group(out, report, *groups[i], i + 1);
    }
    return out.str();
}

} // namespace billijk::review
