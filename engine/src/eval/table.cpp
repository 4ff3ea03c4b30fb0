// Table calls: pick the version valid on the reference date, match rows by hit policy
// (unique/first: the matching row; sum: the sum of every matching row's result).
#include "eval/evaluator.hpp"
#include "sema/intervals.hpp"
#include "sema/table_index.hpp"

namespace billijk::eval {

namespace {

/// Whether a value cell holds `arg`. The checker made each argument's type its column's
/// (sema/calls.cpp), so the payloads decide; comparing the types too (an enumeration's name for
/// every cell) was a third of a table call.
bool same_value(sema::Scalar const& cell, sema::Scalar const& arg) {
    if (cell.type.kind != arg.type.kind)
        return false;
    switch (cell.type.kind) {
    case sema::Type::Kind::boolean:
        return cell.boolean == arg.boolean;
    case sema::Type::Kind::date:
        return cell.date == arg.date;
    case sema::Type::Kind::text:
    case sema::Type::Kind::enumeration:
        return std::string_view(cell.text) == std::string_view(arg.text);
    case sema::Type::Kind::number:
        return cell.number == arg.number;
    case sema::Type::Kind::error:
        break;
    }
    return cell == arg;
}

/// Whether `arg` (with its order key `key`, sema/intervals.hpp) lies in `cell`.
bool cell_matches(sema::Cell const& cell, sema::Scalar const& arg,
                  std::optional<Decimal> const& key) {
    switch (cell.kind) {
    case sema::Cell::Kind::any:
        return true;
    case sema::Cell::Kind::value:
        return same_value(cell.value, arg);
    case sema::Cell::Kind::range:
        // The point against the bounds' keys, which the checker computed (sema::Interval::of(cell)
        // and intersects() say the same, at several times the cost per row). A bound without
        // an order key is open, as in sema::Interval::of.
        if (!key)
            return false;
        if (cell.lower_key &&
            (cell.lower_closed ? *key < *cell.lower_key : *key <= *cell.lower_key))
            return false;
        if (cell.upper_key &&
            (cell.upper_closed ? *key > *cell.upper_key : *key >= *cell.upper_key))
            return false;
        return true;
    }
    return false;
}

/// Appends "3: a, b -> x": the row's number (from 1), its cells as written and its result.
void append_row_text(std::string& out, std::size_t index, sema::TableRow const& row) {
    out += std::to_string(index + 1);
    out += ": ";
    for (std::size_t k = 0; k < row.cells.size(); ++k) {
        if (k)
            out += ", ";
        out += row.cells[k].text;
    }
    out += " -> ";
    out += row.result.text;
}

} // namespace

Value Evaluator::eval_table(sema::Expr const& e, Frame& f) {
    auto const& program = env_.program;
    // A call has a few arguments and matches a row or a few: kept on the stack.
    boost::container::small_vector<sema::Scalar const*, 4> args; ///< into `values` (not resized)
    boost::container::small_vector<Value, 3> values;
    std::vector<std::string> why;
    values.reserve(e.kids.size());
    for (auto const& kid : e.kids) {
        values.push_back(eval(kid, f));
        add_reasons(why, values.back().reasons);
    }
    for (auto const& v : values)
        if (v.determined())
            args.push_back(&*v.scalar);
    // Each argument's order key once per call, not once per range cell it is compared with.
    boost::container::small_vector<std::optional<Decimal>, 4> keys;
    for (auto const* arg : args)
        keys.push_back(sema::order_key(*arg));
    // The call with its argument values, e.g. "bg_band(12 hours/week)": for the explanation and
    // for the reason no row matches; rendered only when needed.
    auto call_text = [&] {
        std::string text = e.name;
        text += '(';
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i)
                text += ", ";
            if (values[i].determined())
                values[i].append_to(text);
            else
                text += "undetermined";
        }
        text += ')';
        return text;
    };
    std::string const formula = env_.explain ? call_text() : std::string();
    auto const& root = program.packages[env_.root];
    auto const ref =
        e.symbol < root.by_symbol.size() ? root.by_symbol[e.symbol] : root.lookup(e.name);
    if (!ref || ref->kind != sema::DeclKind::table)
        return Value::undetermined("no table " + e.name + " in package " +
                                   program.packages[env_.root].name);
    auto const& table = program.tables[ref->index];
    sema::TableVersion const* version = nullptr;
    for (auto const& v : table.versions) {
        if (v.valid)
            note_validity(v.valid->from, v.valid->to);
        if (!version && (!v.valid || v.valid->contains(env_.reference_date)))
            version = &v;
    }

    bool const explain = env_.explain;
    // The node only when explaining: built and dropped on every call, it was a tenth of a table
    // call without explanations.
    std::optional<Explanation> node;
    if (explain) {
        node.emplace();
        describe_declaration(*node, program, "table", table.name, table.package,
                             version ? version->meta : table.versions.front().meta);
        node->expression = Text::borrow(e.text);
        node->formula = formula;
    }
    Value result;
    if (!why.empty()) {
        result = Value::undetermined(std::move(why));
    } else if (!version) {
        result = Value::undetermined("no version of table " + table.name + " valid on " +
                                     env_.reference_date.to_string());
    } else {
        if (explain)
            node->version = static_cast<std::uint32_t>(version - table.versions.data());
        if (explain && version->valid)
            note_version_validity(*node, version->valid->from, version->valid->to, "version valid");
        boost::container::small_vector<std::size_t, 4> matched;
        // Only the rows the first argument can match (sema/table_index.hpp), in row order.
        auto const* candidates = args.empty() ? nullptr : sema::candidate_rows(*version, *args[0]);
        std::size_t const tries = candidates ? candidates->size() : version->rows.size();
        for (std::size_t i = 0; i < tries; ++i) {
            std::size_t const r = candidates ? (*candidates)[i] : i;
            auto const& row = version->rows[r];
            bool ok = row.cells.size() == args.size();
            for (std::size_t k = 0; ok && k < args.size(); ++k)
                ok = cell_matches(row.cells[k], *args[k], keys[k]);
            if (ok) {
                matched.push_back(r);
                if (explain)
                    node->rows.push_back(static_cast<std::uint32_t>(r));
                if (version->hit != sema::HitPolicy::sum)
                    break;
            }
        }
        if (matched.empty() && version->hit != sema::HitPolicy::sum) {
            result = Value::undetermined("no row of table " + table.name + " matches " +
                                         call_text().substr(e.name.size()));
            if (explain) {
                append_note(node->note_nl, "geen rij past");
                append_note(node->note_en, "no row matches");
            }
        } else {
            Decimal total;
            std::vector<std::string> row_why;
            std::string rows_nl;
            for (auto r : matched) {
                auto const& row = version->rows[r];
                // The row is shown as written (append_row_text), not as a formula.
                Traced t = trace(row.result, table.name, false);
                if (explain) {
                    for (auto const& in : t.inputs.refs())
                        node->inputs.push_back(in);
                    if (!rows_nl.empty())
                        rows_nl += "; ";
                    append_row_text(rows_nl, r, row);
                }
                if (version->hit != sema::HitPolicy::sum) {
                    result = std::move(t.value);
                    break;
                }
                if (!t.value.determined()) {
                    add_reasons(row_why, t.value.reasons);
                    continue;
                }
                auto sum = add(total, t.value.scalar->number);
                if (!sum.value) {
                    add_reasons(row_why, {"overflow in table " + table.name});
                    continue;
                }
                total = *sum.value;
            }
            if (version->hit == sema::HitPolicy::sum)
                result = row_why.empty() ? Value::number(total, version->type.unit)
                                         : Value::undetermined(std::move(row_why));
            bool several = matched.size() != 1;
            if (!explain) {
                // no explanation: no notes
            } else if (matched.empty()) {
                append_note(node->note_nl, "geen rij past: som 0");
                append_note(node->note_en, "no row matches: sum 0");
            } else {
                append_note(node->note_nl, several ? "rijen " : "rij ");
                node->note_nl += rows_nl;
                append_note(node->note_en, several ? "rows " : "row ");
                node->note_en += rows_nl;
            }
        }
    }
    if (!explain)
        return result;
    node->value = result.to_string();
    auto shared = std::make_shared<Explanation const>(std::move(*node));
    use(f, e, {"table", shared->formula}, shared, result);
    return result;
}

} // namespace billijk::eval
