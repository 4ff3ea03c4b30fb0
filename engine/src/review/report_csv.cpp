#include "io/csv_dialect.hpp"
#include "review/derivation.hpp"
#include "review/report_format.hpp"

#include <sstream>

namespace billijk::review {

namespace {

constexpr char const* header = "record,group,line,decision_id,case_id,provision,field,proposed,"
                               "engine,difference,verdict,detail\n";

void row(std::ostringstream& out, std::vector<std::string> const& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i)
        out << (i ? "," : "") << io::csv_field(cells[i]);
    out << "\n";
}

std::string joined(std::vector<std::string> const& lines, std::string const& separator) {
    std::string out;
    for (auto const& line : lines)
        out += (out.empty() ? "" : separator) + line;
    return out;
}

std::string drivers_text(EqualCaseGroup const& g, std::size_t member) {
    std::vector<std::string> parts;
    for (auto const& d : g.drivers)
        parts.push_back(d.input + "=" + d.values[member]);
    return joined(parts, "; ");
}

} // namespace

std::string write_report_csv(Report const& report) {
    std::ostringstream out;
    out << header;
    for (auto const& d : report.decisions)
        for (auto const& f : d.fields)
            if (f.verdict != Verdict::equal)
                row(out,
                    {"field", "", std::to_string(d.line), io::inert_in_spreadsheet(d.decision_id),
                     io::inert_in_spreadsheet(d.case_id), d.provision, f.field, f.proposed,
                     f.engine, f.difference, std::string(to_string(f.verdict)),
                     joined(f.explanation, " | ")});
    auto groups = unequal_groups(report);
    for (std::size_t i = 0; i < groups.size(); ++i) {
        auto const& g = *groups[i];
        for (std::size_t k = 0; k < g.members.size(); ++k) {
            auto const& d = report.decisions[g.members[k]];
            row(out, {"equal_case", std::to_string(i + 1), std::to_string(d.line),
                      io::inert_in_spreadsheet(d.decision_id), io::inert_in_spreadsheet(d.case_id),
                      d.provision, "budget", d.decided_budget ? render(*d.decided_budget) : "",
                      d.engine_budget ? render(*d.engine_budget) : "", "", "unequal",
                      drivers_text(g, k)});
        }
    }
    return out.str();
}

} // namespace billijk::review
