// The verification report as text, JSON and CSV (tables/verify.hpp). Rows keep the table's order;
// JSON keys are sorted (nlohmann::json's std::map), so equal inputs give equal bytes.
#include "tables/verify.hpp"

#include "io/csv_dialect.hpp"
#include "io/report_json.hpp"

#include <nlohmann/json.hpp>

namespace billijk::tables {

namespace {

std::string signed_text(Decimal const& d) {
    return (d.is_negative() ? "" : "+") + d.to_string();
}

std::vector<std::string> fit_texts(RowResult const& r) {
    std::vector<std::string> out;
    for (auto const& f : r.analysis.fits)
        out.push_back(describe(f));
    return out;
}

std::string exact_line(RowResult const& r) {
    if (!r.analysis.exact)
        return {};
    std::string const value = r.analysis.exact->to_string();
    if (r.analysis.stated)
        return "  before the rule's rounding (" + rule_spelling(*r.analysis.stated) +
               "): " + value + "\n";
    return "  exact value: " + value + "\n";
}

} // namespace

std::string report_text(VerifyReport const& report, std::string const& table_path) {
    std::string out = "table " + table_path + " against rule " + report.rule + " (package " +
                      report.package + ", " + report.unit + ", on " + report.date.to_string() +
                      ")\n  = " + report.expression + "\n";
    for (auto const& r : report.rows) {
        if (r.follows)
            continue;
        out += "\n" + table_path + ":" + std::to_string(r.line) + ": " +
               (r.label.empty() ? "" : r.label + ": ") + "the published value does not follow\n";
        std::string inputs;
        for (auto const& [column, cell] : r.inputs)
            inputs += (inputs.empty() ? "" : ", ") + column + " = " + cell;
        out += "  inputs: " + (inputs.empty() ? std::string("none") : inputs) + "\n";
        out += "  published:  " + r.published.to_string() + "\n";
        out += "  rule gives: " + r.computed.to_string() + "\n";
        out += "  difference: " + signed_text(r.difference) + " (published - rule)\n";
        out += exact_line(r);
        auto fits = fit_texts(r);
        if (fits.empty())
            out += "  no rounding explains it\n";
        else
            out += "  explained by:\n";
        for (auto const& f : fits)
            out += "    - " + f + "\n";
    }
    auto const bad = report.mismatches();
    out += "\n" + std::to_string(report.rows.size()) +
           " rows: " + std::to_string(report.rows.size() - bad) + " follow the rule, " +
           std::to_string(bad) + (bad == 1 ? " does not" : " do not") + "\n";
    return out;
}

std::string report_json(VerifyReport const& report, std::string const& table_path) {
    using nlohmann::json;
    json rows = json::array();
    for (auto const& r : report.rows) {
        json row;
        row["line"] = r.line;
        row["label"] = r.label;
        json inputs = json::object();
        for (auto const& [column, cell] : r.inputs)
            inputs[column] = cell;
        row["inputs"] = inputs;
        row["published"] = r.published.to_string();
        row["computed"] = r.computed.to_string();
        row["difference"] = r.difference.to_string();
        row["follows"] = r.follows;
        if (!r.follows) {
            row["exact"] = r.analysis.exact ? json(r.analysis.exact->to_string()) : json(nullptr);
            json fits = json::array();
            for (auto const& f : r.analysis.fits) {
                json fit;
                fit["where"] = f.intermediate.empty() ? "end" : "intermediate";
                if (!f.intermediate.empty())
                    fit["intermediate"] = f.intermediate;
                fit["mode"] = f.way ? json(std::string(to_string(f.way->mode))) : json(nullptr);
                fit["step"] = f.way ? json(f.way->step.to_string()) : json(nullptr);
                fit["text"] = describe(f);
                fits.push_back(fit);
            }
            row["explanations"] = fits;
        }
        rows.push_back(row);
    }
    json out;
    out["schema"] = "billijk.tables-verify/1";
    out["table"] = table_path;
    out["rule"] = report.rule;
    out["package"] = report.package;
    out["unit"] = report.unit;
    out["expression"] = report.expression;
    out["date"] = report.date.to_string();
    out["rows"] = rows;
    out["mismatches"] = report.mismatches();
    return io::report_json_text(out);
}

std::string report_csv(VerifyReport const& report, char separator) {
    std::string const sep(1, separator);
    auto field = [&](std::string_view text) { return io::csv_field(text, separator); };
    auto amount = [&](Decimal const& d) {
        return io::spreadsheet_decimal(d.to_string(), separator);
    };
    std::string out = "line" + sep + "label" + sep + "published" + sep + "computed" + sep +
                      "difference" + sep + "follows" + sep + "explanations\n";
    for (auto const& r : report.rows) {
        std::string fits;
        for (auto const& f : fit_texts(r))
            fits += (fits.empty() ? "" : "; ") + f;
        if (!r.follows && fits.empty())
            fits = "no rounding explains it";
        out += std::to_string(r.line) + sep + field(io::inert_in_spreadsheet(r.label)) + sep +
               amount(r.published) + sep + amount(r.computed) + sep + amount(r.difference) + sep +
               (r.follows ? "yes" : "no") + sep + field(fits) + "\n";
    }
    return out;
}

} // namespace billijk::tables
