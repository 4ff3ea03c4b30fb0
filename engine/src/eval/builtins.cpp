// Built-in functions: min, max, round, age_on, days_between (need is in need.cpp).
#include "eval/evaluator.hpp"

namespace billijk::eval {

using sema::Builtin;

Value Evaluator::eval_builtin(sema::Expr const& e, Frame& f) {
    // A built-in takes two or three arguments: kept on the stack, not allocated per call.
    boost::container::small_vector<Value, 3> args;
    std::vector<std::string> why;
    for (auto const& kid : e.kids) {
        args.push_back(eval(kid, f));
        add_reasons(why, args.back().reasons);
    }
    if (!why.empty())
        return Value::undetermined(std::move(why));
    switch (e.builtin) {
    case Builtin::min:
    case Builtin::max: {
        std::size_t best = 0;
        for (std::size_t i = 1; i < args.size(); ++i) {
            auto const& a = args[i].scalar->number;
            auto const& b = args[best].scalar->number;
            if (e.builtin == Builtin::min ? a < b : a > b)
                best = i;
        }
        return std::move(args[best]);
    }
    case Builtin::round: {
        auto const& x = *args[0].scalar;
        auto const& step = args[1].scalar->number;
        if (step.is_negative() || step.is_zero())
            return Value::undetermined("rounding step " + step.to_string() +
                                       " is not positive in " + *f.owner);
        return checked(x.number.round(step, e.mode), e.type.unit, f);
    }
    case Builtin::age_on: {
        int years = whole_years_between(args[0].scalar->date, args[1].scalar->date);
        return Value::number(Decimal::from_int(years), e.type.unit);
    }
    case Builtin::days_between: {
        auto days = days_inclusive(args[0].scalar->date, args[1].scalar->date);
        return Value::number(Decimal::from_int(days), e.type.unit);
    }
    case Builtin::need:
        break;
    }
    return Value::undetermined("internal: unknown function");
}

} // namespace billijk::eval
