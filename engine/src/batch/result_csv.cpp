#include "batch/result_csv.hpp"

#include "core/utf8.hpp"
#include "io/csv_dialect.hpp"
#include "io/indication_json.hpp"

#include <array>
#include <optional>

namespace billijk::batch {

namespace {

constexpr std::array<char const*, 16> columns = {
    "line",          "case_id", "provision",   "status", "form",        "quantity",
    "quantity_unit", "rate",    "rate_unit",   "budget", "budget_unit", "period_start",
    "period_end",    "reasons", "fingerprint", "errors"};

/// Appends the cells of one row, each written for `separator`.
std::string row(std::array<std::string, columns.size()> const& cells, char separator) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i)
            out += separator;
        out += io::csv_field(cells[i], separator);
    }
    return out;
}

void put_quantity(std::optional<Quantity> const& q, std::string& amount, std::string& unit,
                  char separator) {
    if (!q)
        return;
    amount = io::spreadsheet_decimal(q->amount.to_string(), separator);
    unit = q->unit.to_string();
}

/// The refusals that hold and, for an undetermined provision, what is missing: what the back
/// office acts on. In Dutch, as the refusal texts are written for the client's letter.
std::string reasons_text(ProvisionResult const& p) {
    std::string out;
    auto add = [&](std::string const& text) {
        if (!out.empty())
            out += " | ";
        out += text;
    };
    for (auto const& r : p.reasons)
        add(r.text_nl.empty() ? r.rule : r.text_nl);
    for (auto const& missing : p.undetermined)
        add(missing);
    return out;
}

} // namespace

std::string result_csv_header(char separator) {
    std::string out;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i)
            out += separator;
        out += columns[i];
    }
    return out;
}

std::string result_csv_rows(std::size_t line, Indication const& indication, char separator) {
    std::string out;
    for (auto const& p : indication.provisions) {
        std::array<std::string, columns.size()> cells;
        cells[0] = std::to_string(line);
        cells[1] = io::inert_in_spreadsheet(indication.case_id);
        cells[2] = p.provision;
        cells[3] = std::string(io::status_name(p.status));
        cells[4] = p.form;
        put_quantity(p.quantity, cells[5], cells[6], separator);
        put_quantity(p.rate, cells[7], cells[8], separator);
        put_quantity(p.budget, cells[9], cells[10], separator);
        cells[11] = p.period.start.to_string();
        cells[12] = p.period.end.to_string();
        cells[13] = reasons_text(p);
        cells[14] = indication.fingerprint;
        if (!out.empty())
            out += '\n';
        out += row(cells, separator);
    }
    if (out.empty()) {
        std::array<std::string, columns.size()> cells;
        cells[0] = std::to_string(line);
        cells[1] = io::inert_in_spreadsheet(indication.case_id);
        cells[14] = indication.fingerprint;
        out = row(cells, separator);
    }
    return out;
}

std::string error_csv_row(std::size_t line, std::vector<Diagnostic> const& problems,
                          char separator) {
    std::array<std::string, columns.size()> cells;
    cells[0] = std::to_string(line);
    for (auto const& d : problems) {
        if (!cells[15].empty())
            cells[15] += " | ";
        // A message may quote bytes of a line that is not UTF-8; the file stays UTF-8.
        cells[15] += d.id + " " + utf8_display(d.message); // begins with the id: inert
    }
    return row(cells, separator);
}

} // namespace billijk::batch
