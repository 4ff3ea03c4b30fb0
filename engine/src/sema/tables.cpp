// Tables: hit policy, versions of one table agreeing, rows and cells (count, constants, types).
// The overlap and coverage checks for `hit unique` are in coverage.cpp.
#include "sema/checker.hpp"
#include "sema/intervals.hpp"
#include "sema/table_index.hpp"

namespace billijk::sema {

namespace {

std::string quoted(Type const& t) {
    return "'" + t.to_string() + "'";
}

/// The value of a constant cell expression: a literal, or a negated number literal.
std::optional<Scalar> constant(Expr const& e) {
    if (e.type.is_error())
        return std::nullopt;
    if (e.kind == Expr::Kind::literal)
        return e.literal;
    if (e.kind == Expr::Kind::unary && e.unary_op == UnaryOp::negate &&
        e.kids[0].kind == Expr::Kind::literal && e.kids[0].type.is_number()) {
        Scalar s = e.kids[0].literal;
        s.number = negate(s.number);
        return s;
    }
    return std::nullopt;
}

bool is_bare_number(syntax::Expr const& e) {
    auto const* lit = std::get_if<syntax::NumberLit>(&e.node);
    if (lit)
        return !lit->percent && !lit->unit;
    auto const* neg = std::get_if<syntax::Unary>(&e.node);
    return neg && neg->op == syntax::Unary::Op::negate && is_bare_number(*neg->operand);
}

struct RowChecker {
    Checker& c;
    TableDecl const& table;
    TableVersion& version;

    std::optional<Scalar> cell_value(syntax::Expr const& src, TableColumn const& column,
                                     bool in_range) {
        Expr e = check_expr(c, table.package, src, &column.type);
        if (e.type.is_error() || column.type.is_error())
            return std::nullopt;
        auto value = constant(e);
        if (!value) {
            c.error("E0406", e.span,
                    "a cell of table '" + table.name + "' must be a constant, not '" + e.text +
                        "'");
            return std::nullopt;
        }
        // A bare number in a range takes the column's unit.
        if (in_range && column.type.is_number() && is_bare_number(src))
            value->type = column.type;
        if (!(value->type == column.type)) {
            auto& d = c.error("E0403", e.span,
                              "cell for column '" + column.name + "' must be " +
                                  quoted(column.type) + ", found " + quoted(value->type));
            d.notes.push_back({version.span, "table '" + table.name + "' declares column '" +
                                                 column.name + ": " + column.type.to_string() +
                                                 "'"});
            return std::nullopt;
        }
        return value;
    }

    Cell cell(syntax::Cell const& src, TableColumn const& column) {
        Cell out;
        out.span = src.span;
        out.text = c.text(src.span);
        if (std::holds_alternative<syntax::AnyCell>(src.value))
            return out;
        if (auto const* expr = std::get_if<syntax::ExprPtr>(&src.value)) {
            if (auto v = cell_value(**expr, column, false)) {
                out.kind = Cell::Kind::value;
                out.value = *v;
            }
            return out;
        }
        auto const& range = std::get<syntax::RangeCell>(src.value);
        out.lower_closed = range.lower_closed;
        out.upper_closed = range.upper_closed;
        if (!column.type.is_error() && !column.type.is_number() &&
            column.type.kind != Type::Kind::date) {
            c.error("E0409", src.span,
                    "a range needs a column of numbers or dates, but column '" + column.name +
                        "' is " + quoted(column.type));
            return out;
        }
        bool ok = true;
        if (range.lower) {
            out.lower = cell_value(*range.lower, column, true);
            ok = ok && out.lower;
        }
        if (range.upper) {
            out.upper = cell_value(*range.upper, column, true);
            ok = ok && out.upper;
        }
        if (!ok)
            return out;
        out.kind = Cell::Kind::range;
        if (out.lower)
            out.lower_key = order_key(*out.lower);
        if (out.upper)
            out.upper_key = order_key(*out.upper);
        if (Interval::of(out).empty())
            c.error("E0411", src.span, "range " + out.text + " holds no value");
        return out;
    }

    void row(syntax::TableRow const& src, std::size_t number) {
        TableRow out;
        out.span = src.span;
        auto const& columns = version.columns;
        if (src.cells.size() != columns.size()) {
            c.error("E0402", src.span,
                    "row " + std::to_string(number) + " of table '" + table.name + "' has " +
                        std::to_string(src.cells.size()) + " cell" +
                        (src.cells.size() == 1 ? "" : "s") + " but the table has " +
                        std::to_string(columns.size()) + " column" +
                        (columns.size() == 1 ? "" : "s"));
        }
        for (std::size_t i = 0; i < src.cells.size() && i < columns.size(); ++i)
            out.cells.push_back(cell(src.cells[i], columns[i]));
        out.result = check_expr(c, table.package, *src.result, &version.type);
        expect_type(c, version.type, out.result,
                    "row " + std::to_string(number) + " of table '" + table.name + "'",
                    version.span);
        version.rows.push_back(std::move(out));
    }
};

std::optional<HitPolicy> hit_from(std::string const& text) {
    if (text == "unique")
        return HitPolicy::unique;
    if (text == "first")
        return HitPolicy::first;
    if (text == "sum")
        return HitPolicy::sum;
    return std::nullopt;
}

bool same_signature(TableVersion const& a, TableVersion const& b) {
    if (!(a.type == b.type) || a.columns.size() != b.columns.size())
        return false;
    for (std::size_t i = 0; i < a.columns.size(); ++i)
        if (a.columns[i].name != b.columns[i].name || !(a.columns[i].type == b.columns[i].type))
            return false;
    return true;
}

void check_version(Checker& c, TableDecl& table, std::size_t v, syntax::TableDecl const& src) {
    auto& version = table.versions[v];
    if (src.valid)
        version.valid = parse_range(c, *src.valid);
    auto hit = hit_from(src.hit.text);
    if (hit) {
        version.hit = *hit;
    } else {
        c.error("E0401", src.hit.span, "unknown hit policy '" + src.hit.text + "'")
            .notes.push_back({std::nullopt, "a hit policy is unique, first or sum"});
    }
    if (version.hit == HitPolicy::sum && !version.type.is_error() && !version.type.is_number())
        c.error("E0408", src.hit.span,
                "table '" + table.name + "' with hit sum must have a number type, not " +
                    quoted(version.type));
    if (v > 0 && !same_signature(table.versions.front(), version))
        c.error("E0407", version.span,
                "versions of table '" + table.name + "' differ in their columns or type")
            .notes.push_back({table.versions.front().span, "first version declared here"});
    RowChecker rows{c, table, version};
    auto errors_before = c.diags.items().size();
    for (std::size_t r = 0; r < src.rows.size(); ++r)
        rows.row(src.rows[r], r + 1);
    if (hit == HitPolicy::unique && c.diags.items().size() == errors_before)
        check_unique_table(c, table, version);
    index_first_cells(version);
}

} // namespace

void check_tables(Checker& c) {
    for (std::size_t i = 0; i < c.program.tables.size(); ++i) {
        auto& table = c.program.tables[i];
        for (std::size_t v = 0; v < table.versions.size(); ++v)
            check_version(c, table, v, *c.table_src[i][v]);
    }
}

} // namespace billijk::sema
