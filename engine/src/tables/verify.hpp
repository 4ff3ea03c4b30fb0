// billijk tables verify: does every value of a published tariff table follow from its rule?
// For each row, evaluate the rule with the row's inputs and compare with the published value;
// for a row that does not follow, say which rounding would explain it (tables/analysis.hpp).
//
//   auto read = tables::read_published_table(text);
//   tables::VerifyOptions opt{"share_of_professional", {}, {}, {}};
//   auto out = tables::verify(rules.program(), *read.table, opt);
//   if (out.report) std::cout << tables::report_text(*out.report, "table.csv");
//
// Pure: reads only the program, the table and the options.
#pragma once

#include "sema/ir.hpp"
#include "tables/analysis.hpp"
#include "tables/binding.hpp"
#include "tables/published_table.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace billijk::tables {

struct VerifyOptions {
    std::string rule;
    std::optional<std::string> package; ///< default: the one package declaring the rule
    std::optional<Date> date;           ///< default: the first day the package is valid
    BindOptions bind;
};

struct RowResult {
    std::size_t line = 0;
    std::string label;
    std::vector<std::pair<std::string, std::string>> inputs; ///< column header, cell
    Decimal published;
    Decimal computed;
    bool follows = false;
    Decimal difference; ///< published − computed
    Analysis analysis;  ///< filled only when !follows
};

struct VerifyReport {
    std::string rule;
    std::string package;
    std::string unit;       ///< the rule's declared type, "eur/year"
    std::string expression; ///< the rule's expression as written
    Date date;
    std::vector<RowResult> rows;
    std::size_t mismatches() const;
};

enum class Failure {
    usage,      ///< unknown rule or package, a rule that is not a number, no date
    table,      ///< a malformed cell, a column that binds nothing, an input the table lacks
    evaluation, ///< overflow, division by zero
};

struct VerifyOutcome {
    std::optional<VerifyReport> report;
    Failure failure = Failure::usage;
    std::vector<TableError> errors;
};

VerifyOutcome verify(sema::Program const& program, PublishedTable const& table,
                     VerifyOptions const& options);

/// The report as text (mismatches with their explanations, then a summary line), as JSON
/// (sorted keys, every row) and as CSV (one line per row). `table_path` is shown as given. The
/// CSV is in the table's dialect: with `separator` ';' semicolons between fields and decimal
/// commas in the amounts, so the spreadsheet that saved the table opens the report in columns.
std::string report_text(VerifyReport const& report, std::string const& table_path);
std::string report_json(VerifyReport const& report, std::string const& table_path);
std::string report_csv(VerifyReport const& report, char separator = ',');

} // namespace billijk::tables
