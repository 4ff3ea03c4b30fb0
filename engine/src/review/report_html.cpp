#include "review/chart_svg.hpp"
#include "review/derivation.hpp"
#include "review/report_format.hpp"

#include <sstream>

namespace billijk::review {

namespace {

// Everything inline: the committee opens the file offline, and a page that fetched scripts,
// fonts or style sheets would leak that a review is being read, or fail to render.
constexpr char const* style = R"(body{font-family:sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #bbb;padding:4px 8px;vertical-align:top;text-align:left}
th{background:#eee}tr.deviation td.verdict{color:#a00;font-weight:bold}tr.within-tolerance td.verdict{color:#875}
ul.why{margin:0;padding-left:1.2em;font-size:90%}td.num{text-align:right;font-family:monospace}
svg.spread rect.bar{fill:#4a7ab5}svg.spread line.engine{stroke:#c00;stroke-width:3}svg.spread text{font-size:12px}
section.group{border-top:2px solid #ccc;margin-top:1.5em})";

std::string e(std::string_view s) {
    return html_escape(s);
}

std::string amount(std::optional<Quantity> const& q) {
    return q ? render(*q) : "none";
}

void deviations_table(std::ostringstream& out, Report const& report) {
    out << "<h2>Deviations from the indication</h2>\n<table id=\"deviations\">\n"
        << "<tr><th>decision</th><th>case</th><th>line</th><th>field</th><th>proposed</th>"
        << "<th>engine</th><th>difference</th><th>verdict</th><th>why the engine has its "
           "value</th></tr>\n";
    for (auto const& d : report.decisions) {
        for (auto const& f : d.fields) {
            if (f.verdict == Verdict::equal)
                continue;
            bool const dev = f.verdict == Verdict::deviation;
            out << "<tr class=\"" << (dev ? "deviation" : "within-tolerance") << "\"><td>"
                << e(d.decision_id) << "</td><td>" << e(d.case_id) << "</td><td>" << d.line
                << "</td><td>" << e(f.field) << "</td><td class=\"num\">" << e(f.proposed)
                << "</td><td class=\"num\">" << e(f.engine) << "</td><td class=\"num\">"
                << e(f.difference) << "</td><td class=\"verdict\">"
                << (dev ? "deviation" : "within tolerance") << "</td><td><ul class=\"why\">";
            for (auto const& line : f.explanation)
                out << "<li>" << e(line) << "</li>";
            out << "</ul></td></tr>\n";
        }
    }
    out << "</table>\n";
}

void group_section(std::ostringstream& out, Report const& report, EqualCaseGroup const& g,
                   std::size_t number) {
    out << "<section class=\"group\" id=\"group-" << number << "\">\n<h3>Group " << number << ": "
        << g.members.size() << " equal cases, budgets differ";
    if (g.spread)
        out << " by " << e(render(*g.spread));
    out << "</h3>\n<table class=\"members\">\n<tr><th>decision</th><th>case</th><th>line</th>"
        << "<th>decided budget</th><th>engine budget</th>";
    for (auto const& driver : g.drivers)
        out << "<th>" << e(driver.input) << "</th>";
    out << "</tr>\n";
    std::vector<ChartBar> bars;
    for (std::size_t k = 0; k < g.members.size(); ++k) {
        auto const& d = report.decisions[g.members[k]];
        out << "<tr class=\"member\"><td>" << e(d.decision_id) << "</td><td>" << e(d.case_id)
            << "</td><td>" << d.line << "</td><td class=\"num\">" << e(amount(d.decided_budget))
            << "</td><td class=\"num\">" << e(amount(d.engine_budget)) << "</td>";
        for (auto const& driver : g.drivers)
            out << "<td class=\"num\">" << e(driver.values[k]) << "</td>";
        out << "</tr>\n";
        bars.push_back({d.decision_id, d.decided_budget, d.engine_budget});
    }
    out << "</table>\n<p>";
    if (g.drivers.empty())
        out << "No input outside the need differs: the proposals themselves differ.";
    else
        out << "Driven by inputs that are not need (columns after the budgets).";
    out << " Bars: decided budget; red tick: the engine's budget.</p>\n"
        << budget_chart_svg(bars) << "<details><summary>equal in</summary><ul>";
    for (auto const& item : g.key)
        out << "<li>" << e(item.name) << " = " << e(item.value) << "</li>";
    out << "</ul></details>\n</section>\n";
}

} // namespace

std::string write_report_html(Report const& report) {
    std::ostringstream out;
    auto groups = unequal_groups(report);
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<title>Billijk review</title>\n<style>\n"
        << style << "\n</style>\n</head>\n<body>\n<h1>Review of proposed decisions</h1>\n"
        << "<p id=\"summary\">" << report.decisions.size() << " proposed decisions, "
        << report.deviation_count() << " with deviations beyond tolerance";
    if (report.equal_case_audit)
        out << "; " << report.groups.size() << " groups of equal cases, " << groups.size()
            << " with different budgets";
    out << ".</p>\n";
    deviations_table(out, report);
    if (report.equal_case_audit) {
        out << "<h2>Equal cases with different budgets</h2>\n";
        if (groups.empty())
            out << "<p>None.</p>\n";
        for (std::size_t i = 0; i < groups.size(); ++i)
            group_section(out, report, *groups[i], i + 1);
    }
    out << "</body>\n</html>\n";
    return out.str();
}

} // namespace billijk::review
