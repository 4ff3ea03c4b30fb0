// Calls of a plugin's tariff tables and native functions (sema/plugins.cpp binds them).
// A tariff table gives the amount of the row with the key that is valid on the reference date;
// no such row, a failing function or a missing plugin make the value undetermined.
#include "eval/evaluator.hpp"

namespace billijk::eval {

namespace {

std::optional<plugin::Value> to_plugin(sema::Scalar const& s) {
    switch (s.type.kind) {
    case sema::Type::Kind::number:
        return plugin::Value{s.number};
    case sema::Type::Kind::date:
        return plugin::Value{s.date};
    case sema::Type::Kind::text:
    case sema::Type::Kind::enumeration:
        return plugin::Value{s.text};
    case sema::Type::Kind::boolean:
        return plugin::Value{s.boolean};
    case sema::Type::Kind::error:
        break;
    }
    return std::nullopt;
}

Value from_plugin(plugin::Value const& v, sema::Type const& type) {
    sema::Scalar s;
    s.type = type;
    if (auto const* d = std::get_if<Decimal>(&v))
        s.number = *d;
    else if (auto const* date = std::get_if<Date>(&v))
        s.date = *date;
    else if (auto const* text = std::get_if<std::string>(&v))
        s.text = *text;
    else
        s.boolean = std::get<bool>(v);
    return Value::of(std::move(s));
}

/// The kind, source, citation and labels of a plugin's tariff table or native function. The
/// texts are borrowed (billijk/text.hpp): the program holds the plugin.
template <class Item>
void describe_plugin_item(Explanation& node, Text kind, plugin::Plugin const& plug,
                          Item const& item) {
    node.kind = std::move(kind);
    node.package = plug.name + " " + plug.version;
    node.cites = Text::borrow(item.cites);
    node.label_nl = Text::borrow(item.label_nl);
    node.label_en = Text::borrow(item.label_en.empty() ? item.label_nl : item.label_en);
}

void validity_note(Explanation& node, plugin::TariffRow const& row) {
    note_version_validity(node, row.valid_from, row.valid_to, "valid");
}

} // namespace

Value Evaluator::eval_plugin(sema::Expr const& e, Frame& f) {
    auto const& program = env_.program;
    bool const explain = env_.explain;
    // A tariff takes a key, a function a few arguments: kept on the stack.
    boost::container::small_vector<sema::Scalar, 2> args;
    std::vector<std::string> why;
    std::string formula; // the call with its argument values, when explaining
    if (explain) {
        formula = e.name;
        formula += '(';
    }
    for (std::size_t i = 0; i < e.kids.size(); ++i) {
        Value v = eval(e.kids[i], f);
        add_reasons(why, v.reasons);
        if (explain) {
            if (i)
                formula += ", ";
            if (v.determined())
                v.scalar->append_to(formula, true);
            else
                formula += "undetermined";
        }
        if (v.determined())
            args.push_back(std::move(*v.scalar));
    }
    // The node only when explaining (building and dropping it cost more than the call).
    std::optional<Explanation> node;
    if (explain) {
        formula += ')';
        node.emplace();
        node->name = Text::borrow(e.name);
        node->expression = Text::borrow(e.text);
        node->formula = formula;
        node->layer = Text::borrow("municipal");
    }
    Value result;
    if (!e.plugin) {
        auto const& pkg = program.packages[env_.root];
        if (explain)
            node->kind = Text::borrow("tariff");
        add_reasons(why, {"no plugin for municipality " + pkg.municipality +
                          " is loaded: " + e.name + " is unknown"});
        result = Value::undetermined(std::move(why));
    } else if (auto const& plug = program.plugins[*e.plugin];
               e.kind == sema::Expr::Kind::plugin_table) {
        auto const& table = plug.tables[e.item];
        if (explain)
            describe_plugin_item(*node, Text::borrow("tariff"), plug, table);
        if (!why.empty()) {
            result = Value::undetermined(std::move(why));
        } else if (auto const* row = table.row_on(args.at(0).text, env_.reference_date)) {
            note_rows(table, args.at(0).text);
            result = Value::number(row->amount, table.unit);
            if (explain && !row->cites.empty())
                node->cites = Text::borrow(row->cites);
            if (explain)
                validity_note(*node, *row);
        } else {
            note_rows(table, args.at(0).text);
            result = Value::undetermined("no tariff " + table.name + " for '" + args.at(0).text +
                                         "' valid on " + env_.reference_date.to_string());
        }
    } else {
        auto const& fn = plug.functions[e.item];
        if (explain)
            describe_plugin_item(*node, Text::borrow("function"), plug, fn);
        if (!why.empty()) {
            result = Value::undetermined(std::move(why));
        } else {
            std::vector<plugin::Value> values;
            for (auto const& a : args)
                if (auto v = to_plugin(a))
                    values.push_back(std::move(*v));
            auto called = plugin::call(fn, values);
            if (called)
                result = from_plugin(called.value(), e.type);
            else
                result = Value::undetermined(called.diagnostics().items().empty()
                                                 ? "native function " + fn.name + " failed"
                                                 : called.diagnostics().items().front().message);
        }
    }
    if (!explain)
        return result;
    node->value = result.to_string();
    auto shared = std::make_shared<Explanation const>(std::move(*node));
    use(f, e, {"plugin", shared->formula}, shared, result);
    return result;
}

void Evaluator::note_rows(plugin::TariffTable const& table, std::string const& key) {
    for (auto const& row : table.rows)
        if (row.key == key)
            note_validity(row.valid_from, row.valid_to);
}

} // namespace billijk::eval
