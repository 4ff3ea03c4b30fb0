#include "batch/csv_case.hpp"

#include "core/utf8.hpp"
#include "io/csv_dialect.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

namespace billijk::batch {

std::optional<std::vector<std::string>> split_csv_record(std::string_view record, char separator) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < record.size(); ++i) {
        char const c = record[i];
        if (quoted) {
            if (c == '"' && i + 1 < record.size() && record[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == separator) {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    if (quoted)
        return std::nullopt;
    return fields;
}

std::vector<std::string> const& csv_case_columns() {
    static std::vector<std::string> const columns = {
        "case_id",    "municipality", "law",        "decision_date", "period_start",
        "period_end", "bsn",          "birth_date", "household",     "provision",
        "form",       "provider",     "rate",       "need_amount",   "need_unit"};
    return columns;
}

namespace {

std::vector<std::string> const required = {"case_id",      "municipality", "law", "decision_date",
                                           "period_start", "period_end",   "bsn", "birth_date",
                                           "provision",    "form"};

bool starts_with(std::string const& s, std::string_view prefix) {
    return s.size() > prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

Diagnostics cell_error(std::string const& column, std::string const& message) {
    return fail("B0003", std::nullopt, "column " + column + ": " + message);
}

/// "parent:1980-01-01:overloaded;child" → household members. A birth date a spreadsheet
/// re-wrote (14-3-1980) is refused as in the birth_date column. Messages name the member by its
/// place and role and never repeat the date.
Result<nlohmann::json> household(std::string const& cell) {
    nlohmann::json members = nlohmann::json::array();
    std::size_t start = 0;
    std::size_t place = 0;
    while (start <= cell.size()) {
        std::size_t end = cell.find(';', start);
        if (end == std::string::npos)
            end = cell.size();
        std::string const member = cell.substr(start, end - start);
        start = end + 1;
        if (member.empty())
            continue;
        ++place;
        // "member 2 (parent)": a member is named by its place and role, never by its parts,
        // which hold a birth date (docs/case-format.md: birth dates are not repeated).
        auto named = [&](nlohmann::json const& m) {
            return "member " + std::to_string(place) + " (" + m.value("role", "") + ")";
        };
        nlohmann::json m = nlohmann::json::object();
        std::size_t part_start = 0;
        for (int part = 0; part_start <= member.size(); ++part) {
            std::size_t part_end = member.find(':', part_start);
            if (part_end == std::string::npos)
                part_end = member.size();
            std::string const text = member.substr(part_start, part_end - part_start);
            part_start = part_end + 1;
            if (part == 0)
                m["role"] = text;
            else if (text == "overloaded")
                m["overloaded"] = true;
            else if (!text.empty() && !m.contains("birth_date")) {
                if (auto why = io::rewritten_date(text))
                    return cell_error("household", named(m) + ": birth date: " + *why);
                m["birth_date"] = text;
            } else
                return cell_error("household",
                                  named(m) + ": part " + std::to_string(part + 1) +
                                      (text.empty() ? " is empty"
                                                    : " is neither its one birth date nor "
                                                      "'overloaded'") +
                                      "; expected ROLE[:BIRTH_DATE][:overloaded]");
        }
        members.push_back(std::move(m));
    }
    return members;
}

/// A decimal cell as the case contract writes it ("16,00" -> "16.00" with semicolons); B0003
/// for a point in a semicolon-separated file (io/csv_dialect.hpp).
Result<std::string> decimal_cell(std::string const& column, std::string_view cell, char separator) {
    if (auto why = io::ambiguous_decimal(cell, separator))
        return cell_error(column, *why);
    return io::decimal_text(cell, separator);
}

/// A date cell as it is, or B0003 for a date a spreadsheet re-wrote: it is not turned round,
/// because whether 1-6-2017 is in June or January is the spreadsheet's locale, not the file's.
Result<std::string> date_cell(std::string const& column, std::string const& cell) {
    if (auto why = io::rewritten_date(cell))
        return cell_error(column, *why);
    return cell;
}

/// A fact cell: true/false, "AMOUNT UNIT" (a quantity), or text.
Result<nlohmann::json> fact_value(std::string const& column, std::string const& cell,
                                  char separator) {
    if (cell == "true")
        return nlohmann::json(true);
    if (cell == "false")
        return nlohmann::json(false);
    auto const space = cell.find(' ');
    if (space != std::string::npos && space > 0 &&
        cell.find_first_not_of("0123456789.,-") == space &&
        cell.find(' ', space + 1) == std::string::npos) {
        BILLIJK_TRY(amount, decimal_cell(column, cell.substr(0, space), separator));
        return nlohmann::json{{"amount", std::move(amount)}, {"unit", cell.substr(space + 1)}};
    }
    return nlohmann::json(cell);
}

} // namespace

Result<CsvColumns> CsvColumns::from_header(std::vector<std::string> const& header, char separator) {
    Diagnostics problems;
    std::set<std::string> seen;
    auto const& known = csv_case_columns();
    for (std::size_t i = 0; i < header.size(); ++i) {
        std::string const& name = header[i];
        if (auto why = not_utf8(name, csv_utf8_advice)) {
            problems.error("B0002", std::nullopt,
                           "the name of column " + std::to_string(i + 1) + " " + *why);
            continue;
        }
        bool const ok = std::find(known.begin(), known.end(), name) != known.end() ||
                        starts_with(name, "need_") || starts_with(name, "fact_");
        if (!ok)
            problems.error("B0002", std::nullopt, "column " + name + ": unknown column");
        else if (!seen.insert(name).second)
            problems.error("B0002", std::nullopt, "column " + name + ": appears more than once");
    }
    for (auto const& name : required)
        if (seen.count(name) == 0)
            problems.error("B0002", std::nullopt,
                           "column " + name + ": required column is missing");
    if (problems.has_errors())
        return problems;
    CsvColumns columns;
    columns.names_ = header;
    columns.separator_ = separator;
    return columns;
}

Result<std::string> CsvColumns::case_json(std::string_view record) const {
    auto fields = split_csv_record(record, separator_);
    if (!fields)
        return fail("B0003", std::nullopt, "a quoted field is not closed");
    if (fields->size() != names_.size())
        return fail("B0003", std::nullopt,
                    "has " + std::to_string(fields->size()) + " fields, the header " +
                        std::to_string(names_.size()));
    nlohmann::json c = nlohmann::json::object();
    nlohmann::json request = nlohmann::json::object();
    nlohmann::json items = nlohmann::json::array();
    nlohmann::json facts = nlohmann::json::object();
    std::string need_amount, need_unit;
    c["schema"] = "billijk.case/1";
    // An empty cell is an absent field; the case contract then says whether it was required.
    for (std::size_t i = 0; i < names_.size(); ++i) {
        std::string const& name = names_[i];
        std::string const& cell = (*fields)[i];
        if (cell.empty())
            continue;
        // The cells become JSON strings, which must be UTF-8.
        if (auto why = not_utf8(cell, csv_utf8_advice))
            return cell_error(name, *why);
        if (name == "case_id" || name == "municipality" || name == "law")
            c[name] = cell;
        else if (name == "decision_date") {
            BILLIJK_TRY(date, date_cell(name, cell));
            c[name] = std::move(date);
        } else if (name == "period_start") {
            BILLIJK_TRY(date, date_cell(name, cell));
            c["period"]["start"] = std::move(date);
        } else if (name == "period_end") {
            BILLIJK_TRY(date, date_cell(name, cell));
            c["period"]["end"] = std::move(date);
        } else if (name == "bsn") {
            // A spreadsheet takes a BSN for a number and drops its leading zeros; say so rather
            // than only "expected 9 digits". The BSN itself is never repeated in a message. Only
            // for 7 or 8 digits: a BSN rarely begins with more than two zeros, and a shorter
            // number was mistyped (the case reader says how many digits it found).
            if (cell.size() >= 7 && cell.size() < 9 &&
                cell.find_first_not_of("0123456789") == std::string::npos)
                return cell_error(name, std::to_string(cell.size()) +
                                            " digits, a BSN has 9: a spreadsheet drops the "
                                            "leading zeros of a number; format the column as "
                                            "text and write the BSN in full");
            c["client"]["bsn"] = cell;
        } else if (name == "birth_date") {
            BILLIJK_TRY(date, date_cell(name, cell));
            c["client"]["birth_date"] = std::move(date);
        } else if (name == "household") {
            BILLIJK_TRY(members, household(cell));
            c["household"] = std::move(members);
        } else if (name == "provision" || name == "form" || name == "provider")
            request[name] = cell;
        else if (name == "rate") {
            BILLIJK_TRY(rate, decimal_cell(name, cell, separator_));
            request[name] = std::move(rate);
        } else if (name == "need_amount") {
            BILLIJK_TRY(amount, decimal_cell(name, cell, separator_));
            need_amount = std::move(amount);
        } else if (name == "need_unit")
            need_unit = cell;
        else if (starts_with(name, "need_")) {
            BILLIJK_TRY(amount, decimal_cell(name, cell, separator_));
            items.push_back({{"kind", name.substr(5)}, {"amount", std::move(amount)}});
        } else if (starts_with(name, "fact_")) {
            BILLIJK_TRY(fact, fact_value(name, cell, separator_));
            facts[name.substr(5)] = std::move(fact);
        }
    }
    if (!need_amount.empty() && !items.empty())
        return cell_error("need_amount", "give need_amount or need_<kind> columns, not both");
    if (!items.empty()) {
        for (auto& item : items)
            item["unit"] = need_unit.empty() ? std::string("hours/week") : need_unit;
        request["need"]["items"] = std::move(items);
    } else if (!need_amount.empty()) {
        request["need"]["amount"] = need_amount;
        request["need"]["unit"] = need_unit.empty() ? std::string("hours/week") : need_unit;
    }
    if (!facts.empty())
        request["facts"] = std::move(facts);
    c["requests"] = nlohmann::json::array({std::move(request)});
    return c.dump();
}

} // namespace billijk::batch
