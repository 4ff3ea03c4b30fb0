// Table coverage the checker lets through. The checker (sema/coverage.cpp) proves coverage only
// for `hit unique`, and only inside the hull of the range cells it sees: a table whose age rows
// stop at [12, 18) covers "every age" as far as it knows. Lint adds:
//   L0401  a `hit first` table has inputs no row matches (same method as E0405: enumeration and
//          bool columns plus at most one number column); such an input is undetermined
//   L0402  a number column of a `unique` or `first` table has no row above its highest bound, or
//          below its lowest bound when that is above 0 (quantities and ages are taken to be
//          non-negative): "ages 18 and over" get no row
// Not decided (no finding): text and date columns, a second number column, more than 4096
// combinations of enumeration members — these need the law's domain, which the rules do not
// declare. `hit sum` tables are skipped: no matching row is a sum of 0 by definition.
#include "lint/passes.hpp"
#include "sema/intervals.hpp"

namespace billijk::lint {

using sema::Cell;
using sema::Interval;
using sema::Scalar;
using sema::TableDecl;
using sema::TableVersion;
using sema::Type;

namespace {

std::vector<Scalar> domain_of(sema::Program const& p, sema::Package const& pkg, Type const& type) {
    std::vector<Scalar> out;
    if (type.kind == Type::Kind::boolean) {
        for (bool b : {true, false}) {
            Scalar s;
            s.type = type;
            s.boolean = b;
            out.push_back(s);
        }
    } else if (type.kind == Type::Kind::enumeration) {
        auto ref = pkg.lookup(type.enum_name);
        if (!ref || ref->kind != sema::DeclKind::enumeration)
            return out;
        for (auto const& member : p.enums[ref->index].members) {
            Scalar s;
            s.type = type;
            s.text = member;
            out.push_back(s);
        }
    }
    return out;
}

constexpr std::size_t max_combinations = 4096;

void first_coverage(sema::Program const& p, Sink& sink, TableDecl const& table,
                    TableVersion const& version) {
    auto const& columns = version.columns;
    std::optional<std::size_t> range_column;
    std::vector<std::vector<Scalar>> domains(columns.size());
    std::size_t combinations = 1;
    for (std::size_t k = 0; k < columns.size(); ++k) {
        auto const& t = columns[k].type;
        if (t.kind == Type::Kind::boolean || t.kind == Type::Kind::enumeration) {
            domains[k] = domain_of(p, p.packages[table.package], t);
            if (domains[k].empty())
                return;
            combinations *= domains[k].size();
            if (combinations > max_combinations)
                return;
        } else if (t.is_number() && !range_column) {
            range_column = k;
        } else {
            return;
        }
    }
    std::optional<Interval> domain;
    if (range_column) {
        std::vector<Interval> ranges;
        for (auto const& row : version.rows)
            ranges.push_back(Interval::of(row.cells[*range_column]));
        domain = sema::hull(ranges);
    }
    std::vector<std::string> missing;
    for (std::size_t n = 0; n < combinations; ++n) {
        std::size_t rest = n;
        std::string where;
        std::vector<std::size_t> pick(columns.size(), 0);
        for (std::size_t k = 0; k < columns.size(); ++k) {
            if (domains[k].empty())
                continue;
            pick[k] = rest % domains[k].size();
            rest /= domains[k].size();
            where += (where.empty() ? "" : ", ") + columns[k].name + " = " +
                     domains[k][pick[k]].to_string();
        }
        std::vector<Interval> covered;
        bool any_row = false;
        for (auto const& row : version.rows) {
            bool match = true;
            for (std::size_t k = 0; k < columns.size() && match; ++k) {
                if (domains[k].empty())
                    continue;
                auto const& cell = row.cells[k];
                match = cell.kind == Cell::Kind::any || cell.value == domains[k][pick[k]];
            }
            if (!match)
                continue;
            any_row = true;
            if (range_column)
                covered.push_back(Interval::of(row.cells[*range_column]));
        }
        if (!any_row) {
            missing.push_back(where.empty() ? std::string("any input") : where);
            continue;
        }
        if (!domain)
            continue;
        for (auto const& gap : sema::gaps(covered, *domain))
            missing.push_back(where + (where.empty() ? "" : ", ") + columns[*range_column].name +
                              " in " + gap.to_string());
    }
    for (auto const& m : missing)
        sink.add("L0401", version.span, "no row of table '" + table.name + "' matches " + m,
                 "add a row for it (a last row of `-` cells catches the rest), or say in the "
                 "label why it cannot occur");
}

/// Reports the values above the highest and below the lowest bound of each number column.
void open_ends(Sink& sink, TableDecl const& table, TableVersion const& version) {
    for (std::size_t k = 0; k < version.columns.size(); ++k) {
        auto const& column = version.columns[k];
        if (!column.type.is_number())
            continue;
        std::vector<Interval> cells;
        for (auto const& row : version.rows)
            cells.push_back(Interval::of(row.cells[k]));
        auto h = sema::hull(cells);
        if (!h)
            continue;
        std::string const unit = column.type.to_string();
        std::string const hint = "add a row for these values (or one open-ended range such as "
                                 "`[18, )`), or a refusal that excludes them before the table "
                                 "is read";
        if (h->upper.value) {
            Interval above;
            above.lower = {h->upper.value, !h->upper.closed};
            sink.add("L0402", version.span,
                     "no row of table '" + table.name + "' covers " + column.name + " in " +
                         above.to_string() + " (" + unit + ")",
                     hint);
        }
        if (h->lower.value && (h->lower.value->is_negative() == false) &&
            (!h->lower.value->is_zero() || !h->lower.closed)) {
            Interval below;
            below.lower = {Decimal(), true};
            below.upper = {h->lower.value, !h->lower.closed};
            sink.add("L0402", version.span,
                     "no row of table '" + table.name + "' covers " + column.name + " in " +
                         below.to_string() + " (" + unit + ")",
                     hint);
        }
    }
}

} // namespace

void lint_tables(sema::Program const& p, Sink& sink) {
    for (auto const& table : p.tables) {
        for (auto const& version : table.versions) {
            bool shaped = true;
            for (auto const& row : version.rows)
                shaped = shaped && row.cells.size() == version.columns.size();
            for (auto const& column : version.columns)
                shaped = shaped && !column.type.is_error();
            if (!shaped || version.hit == sema::HitPolicy::sum)
                continue;
            if (version.hit == sema::HitPolicy::first)
                first_coverage(p, sink, table, version);
            open_ends(sink, table, version);
        }
    }
}

} // namespace billijk::lint
