// The canonical pretty-printer; see printer.hpp.
#include "syntax/printer.hpp"

#include <cassert>

namespace billijk::syntax {
namespace {

// Binding strength, loosest first, as in the table of docs/rule-language.md.
enum precedence : int { if_p, or_p, and_p, not_p, cmp_p, add_p, mul_p, unary_p, primary_p };

int binary_precedence(Binary::Op op) {
    switch (op) {
    case Binary::Op::logical_or:
        return or_p;
    case Binary::Op::logical_and:
        return and_p;
    case Binary::Op::eq:
    case Binary::Op::ne:
    case Binary::Op::lt:
    case Binary::Op::le:
    case Binary::Op::gt:
    case Binary::Op::ge:
        return cmp_p;
    case Binary::Op::add:
    case Binary::Op::sub:
        return add_p;
    case Binary::Op::mul:
    case Binary::Op::div:
        return mul_p;
    }
    return primary_p;
}

char const* binary_text(Binary::Op op) {
    switch (op) {
    case Binary::Op::add:
        return "+";
    case Binary::Op::sub:
        return "-";
    case Binary::Op::mul:
        return "*";
    case Binary::Op::div:
        return "/";
    case Binary::Op::eq:
        return "==";
    case Binary::Op::ne:
        return "!=";
    case Binary::Op::lt:
        return "<";
    case Binary::Op::le:
        return "<=";
    case Binary::Op::gt:
        return ">";
    case Binary::Op::ge:
        return ">=";
    case Binary::Op::logical_and:
        return "and";
    case Binary::Op::logical_or:
        return "or";
    }
    return "?";
}

int precedence_of(Expr const& e) {
    if (auto const* b = std::get_if<Binary>(&e.node)) {
        return binary_precedence(b->op);
    }
    if (auto const* u = std::get_if<Unary>(&e.node)) {
        return u->op == Unary::Op::logical_not ? not_p : unary_p;
    }
    if (std::holds_alternative<IfExpr>(e.node)) {
        return if_p;
    }
    return primary_p;
}

std::string quote(std::string const& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + "\"";
}

std::string unit_text(UnitExpr const& unit) {
    std::string out;
    for (std::size_t i = 0; i < unit.terms.size(); ++i) {
        if (i > 0) {
            out += unit.terms[i].op;
        }
        out += unit.terms[i].word;
    }
    return out;
}

std::string range_text(DateRange const& range) {
    return range.from + " .." + (range.to ? " " + *range.to : std::string());
}

void print_expr(std::string& out, Expr const& e);

/// `e`, in parentheses when it binds looser than `minimum` allows.
void print_operand(std::string& out, Expr const& e, int minimum) {
    bool const parens = precedence_of(e) < minimum;
    if (parens) {
        out += '(';
    }
    print_expr(out, e);
    if (parens) {
        out += ')';
    }
}

void print_expr(std::string& out, Expr const& e) {
    struct visitor {
        std::string& out;
        void operator()(NumberLit const& n) const {
            out += n.text;
            if (n.percent) {
                out += '%';
            } else if (n.unit) {
                out += ' ' + unit_text(*n.unit);
            }
        }
        void operator()(DateLit const& d) const { out += d.text; }
        void operator()(StringLit const& s) const { out += quote(s.value); }
        void operator()(BoolLit const& b) const { out += b.value ? "true" : "false"; }
        void operator()(NameRef const& n) const { out += n.name; }
        void operator()(Call const& c) const {
            out += c.callee.text + '(';
            for (std::size_t i = 0; i < c.args.size(); ++i) {
                if (i > 0) {
                    out += ", ";
                }
                print_expr(out, *c.args[i]);
            }
            out += ')';
        }
        void operator()(Unary const& u) const {
            if (u.op == Unary::Op::logical_not) {
                out += "not ";
                print_operand(out, *u.operand, not_p);
            } else {
                out += '-';
                print_operand(out, *u.operand, unary_p);
            }
        }
        void operator()(Binary const& b) const {
            int const p = binary_precedence(b.op);
            // Left-associative; comparisons do not chain at all.
            print_operand(out, *b.lhs, p == cmp_p ? p + 1 : p);
            out += ' ';
            out += binary_text(b.op);
            out += ' ';
            print_operand(out, *b.rhs, p + 1);
        }
        void operator()(IfExpr const& i) const {
            out += "if ";
            print_expr(out, *i.condition);
            out += " then ";
            print_expr(out, *i.then_branch);
            out += " else ";
            print_expr(out, *i.else_branch);
        }
    };
    std::visit(visitor{out}, e.node);
}

void print_meta(std::string& out, Meta const& meta) {
    if (meta.cites) {
        out += "  cites " + quote(*meta.cites) + '\n';
    }
    if (meta.label) {
        out += "  label " + quote(*meta.label) + '\n';
    }
    if (meta.label_en) {
        out += "  label_en " + quote(*meta.label_en) + '\n';
    }
}

std::string cell_text(Cell const& cell) {
    struct visitor {
        std::string operator()(AnyCell const&) const { return "-"; }
        std::string operator()(RangeCell const& r) const {
            std::string out(1, r.lower_closed ? '[' : '(');
            if (r.lower) {
                out += print(*r.lower);
            }
            out += ", ";
            if (r.upper) {
                out += print(*r.upper);
            }
            out += r.upper_closed ? ']' : ')';
            return out;
        }
        std::string operator()(ExprPtr const& e) const { return print(*e); }
    };
    return std::visit(visitor{}, cell.value);
}

struct declaration_printer {
    std::string& out;

