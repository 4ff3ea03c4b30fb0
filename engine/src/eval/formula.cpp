// Formulas: an expression re-printed with the value of every evaluated name, input, need() and
// table call in its place, e.g. "round(60% * 45.00 eur/hour, 0.01, half_up)". Literals keep
// their written form; parentheses are added where precedence needs them.
#include "eval/evaluator.hpp"

namespace billijk::eval {

namespace {

using sema::Expr;
using Shown = std::map<Expr const*, std::string>;

std::string print(Expr const& e, Shown const& shown, int parent);

std::string args(Expr const& e, Shown const& shown) {
    std::string out;
    for (auto const& kid : e.kids)
        out += (out.empty() ? "" : ", ") + print(kid, shown, 0);
    return out;
}

std::string print(Expr const& e, Shown const& shown, int parent) {
    if (auto it = shown.find(&e); it != shown.end())
        return it->second;
    switch (e.kind) {
    case Expr::Kind::literal:
    case Expr::Kind::input:
    case Expr::Kind::name:
        return e.text;
    case Expr::Kind::builtin: {
        std::string out = std::string(sema::to_string(e.builtin)) + "(" + args(e, shown);
        if (e.builtin == sema::Builtin::round)
            out += ", " + std::string(to_string(e.mode));
        return out + ")";
    }
    case Expr::Kind::table:
    case Expr::Kind::plugin_table:
    case Expr::Kind::plugin_function:
        return e.name + "(" + args(e, shown) + ")";
    case Expr::Kind::unary: {
        bool negate = e.unary_op == sema::UnaryOp::negate;
        int prec = negate ? 7 : 3;
        std::string out = (negate ? "-" : "not ") + print(e.kids[0], shown, prec);
        return prec < parent ? "(" + out + ")" : out;
    }
    case Expr::Kind::binary: {
        int prec = sema::precedence(e.binary_op);
        std::string out = print(e.kids[0], shown, prec) + " " +
                          std::string(sema::to_string(e.binary_op)) + " " +
                          print(e.kids[1], shown, prec + 1);
        return prec < parent ? "(" + out + ")" : out;
    }
    case Expr::Kind::if_then: {
        std::string out = "if " + print(e.kids[0], shown, 0) + " then " +
                          print(e.kids[1], shown, 0) + " else " + print(e.kids[2], shown, 0);
        return parent > 0 ? "(" + out + ")" : out;
    }
    }
    return e.text;
}

} // namespace

std::string print_formula(Expr const& e, Shown const& shown) {
    return print(e, shown, 0);
}

} // namespace billijk::eval
