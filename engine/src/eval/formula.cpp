// Formulas: an expression re-printed with the value of every evaluated name, input, need() and
// table call in its place, e.g. "round(60% * 45.00 eur/hour, 0.01, half_up)". Literals keep
// their written form; parentheses are added where precedence needs them. Everything is
// appended to one string: a formula is printed for every explained value.
#include "eval/evaluator.hpp"

#include <algorithm>

namespace billijk::eval {

namespace {

using sema::Expr;

void print(Expr const& e, ShownValues const& shown, int parent, std::string& out);

void args(Expr const& e, ShownValues const& shown, std::string& out) {
    for (std::size_t i = 0; i < e.kids.size(); ++i) {
        if (i)
            out += ", ";
        print(e.kids[i], shown, 0, out);
    }
}

void print(Expr const& e, ShownValues const& shown, int parent, std::string& out) {
    auto it = std::find_if(shown.begin(), shown.end(),
                           [&](auto const& entry) { return entry.first == &e; });
    if (it != shown.end()) {
        out += it->second;
        return;
    }
    switch (e.kind) {
    case Expr::Kind::literal:
    case Expr::Kind::input:
    case Expr::Kind::name:
        out += e.text;
        return;
    case Expr::Kind::builtin:
        out += sema::to_string(e.builtin);
        out += '(';
        args(e, shown, out);
        if (e.builtin == sema::Builtin::round) {
            out += ", ";
            out += to_string(e.mode);
        }
        out += ')';
        return;
    case Expr::Kind::table:
    case Expr::Kind::plugin_table:
    case Expr::Kind::plugin_function:
        out += e.name;
        out += '(';
        args(e, shown, out);
        out += ')';
        return;
    case Expr::Kind::unary: {
        bool const negate = e.unary_op == sema::UnaryOp::negate;
        int const prec = negate ? 7 : 3;
        if (prec < parent)
            out += '(';
        out += negate ? "-" : "not ";
        print(e.kids[0], shown, prec, out);
        if (prec < parent)
            out += ')';
        return;
    }
    case Expr::Kind::binary: {
        int const prec = sema::precedence(e.binary_op);
        if (prec < parent)
            out += '(';
        print(e.kids[0], shown, prec, out);
        out += ' ';
        out += sema::to_string(e.binary_op);
        out += ' ';
        print(e.kids[1], shown, prec + 1, out);
        if (prec < parent)
            out += ')';
        return;
    }
    case Expr::Kind::if_then:
        if (parent > 0)
            out += '(';
        out += "if ";
        print(e.kids[0], shown, 0, out);
        out += " then ";
        print(e.kids[1], shown, 0, out);
        out += " else ";
        print(e.kids[2], shown, 0, out);
        if (parent > 0)
            out += ')';
        return;
    }
    out += e.text;
}

} // namespace

std::string print_formula(Expr const& e, ShownValues const& shown) {
    std::string out;
    out.reserve(e.text.size() + 16 * shown.size()); // values are longer than most names
    print(e, shown, 0, out);
    return out;
}

} // namespace billijk::eval
