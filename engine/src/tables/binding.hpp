// How the columns of a published table bind to the inputs of a rule (docs/tables-verify.md,
// "Columns"): a column named `label` describes the row; the published column (`--published COL`,
// else `published`, else the rule's own name) holds the value to check; every other column names
// — by its header, or through `--bind COLUMN=NAME` — a request field (request.provider,
// request.form, request.rate, request.provision), a case date (decision_date, period.start,
// period.end, client.birth_date) or a fact, parameter or rule the package sees.
//
//   auto b = tables::bind_columns(program, package, "hourly_rate", table, options);
//   if (b.errors.empty()) tables::apply(program, package, *b.bindings, row, inputs);
#pragma once

#include "eval/rule_probe.hpp"
#include "sema/ir.hpp"
#include "tables/published_table.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace billijk::tables {

enum class Target {
    request_provider,
    request_form,
    request_rate,
    request_provision,
    decision_date,
    period_start,
    period_end,
    birth_date,
    named, ///< a fact, parameter or rule of the package
};

struct ColumnBinding {
    std::size_t column = 0; ///< 0-based index in the header
    std::string header;
    std::string name; ///< what it binds: "request.provider", "in_kind_cost", …
    Target target = Target::named;
    sema::Type type; ///< the declared type of what it binds
};

struct Bindings {
    std::vector<ColumnBinding> inputs; ///< in column order
    std::size_t published = 0;
    std::optional<std::size_t> label;
};

struct BindOptions {
    std::map<std::string, std::string> binds; ///< --bind COLUMN=NAME
    std::optional<std::string> published;     ///< --published COLUMN
};

struct BindOutcome {
    std::optional<Bindings> bindings;
    std::vector<TableError> errors; ///< on the header line, naming the column
};

BindOutcome bind_columns(sema::Program const& program, sema::PackageId package,
                         std::string const& rule, PublishedTable const& table,
                         BindOptions const& options);

/// Reads the row's cells into `inputs` per their bindings; errors name line and column.
std::vector<TableError> apply(sema::Program const& program, sema::PackageId package,
                              Bindings const& bindings, TableRow const& row,
                              std::vector<std::string> const& header, eval::ProbeInputs& inputs);

} // namespace billijk::tables