    void operator()(EnumDecl const& d) const {
        out += "enum " + d.name.text + " =";
        for (std::size_t i = 0; i < d.members.size(); ++i) {
            out += (i == 0 ? " " : " | ") + d.members[i].text;
        }
        out += '\n';
        print_meta(out, d.meta);
    }
    void operator()(FactDecl const& d) const {
        out += "fact " + d.name.text + ": " + print(d.type) + '\n';
        print_meta(out, d.meta);
    }
    void operator()(ParameterDecl const& d) const {
        out += std::string(d.is_override ? "override " : "") + "parameter " + d.name.text + ": " +
               print(d.type) + '\n';
        print_meta(out, d.meta);
        for (auto const& v : d.versions) {
            out += "  ";
            if (v.valid) {
                out += "valid " + range_text(*v.valid) + ' ';
            }
            out += "= " + print(*v.value) + '\n';
        }
    }
    void operator()(RuleDecl const& d) const {
        out += std::string(d.is_override ? "override " : "") + "rule " + d.name.text + ": " +
               print(d.type) + '\n';
        print_meta(out, d.meta);
        out += "  = " + print(*d.value) + '\n';
    }
    void operator()(ExceptionDecl const& d) const {
        out += "exception " + d.name.text + " to " + d.target.text;
        if (d.over) {
            out += " over " + d.over->text;
        }
        out += '\n';
        print_meta(out, d.meta);
        out += "  when " + print(*d.condition) + '\n';
        out += "  = " + print(*d.value) + '\n';
    }
    void operator()(TableDecl const& d) const {
        out += "table " + d.name.text + ": " + print(d.type) + '\n';
        out += "  by ";
        for (std::size_t i = 0; i < d.columns.size(); ++i) {
            out += (i == 0 ? "" : ", ") + d.columns[i].name.text + ": " + print(d.columns[i].type);
        }
        out += "\n  hit " + d.hit.text + '\n';
        print_meta(out, d.meta);
        if (d.valid) {
            out += "  valid " + range_text(*d.valid) + '\n';
        }
        for (auto const& row : d.rows) {
            out += "  row ";
            for (std::size_t i = 0; i < row.cells.size(); ++i) {
                out += (i == 0 ? "" : ", ") + cell_text(row.cells[i]);
            }
            out += " -> " + print(*row.result) + '\n';
        }
    }
    void operator()(RefusalDecl const& d) const {
        out += "refusal " + d.name.text + '\n';
        print_meta(out, d.meta);
        out += "  when " + print(*d.condition) + '\n';
    }
    void operator()(ProvisionDecl const& d) const {
        out += "provision " + d.name.text + '\n';
        print_meta(out, d.meta);
        if (d.kind) {
            out += "  kind " + d.kind->text + '\n';
        }
        auto text = [&](char const* keyword, std::optional<std::string> const& value) {
            if (value) {
                out += std::string("  ") + keyword + ' ' + quote(*value) + '\n';
            }
        };
        text("category", d.category);
        text("product", d.product);
        text("unit_code", d.unit_code);
        text("frequency", d.frequency);
        auto value = [&](char const* keyword, ExprPtr const& e) {
            if (e) {
                out += std::string("  ") + keyword + " = " + print(*e) + '\n';
            }
        };
        value("quantity", d.quantity);
        value("rate", d.rate);
        value("budget", d.budget);
    }
};

} // namespace

std::string print(Expr const& expr) {
    std::string out;
    print_expr(out, expr);
    return out;
}

std::string print(TypeExpr const& type) {
    switch (type.kind) {
    case TypeExpr::Kind::boolean:
        return "bool";
    case TypeExpr::Kind::date:
        return "date";
    case TypeExpr::Kind::text:
        return "text";
    case TypeExpr::Kind::count:
        return "count";
    case TypeExpr::Kind::percent:
        return "percent";
    case TypeExpr::Kind::unit:
        return unit_text(type.unit);
    case TypeExpr::Kind::named:
        return type.name;
    }
    return "?";
}

std::string print(File const& file) {
    std::string out = "package " + file.package.text + ' ' + quote(file.title) + '\n';
    for (auto const& item : file.header) {
        switch (item.kind) {
        case HeaderItem::Kind::layer:
            out += "  layer " + item.text + '\n';
            break;
        case HeaderItem::Kind::law:
            out += "  law " + item.text + '\n';
            break;
        case HeaderItem::Kind::municipality:
            out += "  municipality " + item.text + '\n';
            break;
        case HeaderItem::Kind::extends:
            out += "  extends " + item.text + '\n';
            break;
        case HeaderItem::Kind::valid:
            assert(item.valid);
            out += "  valid " + range_text(*item.valid) + '\n';
            break;
        }
    }
    if (!file.imports.empty()) {
        out += '\n';
        for (auto const& import : file.imports) {
            out += "import " + quote(import.path) + '\n';
        }
    }
    for (auto const& declaration : file.declarations) {
        out += '\n';
        std::visit(declaration_printer{out}, declaration);
    }
    return out;
}

} // namespace billijk::syntax
