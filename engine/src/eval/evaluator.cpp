// The evaluator core: dispatch, operators, if, case inputs, and the trace of used values.
#include "eval/evaluator.hpp"

#include <algorithm>

namespace billijk::eval {

using sema::BinaryOp;
using sema::Expr;
using sema::Scalar;
using sema::Type;

void append_note(std::string& note, std::string_view more) {
    if (more.empty())
        return;
    if (!note.empty())
        note += "; ";
    note += more;
}

Traced Evaluator::trace(Expr const& e, std::string const& owner, bool with_formula) {
    Frame f;
    f.owner = &owner;
    Value v = eval(e, f);
    if (!env_.explain)
        return {std::move(v), {}, {}};
    return {std::move(v), with_formula ? print_formula(e, f.shown) : std::string(),
            std::move(f.inputs)};
}

void Evaluator::use(Frame& f, Expr const& at, UseKey key, ExplanationRef node, Value const& value) {
    std::string_view const shown =
        value.determined() ? std::string_view(node->value) : std::string_view("undetermined");
    auto at_shown = std::find_if(f.shown.begin(), f.shown.end(),
                                 [&](auto const& entry) { return entry.first == &at; });
    if (at_shown == f.shown.end())
        f.shown.emplace_back(&at, shown);
    else
        at_shown->second = shown;
    // A shared node (no key) is an input once; a frame has a handful, so a scan is cheapest.
    auto const& inputs = f.inputs.refs();
    bool first = false;
    if (key.kind.empty()) {
        first =
            std::none_of(inputs.begin(), inputs.end(), [&](auto const& in) { return in == node; });
    } else if (std::find(f.seen.begin(), f.seen.end(), key) == f.seen.end()) {
        f.seen.push_back(key);
        first = true;
    }
    if (!first) {
        if (!key.kind.empty())
            f.kept.push_back(std::move(node)); // `shown` may view its value, `seen` its text
        return;
    }
    // Room for a few from the start: growing one by one was a tenth of the allocations of an
    // explained indication, and most frames use more than two values.
    if (f.inputs.empty())
        f.inputs.reserve(4);
    f.inputs.push_back(std::move(node));
}

Value Evaluator::checked(Checked result, Unit unit, Frame const& f) const {
    if (result.value)
        return Value::number(*result.value, unit);
    switch (result.error) {
    case ArithError::overflow:
        return Value::undetermined("overflow in " + *f.owner);
    case ArithError::division_by_zero:
        return Value::undetermined("division by zero in " + *f.owner);
    case ArithError::invalid_step:
        return Value::undetermined("invalid rounding step in " + *f.owner);
    }
    return Value::undetermined("arithmetic error in " + *f.owner);
}

Value Evaluator::eval(Expr const& e, Frame& f) {
    switch (e.kind) {
    case Expr::Kind::literal:
        // The program outlives every value: its texts are viewed, not copied.
        return Value::of(sema::borrowed(e.literal));
    case Expr::Kind::input:
        return eval_input(e, f);
    case Expr::Kind::name:
        return eval_name(e, f);
    case Expr::Kind::builtin:
        return e.builtin == sema::Builtin::need ? eval_need(e, f) : eval_builtin(e, f);
    case Expr::Kind::table:
        return eval_table(e, f);
    case Expr::Kind::plugin_table:
    case Expr::Kind::plugin_function:
        return eval_plugin(e, f);
    case Expr::Kind::unary:
        return eval_unary(e, f);
    case Expr::Kind::binary:
        if (e.binary_op == BinaryOp::logical_and || e.binary_op == BinaryOp::logical_or)
            return eval_logic(e, f);
        return eval_binary(e, f);
    case Expr::Kind::if_then:
        return eval_if(e, f);
    }
    return Value::undetermined("internal: unknown expression");
}

Value Evaluator::eval_unary(Expr const& e, Frame& f) {
    Value v = eval(e.kids[0], f);
    if (!v.determined())
        return v;
    if (e.unary_op == sema::UnaryOp::logical_not)
        return Value::boolean(!v.scalar->boolean);
    Scalar s = *v.scalar;
    s.number = negate(s.number);
    return Value::of(std::move(s));
}

namespace {

std::strong_ordering compare(Scalar const& a, Scalar const& b) {
    if (a.type.kind == Type::Kind::date)
        return a.date <=> b.date;
    return a.number <=> b.number;
}

} // namespace

Value Evaluator::eval_binary(Expr const& e, Frame& f) {
    Value l = eval(e.kids[0], f);
    Value r = eval(e.kids[1], f);
    if (!l.determined() || !r.determined()) {
        std::vector<std::string> why = l.reasons;
        add_reasons(why, r.reasons);
        return Value::undetermined(std::move(why));
    }
    auto const& a = *l.scalar;
    auto const& b = *r.scalar;
    Unit unit = e.type.unit;
    switch (e.binary_op) {
    case BinaryOp::add:
        return checked(add(a.number, b.number), unit, f);
    case BinaryOp::sub:
        return checked(sub(a.number, b.number), unit, f);
    case BinaryOp::mul:
        return checked(mul(a.number, b.number), unit, f);
    case BinaryOp::div:
        return checked(div(a.number, b.number), unit, f);
    case BinaryOp::eq:
        return Value::boolean(a == b);
    case BinaryOp::ne:
        return Value::boolean(!(a == b));
    case BinaryOp::lt:
        return Value::boolean(compare(a, b) < 0);
    case BinaryOp::le:
        return Value::boolean(compare(a, b) <= 0);
    case BinaryOp::gt:
        return Value::boolean(compare(a, b) > 0);
    case BinaryOp::ge:
        return Value::boolean(compare(a, b) >= 0);
    case BinaryOp::logical_and:
    case BinaryOp::logical_or:
        break;
    }
    return Value::undetermined("internal: unknown operator");
}

Value Evaluator::eval_logic(Expr const& e, Frame& f) {
    // Three-valued: a side that decides the result makes the other side irrelevant.
    bool is_and = e.binary_op == BinaryOp::logical_and;
    bool decisive = !is_and; // false decides `and`, true decides `or`
    Value l = eval(e.kids[0], f);
    if (l.determined() && l.scalar->boolean == decisive)
        return l;
    Value r = eval(e.kids[1], f);
    if (r.determined() && r.scalar->boolean == decisive)
        return r;
    if (l.determined() && r.determined())
        return Value::boolean(!decisive);
    std::vector<std::string> why = l.reasons;
    add_reasons(why, r.reasons);
    return Value::undetermined(std::move(why));
}

Value Evaluator::eval_if(Expr const& e, Frame& f) {
    Value c = eval(e.kids[0], f);
    if (!c.determined())
        return c;
    return eval(c.scalar->boolean ? e.kids[1] : e.kids[2], f);
}

Value Evaluator::eval_input(Expr const& e, Frame& f) {
    auto const& c = env_.the_case;
    auto const& req = env_.request;
    auto date = [](Date d) {
        Scalar s;
        s.type = Type::date();
        s.date = d;
        return Value::of(std::move(s));
    };
    // The case outlives every value too: its texts are viewed.
    auto member = [&](std::string const& text) {
        Scalar s;
        s.type = sema::borrowed(e.type);
        s.text = sema::OptionalText::borrow(text);
        return Value::of(std::move(s));
    };
    Value v;
    switch (e.input) {
    case sema::Input::decision_date:
        v = date(c.decision_date);
        break;
    case sema::Input::period_start:
        v = date(c.period.start);
        break;
    case sema::Input::period_end:
        v = date(c.period.end);
        break;
    case sema::Input::birth_date:
        v = date(c.birth_date);
        break;
    case sema::Input::request_provision: {
        Scalar s;
        s.type = Type::text();
        s.text = sema::OptionalText::borrow(req.provision);
        v = Value::of(std::move(s));
        break;
    }
    case sema::Input::request_form:
        v = req.form.empty() ? Value::undetermined("missing request.form") : member(req.form);
        break;
    case sema::Input::request_provider:
        v = req.provider ? member(*req.provider) : Value::undetermined("missing request.provider");
        break;
    case sema::Input::request_rate:
        if (!req.rate)
            v = Value::undetermined("missing request.rate");
        else if (!(req.rate->unit == e.type.unit))
            v = Value::undetermined("request.rate is in " + req.rate->unit.to_string() +
                                    ", not eur/hour");
        else
            v = Value::number(req.rate->amount, e.type.unit);
        break;
    case sema::Input::household_size:
        v = Value::number(Decimal::from_int(static_cast<std::int64_t>(c.household.size()) + 1),
                          Unit{});
        break;
    case sema::Input::household_overloaded:
        v = Value::boolean(std::any_of(c.household.begin(), c.household.end(),
                                       [](HouseholdMember const& m) { return m.overloaded; }));
        break;
    }
    if (!env_.explain)
        return v;
    // An input's value is fixed for the request: one node, shared by every use.
    auto& shared = input_nodes_[e.input];
    if (!shared) {
        Explanation node;
        node.kind = Text::borrow("input");
        for (auto const& info : sema::inputs())
            if (info.input == e.input)
                node.name = Text::borrow(info.name);
        node.value = v.to_string();
        if (e.input == sema::Input::household_size) {
            node.note_nl = "de cliënt plus de leden van het huishouden in de casus";
            node.note_en = "the client plus the household members in the case";
        }
        shared = std::make_shared<Explanation const>(std::move(node));
    }
    use(f, e, {}, shared, v);
    return v;
}

Value Evaluator::eval_name(Expr const& e, Frame& f) {
    auto const& root = env_.program.packages[env_.root];
    Named const& n = named(e.name, e.symbol < root.by_symbol.size() ? root.by_symbol[e.symbol]
                                                                    : root.lookup(e.name));
    if (env_.explain)
        use(f, e, {}, n.explanation, n.value);
    return n.value;
}

void Evaluator::note_validity(Date from, std::optional<Date> /*to*/) {
    // Only the start of a version is a change: a period is split where a new version takes
    // effect. Where the last known version ends with no successor (a tariff list that stops with
    // the source's year), the part keeps the version valid on its first day, and the
    // explanation shows that version's window; splitting there would make every grant that
    // outlives its source undetermined.
    change_dates_.insert(from);
}

} // namespace billijk::eval
