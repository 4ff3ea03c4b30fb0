// verify (tables/verify.hpp): choose the package and date, bind the columns, then one RuleProbe
// per row.
#include "tables/verify.hpp"

#include "tables/amount.hpp"

namespace billijk::tables {

std::size_t VerifyReport::mismatches() const {
    std::size_t n = 0;
    for (auto const& r : rows)
        n += r.follows ? 0 : 1;
    return n;
}

namespace {

VerifyOutcome failed(Failure kind, std::vector<TableError> errors) {
    return {std::nullopt, kind, std::move(errors)};
}

VerifyOutcome failed(Failure kind, std::string message) {
    return failed(kind, std::vector<TableError>{{0, 0, {}, std::move(message)}});
}

/// The package to evaluate in, or why there is none.
std::optional<sema::PackageId> choose_package(sema::Program const& program,
                                              VerifyOptions const& options, std::string& why) {
    if (options.package) {
        for (sema::PackageId id = 0; id < program.packages.size(); ++id) {
            if (program.packages[id].name != *options.package)
                continue;
            auto ref = program.packages[id].lookup(options.rule);
            if (!ref || ref->kind != sema::DeclKind::rule) {
                why = "package " + *options.package + " has no rule '" + options.rule + "'";
                return std::nullopt;
            }
            return id;
        }
        why = "unknown package '" + *options.package + "'";
        return std::nullopt;
    }
    std::vector<sema::PackageId> declaring;
    for (auto const& r : program.rules)
        if (r.name == options.rule)
            declaring.push_back(r.package);
    if (declaring.empty()) {
        why = "unknown rule '" + options.rule + "': no package declares it";
        return std::nullopt;
    }
    if (declaring.size() > 1) {
        why = "rule '" + options.rule + "' is declared in several packages (";
        for (std::size_t i = 0; i < declaring.size(); ++i)
            why += (i ? ", " : "") + program.packages[declaring[i]].name;
        why += "): choose one with --package NAME";
        return std::nullopt;
    }
    return declaring.front();
}

/// True when every reason is a missing input: the table lacks a column, not the rules a value.
bool missing_inputs(std::vector<std::string> const& reasons) {
    for (auto const& r : reasons)
        if (!r.starts_with("missing "))
            return false;
    return !reasons.empty();
}

std::string joined(std::vector<std::string> const& parts) {
    std::string out;
    for (auto const& p : parts)
        out += (out.empty() ? "" : "; ") + p;
    return out;
}

} // namespace

VerifyOutcome verify(sema::Program const& program, PublishedTable const& table,
                     VerifyOptions const& options) {
    std::string why;
    auto package = choose_package(program, options, why);
    if (!package)
        return failed(Failure::usage, why);
    auto const& pkg = program.packages[*package];
    auto const& rule = program.rules[pkg.lookup(options.rule)->index];
    if (!rule.type.is_number())
        return failed(Failure::usage, "rule '" + options.rule + "' is a " + rule.type.to_string() +
                                          ", not an amount: only a rule with a number can be "
                                          "compared with a published table");
    std::optional<Date> date = options.date;
    if (!date && pkg.valid)
        date = pkg.valid->from;
    if (!date)
        return failed(Failure::usage, "package " + pkg.name +
                                          " has no validity range: give the date of the table "
                                          "with --date YYYY-MM-DD");

    auto bound = bind_columns(program, *package, options.rule, table, options.bind);
    if (!bound.bindings)
        return failed(Failure::table, std::move(bound.errors));
    auto const& bindings = *bound.bindings;

    VerifyReport report;
    report.rule = options.rule;
    report.package = pkg.name;
    report.unit = rule.type.to_string();
    report.expression = rule.value.text;
    report.date = *date;
    std::vector<TableError> errors;
    Failure kind = Failure::table;
    for (auto const& row : table.rows) {
        auto const published_at = bindings.published;
        auto published = parse_amount(row.cells[published_at]);
        if (!published.value) {
            errors.push_back(
                {row.line, published_at + 1, table.header[published_at], published.error});
            continue;
        }
        eval::ProbeInputs in;
        in.the_case.decision_date = *date;
        in.the_case.period = {*date, *date};
        auto cell_errors = apply(program, *package, bindings, row, table.header, in);
        if (!cell_errors.empty()) {
            errors.insert(errors.end(), cell_errors.begin(), cell_errors.end());
            continue;
        }
        eval::RuleProbe probe(program, *package, *date, std::move(in));
        auto const& named = probe.named(options.rule);
        if (!named.value.determined()) {
            bool const missing = missing_inputs(named.value.reasons);
            if (!missing)
                kind = Failure::evaluation;
            errors.push_back(
                {row.line,
                 0,
                 {},
                 "rule " + options.rule +
                     " is undetermined for this row: " + joined(named.value.reasons) +
                     (missing ? " (add a column for it, or --bind COLUMN=NAME)" : "")});
            continue;
        }
        RowResult r;
        r.line = row.line;
        if (bindings.label)
            r.label = row.cells[*bindings.label];
        for (auto const& c : bindings.inputs)
            r.inputs.emplace_back(c.header, row.cells[c.column]);
        r.published = *published.value;
        r.computed = named.value.scalar->number;
        r.follows = r.computed == r.published;
        auto diff = sub(r.published, r.computed);
        if (!diff.value) {
            kind = Failure::evaluation;
            errors.push_back({row.line, 0, {}, "overflow comparing the published value"});
            continue;
        }
        r.difference = *diff.value;
        if (!r.follows)
            r.analysis = analyse(probe, rule, r.published);
        report.rows.push_back(std::move(r));
    }
    if (!errors.empty())
        return failed(kind, std::move(errors));
    return {std::move(report), Failure::usage, {}};
}

} // namespace billijk::tables
