#include "review/decision_csv.hpp"

#include "core/utf8.hpp"
#include "io/csv_dialect.hpp"
#include "review/csv.hpp"
#include "review/decision_case.hpp"
#include "review/proposal_fields.hpp"

#include <algorithm>
#include <map>

namespace billijk::review {

std::vector<std::string> const& decision_csv_columns() {
    static std::vector<std::string> const columns = {
        "decision_id", "case_file",     "provision", "form",      "status",
        "quantity",    "quantity_unit", "rate",      "rate_unit", "budget",
        "budget_unit", "period_start",  "period_end"};
    return columns;
}

namespace {

std::vector<std::string> const required_columns = {"decision_id", "case_file", "provision",
                                                   "status"};

struct Row {
    CsvRecord const& record;
    std::map<std::string, std::size_t> const& index;
    std::vector<LineError>& errors;
    char separator; ///< ';': decimals have a decimal comma (io/csv_dialect.hpp)
    bool ok = true;

    std::string cell(std::string const& column) const {
        auto it = index.find(column);
        return it == index.end() ? std::string() : record.fields[it->second];
    }
    void fail(std::string column, std::string message) {
        errors.push_back({record.line, std::move(column), std::move(message), false});
        ok = false;
    }
    template <typename T> std::optional<T> checked(std::string const& column, FieldResult<T> v) {
        if (!v.value)
            fail(column, v.problem);
        return std::move(v.value);
    }
    std::optional<Date> date(std::string const& column) {
        if (auto why = io::rewritten_date(cell(column))) {
            fail(column, *why);
            return std::nullopt;
        }
        return checked(column, read_date(cell(column)));
    }
    std::optional<Quantity> quantity(std::string const& column) {
        std::string const amount = io::decimal_text(cell(column), separator);
        std::string const unit = cell(column + "_unit");
        if (amount.empty()) {
            if (!unit.empty())
                fail(column, "is empty but " + column + "_unit is given");
            return std::nullopt;
        }
        if (unit.empty()) {
            fail(column + "_unit", "required when " + column + " is given");
            return std::nullopt;
        }
        if (auto why = io::ambiguous_decimal(cell(column), separator)) {
            fail(column, *why);
            return std::nullopt;
        }
        return checked(column, read_quantity(amount, unit));
    }
};

std::optional<ProposedDecision> read_row(Row& row, std::string const& path) {
    for (auto const& column : required_columns)
        if (row.cell(column).empty())
            row.fail(column, "must not be empty");
    ProposedDecision decision;
    decision.line = row.record.line;
    decision.decision_id = row.cell("decision_id");
    Proposal& p = decision.proposal;
    p.provision = row.cell("provision");
    if (auto form = row.cell("form"); !form.empty())
        p.form = row.checked("form", read_form(form));
    if (auto status = row.cell("status"); !status.empty())
        p.status = row.checked("status", read_status(status)).value_or("");
    p.quantity = row.quantity("quantity");
    p.rate = row.quantity("rate");
    p.budget = row.quantity("budget");
    std::string const start = row.cell("period_start"), end = row.cell("period_end");
    if (start.empty() != end.empty()) {
        row.fail(start.empty() ? "period_start" : "period_end",
                 "give both period_start and period_end, or neither");
    } else if (!start.empty()) {
        auto s = row.date("period_start");
        auto e = row.date("period_end");
        if (s && e && *e < *s)
            row.fail("period_end", "end " + e->to_string() + " is before start " + s->to_string());
        else if (s && e)
            p.period = Period{*s, *e};
    }
    std::optional<std::string> case_text;
    if (!row.cell("case_file").empty())
        case_text = row.checked("case_file", read_case_file(path, row.cell("case_file")));
    if (!case_text || !row.ok)
        return std::nullopt;
    auto the_case = read_decision_case(*case_text, row.record.line, "case_file", row.errors);
    if (!the_case)
        return std::nullopt;
    decision.the_case = std::move(*the_case);
    if (!bind_request(decision, row.errors))
        return std::nullopt;
    return decision;
}

} // namespace

DecisionFile read_decisions_csv(std::string_view text, std::string const& path) {
    DecisionFile out;
    text = without_bom(text);
    char const separator = io::csv_file_separator(text);
    out.separator = separator;
    CsvParse csv = split_csv(text, separator);
    if (csv.unterminated_quote_line)
        out.errors.push_back(
            {*csv.unterminated_quote_line, "", "quoted field is not closed", false});
    if (csv.records.empty()) {
        out.errors.push_back({1, "",
                              "no header line (expected the columns of "
                              "docs/review-format.md)",
                              false});
        return out;
    }
    auto const& header = csv.records.front();
    std::map<std::string, std::size_t> index;
    auto const& known = decision_csv_columns();
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        auto const& name = header.fields[i];
        if (auto why = not_utf8(name, csv_utf8_advice))
            out.errors.push_back({header.line, "",
                                  "the name of column " + std::to_string(i + 1) + " " + *why,
                                  false});
        else if (std::find(known.begin(), known.end(), name) == known.end())
            out.errors.push_back({header.line, name, "unknown column", false});
        else if (!index.emplace(name, i).second)
            out.errors.push_back({header.line, name, "column appears more than once", false});
    }
    for (auto const& column : required_columns)
        if (!index.count(column))
            out.errors.push_back({header.line, column, "required column is missing", false});
    if (!out.errors.empty())
        return out; // without a sound header no row can be read reliably
    for (std::size_t r = 1; r < csv.records.size(); ++r) {
        auto const& record = csv.records[r];
        if (record.fields.size() != header.fields.size()) {
            out.errors.push_back({record.line, "",
                                  "has " + std::to_string(record.fields.size()) +
                                      " fields, the header " + std::to_string(header.fields.size()),
                                  false});
            continue;
        }
        // Every cell ends up in the report, whose JSON must be UTF-8.
        bool utf8 = true;
        for (std::size_t k = 0; k < record.fields.size() && utf8; ++k)
            if (auto why = not_utf8(record.fields[k], csv_utf8_advice)) {
                out.errors.push_back({record.line, header.fields[k], *why, false});
                utf8 = false;
            }
        if (!utf8)
            continue;
        Row row{record, index, out.errors, separator};
        if (auto d = read_row(row, path))
            out.decisions.push_back(std::move(*d));
    }
    return out;
}

} // namespace billijk::review
