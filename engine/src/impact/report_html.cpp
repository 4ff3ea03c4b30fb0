// The HTML impact report (impact/report.hpp): one file, inline style and inline SVG charts
// (review/chart_svg.hpp), no scripts, no fonts, nothing fetched: a policy writer opens it
// offline or mails it to the council.
#include "impact/report.hpp"
#include "review/chart_svg.hpp"

#include <sstream>

namespace billijk::impact {

namespace {

constexpr char const* style = R"(body{font-family:sans-serif;margin:2em;color:#222;max-width:75em}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #bbb;padding:4px 8px;vertical-align:top;text-align:left}
th{background:#eee}td.num{text-align:right;font-family:monospace}tr.up td.change{color:#060}tr.down td.change{color:#a00}
ul.why{margin:0;padding-left:1.2em;font-size:90%}p.note{background:#fff8dc;padding:.5em;border-left:4px solid #d9b300}
svg.spread rect.bar{fill:#4a7ab5}svg.spread line.engine{stroke:#c00;stroke-width:3}svg.spread text{font-size:12px})";

std::string e(std::string_view s) {
    return review::html_escape(s);
}

std::string cell(std::optional<Quantity> const& q) {
    return "<td class=\"num\">" + e(show(q)) + "</td>";
}

void totals_table(std::ostringstream& out, Report const& report) {
    out << "<h2>Totals per municipality and provision</h2>\n<table id=\"totals\">\n<tr>"
        << "<th>municipality</th><th>provision</th><th>provisions</th><th>changed</th>"
        << "<th>up</th><th>down</th><th>status</th><th>quantity (Q)</th><th>rate (P)</th>"
        << "<th>budget per year, base</th><th>budget per year, draft</th><th>change</th></tr>\n";
    for (auto const& t : report.totals) {
        auto diff = sub(t.budget_after, t.budget_before);
        out << "<tr class=\"total\"><td>" << e(t.municipality) << "</td><td>" << e(t.provision)
            << "</td><td class=\"num\">" << t.cases << "</td><td class=\"num\">" << t.changed
            << "</td><td class=\"num\">" << t.up << "</td><td class=\"num\">" << t.down
            << "</td><td class=\"num\">" << t.status_changed << "</td><td class=\"num\">"
            << t.quantity_changed << "</td><td class=\"num\">" << t.rate_changed
            << "</td><td class=\"num\">" << t.budget_before.to_string() << "</td><td class=\"num\">"
            << t.budget_after.to_string() << "</td><td class=\"num\">"
            << (diff.value ? signed_amount(*diff.value) : "overflow") << "</td></tr>\n";
    }
    out << "</table>\n";
}

void charts(std::ostringstream& out, Report const& report) {
    std::vector<review::ChartBar> buckets;
    for (auto const& b : report.distribution)
        buckets.push_back({b.label, Quantity{Decimal::from_int(b.count), Unit{}}, std::nullopt});
    out << "<h2>Distribution of the change of the yearly budget</h2>\n"
        << "<p>Number of provisions per bucket of (draft − base) budget per year, in euro.</p>\n"
        << review::budget_chart_svg(buckets, "number of provisions per bucket of budget change");
    std::vector<review::ChartBar> bars;
    for (auto const& r : report.rows)
        if (r.changed && (r.before.budget || r.after.budget))
            bars.push_back({r.case_id, r.after.budget, r.before.budget});
    out << "<h2>Budgets of the changed cases</h2>\n<p>Bar: the budget under the draft. Red "
           "tick: the budget under the base rules.</p>\n"
        << review::budget_chart_svg(bars, "budget per changed case: draft bar, base tick");
}

void changed_table(std::ostringstream& out, Report const& report) {
    out << "<h2>Changed cases</h2>\n<table id=\"changed\">\n<tr><th>case</th><th>provision</th>"
        << "<th>status</th><th>quantity base</th><th>quantity draft</th><th>rate base</th>"
        << "<th>rate draft</th><th>budget base</th><th>budget draft</th><th>change</th>"
        << "<th>rules whose value changed</th></tr>\n";
    for (auto const& r : report.rows) {
        if (!r.changed)
            continue;
        std::string const dir = !r.budget_change || r.budget_change->amount.is_zero() ? "same"
                                : r.budget_change->amount.is_negative()               ? "down"
                                                                                      : "up";
        std::string status = r.before.status == r.after.status
                                 ? r.after.status
                                 : r.before.status + " → " + r.after.status;
        out << "<tr class=\"" << dir << "\"><td>" << e(r.case_id) << "</td><td>" << e(r.provision)
            << "</td><td>" << e(status) << "</td>" << cell(r.before.quantity)
            << cell(r.after.quantity) << cell(r.before.rate) << cell(r.after.rate)
            << cell(r.before.budget) << cell(r.after.budget) << "<td class=\"num change\">"
            << (r.budget_change ? e(signed_amount(r.budget_change->amount)) : "") << "</td><td>"
            << "<ul class=\"why\">";
        for (auto const& c : r.rules)
            out << "<li><b>" << e(c.name) << "</b> " << e(c.before) << " → " << e(c.after)
                << (c.redefined ? " (redefined in " : " (in ")
                << e(c.package.empty() ? "the case" : c.package) << ")<br><small>" << e(c.cites)
                << "</small></li>";
        out << "</ul></td></tr>\n";
    }
    out << "</table>\n";
}

} // namespace

std::string write_html(Report const& report) {
    Summary const s = summarise(report);
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<title>billijk impact</title>\n<style>" << style << "</style>\n</head>\n<body>\n"
        << "<h1>Impact of a draft regulation</h1>\n<p>Base rules: <code>" << e(report.base)
        << "</code>; draft: <code>" << e(report.draft) << "</code>; reference date: "
        << e(report.date.empty() ? "each case's decision date" : report.date) << ".</p>\n"
        << "<p id=\"summary\">" << s.rows << " provisions, " << s.changed
        << " changed: budget up in " << s.up << ", down in " << s.down << "; status changed in "
        << s.status << ".</p>\n<p class=\"note\">" << e(pq_sentence(s)) << ".</p>\n";
    totals_table(out, report);
    charts(out, report);
    changed_table(out, report);
    out << "<h2>Unchanged</h2>\n<p>";
    bool first = true;
    for (auto const& r : report.rows)
        if (!r.changed) {
            out << (first ? "" : ", ") << e(r.case_id);
            first = false;
        }
    out << (first ? "none" : "") << "</p>\n</body>\n</html>\n";
    return out.str();
}

} // namespace billijk::impact
