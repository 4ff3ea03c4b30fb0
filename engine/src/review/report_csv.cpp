#include "io/csv_dialect.hpp"
#include "review/derivation.hpp"
#include "review/report_format.hpp"

#include <sstream>

namespace billijk::review {

namespace {

constexpr char const* columns[] = {"record",  "group",      "line",    "decision_id",
                                   "case_id", "provision",  "field",   "proposed",
                                   "engine",  "difference", "verdict", "detail"};

void row(std::ostringstream& out, std::vector<std::string> const& cells, char separator) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out << separator;
        out << io::csv_field(cells[i], separator);
    }
    out << "\n";
}

/// The fields whose proposed and engine values are amounts ("30.00 eur/hour").
bool is_amount_field(std::string const& field) {
    return field == "quantity" || field == "rate" || field == "budget";
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

std::string write_report_csv(Report const& report, char separator) {
    std::ostringstream out;
    std::vector<std::string> const header(std::begin(columns), std::end(columns));
    row(out, header, separator);
    auto amount = [&](std::string const& text) { return io::spreadsheet_decimal(text, separator); };
    for (auto const& d : report.decisions)
        for (auto const& f : d.fields) {
            if (f.verdict == Verdict::equal)
                continue;
            bool const amounts = is_amount_field(f.field);
            row(out,
                {"field", "", std::to_string(d.line), io::inert_in_spreadsheet(d.decision_id),
                 io::inert_in_spreadsheet(d.case_id), d.provision, f.field,
                 amounts ? amount(f.proposed) : f.proposed, amounts ? amount(f.engine) : f.engine,
                 amounts ? amount(f.difference) : f.difference, std::string(to_string(f.verdict)),
                 joined(f.explanation, " | ")},
                separator);
        }
    auto groups = unequal_groups(report);
    for (std::size_t i = 0; i < groups.size(); ++i) {
        auto const& g = *groups[i];
        for (std::size_t k = 0; k < g.members.size(); ++k) {
            auto const& d = report.decisions[g.members[k]];
            row(out,
                {"equal_case", std::to_string(i + 1), std::to_string(d.line),
                 io::inert_in_spreadsheet(d.decision_id), io::inert_in_spreadsheet(d.case_id),
                 d.provision, "budget", d.decided_budget ? amount(render(*d.decided_budget)) : "",
                 d.engine_budget ? amount(render(*d.engine_budget)) : "", "", "unequal",
                 drivers_text(g, k)},
                separator);
        }
    }
    return out.str();
}

} // namespace billijk::review
