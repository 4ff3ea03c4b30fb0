// `hit unique` tables: no two rows may match one input (E0404), and every input must be matched
// (E0405). Coverage is checked when every column is an enumeration or bool, except at most one
// number column whose cells are ranges: every combination of enumeration members and booleans
// must have rows, and their ranges must cover the column's domain — the hull of all range cells
// of that column in the table — without gaps.
#include "sema/checker.hpp"
#include "sema/intervals.hpp"

namespace billijk::sema {

namespace {

bool comparable(Type const& t) {
    return t.is_number() || t.kind == Type::Kind::date;
}

bool cells_meet(Cell const& a, Cell const& b, Type const& type) {
    if (a.kind == Cell::Kind::any || b.kind == Cell::Kind::any)
        return true;
    if (comparable(type))
        return intersects(Interval::of(a), Interval::of(b));
    return a.kind == Cell::Kind::value && b.kind == Cell::Kind::value && a.value == b.value;
}

std::string row_text(TableRow const& row) {
    std::string out;
    for (auto const& cell : row.cells)
        out += (out.empty() ? "" : ", ") + cell.text;
    return out;
}

void check_overlaps(Checker& c, TableDecl const& table, TableVersion const& version) {
    auto const& rows = version.rows;
    for (std::size_t j = 1; j < rows.size(); ++j) {
        for (std::size_t i = 0; i < j; ++i) {
            bool meet = true;
            for (std::size_t k = 0; k < version.columns.size() && meet; ++k)
                meet = cells_meet(rows[i].cells[k], rows[j].cells[k], version.columns[k].type);
            if (!meet)
                continue;
            auto& d = c.error("E0404", rows[j].span,
                              "rows " + std::to_string(i + 1) + " and " + std::to_string(j + 1) +
                                  " of table '" + table.name + "' overlap");
            d.notes.push_back(
                {rows[i].span, "row " + std::to_string(i + 1) + ": " + row_text(rows[i])});
            d.notes.push_back(
                {rows[j].span, "row " + std::to_string(j + 1) + ": " + row_text(rows[j])});
            d.notes.push_back({std::nullopt, "with hit unique at most one row may match; use hit "
                                             "first if the first match should win"});
        }
    }
}

/// The values of one enumeration or bool column.
std::vector<Scalar> domain_of(Program const& program, Package const& pkg, Type const& type) {
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
        if (!ref || ref->kind != DeclKind::enumeration)
            return out;
        for (auto const& member : program.enums[ref->index].members) {
            Scalar s;
            s.type = type;
            s.text = member;
            out.push_back(s);
        }
    }
    return out;
}

constexpr std::size_t max_combinations = 4096;

void check_coverage(Checker& c, TableDecl const& table, TableVersion const& version) {
    auto const& columns = version.columns;
    std::optional<std::size_t> range_column;
    std::vector<std::vector<Scalar>> domains(columns.size());
    std::size_t combinations = 1;
    for (std::size_t k = 0; k < columns.size(); ++k) {
        auto const& t = columns[k].type;
        if (t.kind == Type::Kind::boolean || t.kind == Type::Kind::enumeration) {
            domains[k] = domain_of(c.program, c.program.packages[table.package], t);
            if (domains[k].empty())
                return;
            combinations *= domains[k].size();
            if (combinations > max_combinations)
                return;
        } else if (t.is_number() && !range_column) {
            range_column = k;
        } else {
            return; // not checkable: text or date columns, or a second number column
        }
    }
    std::optional<Interval> domain;
    if (range_column) {
        std::vector<Interval> ranges;
        for (auto const& row : version.rows)
            if (row.cells[*range_column].kind == Cell::Kind::range)
                ranges.push_back(Interval::of(row.cells[*range_column]));
        domain = hull(ranges);
    }
    std::vector<std::size_t> pick(columns.size(), 0);
    for (std::size_t n = 0; n < combinations; ++n) {
        // Decode combination n into one member per enumeration/bool column.
        std::size_t rest = n;
        std::string where;
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
            c.error("E0405", version.span,
                    "no row of table '" + table.name + "' matches " +
                        (where.empty() ? std::string("any input") : where))
                .notes.push_back({std::nullopt, "with hit unique every input needs a row"});
            continue;
        }
        if (!domain)
            continue;
        for (auto const& gap : gaps(covered, *domain)) {
            auto& d = c.error("E0405", version.span,
                              "no row of table '" + table.name + "' matches " + where +
                                  (where.empty() ? "" : ", ") + columns[*range_column].name +
                                  " in " + gap.to_string());
            d.notes.push_back({std::nullopt, "the rows of column '" + columns[*range_column].name +
                                                 "' span " + domain->to_string() +
                                                 "; with hit unique every value in it needs a "
                                                 "row"});
        }
    }
}

} // namespace

void check_unique_table(Checker& c, TableDecl const& table, TableVersion const& version) {
    for (auto const& row : version.rows)
        if (row.cells.size() != version.columns.size())
            return;
    for (auto const& column : version.columns)
        if (column.type.is_error())
            return;
    check_overlaps(c, table, version);
    check_coverage(c, table, version);
}

} // namespace billijk::sema
