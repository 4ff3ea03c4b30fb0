// need(kind): the request's assessed need of one care kind, in hours/week. Items without a kind
// (the short form) count as the provision's declared kind; minutes/week are divided by 60 exactly.
#include "eval/concat.hpp"
#include "eval/evaluator.hpp"

namespace billijk::eval {

Value Evaluator::eval_need(sema::Expr const& e, Frame& f) {
    Value kind_value = eval(e.kids[0], f);
    if (!kind_value.determined())
        return kind_value;
    std::string const& kind = kind_value.scalar->text;
    if (env_.explain) {
        if (auto known = need_nodes_.find(kind); known != need_nodes_.end()) {
            use(f, e, {"need", known->second.explanation->name}, known->second.explanation,
                known->second.value);
            return known->second.value;
        }
    }
    // Constants, made once (a unit quotient is a loop over every base unit).
    static Unit const hours_per_week = Unit::of(BaseUnit::hour) / Unit::of(BaseUnit::week);
    static Unit const minutes_per_week = Unit::of(BaseUnit::minute) / Unit::of(BaseUnit::week);

    std::string parts_nl;
    Decimal total;
    std::vector<std::string> why;
    bool overflow = false;
    for (auto const& item : env_.request.need) {
        // Viewed, not copied: the case and the program outlive this call.
        std::string const* item_kind = item.kind ? &*item.kind : nullptr;
        if (!item_kind && env_.provision && env_.provision->kind)
            item_kind = &*env_.provision->kind;
        if (!item_kind) {
            add_reasons(why, {"need item without kind, and provision " + env_.request.provision +
                              " declares no kind"});
            continue;
        }
        if (*item_kind != kind)
            continue;
        Decimal hours = item.amount.amount;
        std::string written; // "90 minutes/week ÷ 60 = 1.5 hours/week", when explaining
        if (env_.explain) {
            item.amount.amount.append_to(written);
            written += ' ';
            item.amount.unit.append_to(written);
        }
        if (item.amount.unit == minutes_per_week) {
            auto converted = div(item.amount.amount, Decimal::from_int(60));
            if (!converted.value) {
                overflow = true;
                continue;
            }
            hours = *converted.value;
            if (env_.explain) {
                written += " ÷ 60 = ";
                hours.append_to(written);
                written += " hours/week";
            }
        } else if (!(item.amount.unit == hours_per_week)) {
            add_reasons(why, {"need item in " + item.amount.unit.to_string() +
                              " is not hours/week or minutes/week"});
            continue;
        }
        auto sum = add(total, hours);
        if (!sum.value) {
            overflow = true;
            continue;
        }
        total = *sum.value;
        if (env_.explain) {
            if (!parts_nl.empty())
                parts_nl += " + ";
            parts_nl += written;
        }
    }
    Value v = overflow       ? Value::undetermined("overflow in need(" + kind + ")")
              : !why.empty() ? Value::undetermined(std::move(why))
                             : Value::number(total, hours_per_week);
    if (!env_.explain)
        return v;
    Explanation node;
    node.kind = Text::borrow("input");
    node.name = concat({"need(", kind, ")"});
    node.value = v.to_string();
    if (parts_nl.empty()) {
        node.note_nl = concat({"geen behoefte aan ", kind, " in de aanvraag: 0 uur per week"});
        node.note_en = concat({"no need of ", kind, " in the request: 0 hours per week"});
    } else {
        node.note_nl = concat({"behoefte aan ", kind, " uit de aanvraag: ", parts_nl});
        node.note_en = concat({"need of ", kind, " from the request: ", parts_nl});
        if (parts_nl.find("÷ 60") != std::string::npos) {
            node.note_nl += " (minuten per week gedeeld door 60)";
            node.note_en += " (minutes per week divided by 60)";
        }
    }
    auto& known = need_nodes_[kind];
    known = {v, std::make_shared<Explanation const>(std::move(node))};
    use(f, e, {"need", known.explanation->name}, known.explanation, v);
    return v;
}

} // namespace billijk::eval
