// The canonical pretty-printer; see printer.hpp.
#include "syntax/printer.hpp"

#include "syntax/comments.hpp"

#include <algorithm>
#include <cassert>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

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

/// Display width of UTF-8 text: code points, not bytes, so that labels with 'ë' align.
std::size_t width(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) {
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return n;
}

constexpr std::uint32_t end_of_text = 0xFFFFFFFF;

/// Prints a tree; with the source text it was parsed from, also that text's comments and the
/// line breaks the writer chose inside expressions (see printer.hpp).
class printer {
  public:
    printer(std::string_view source, std::vector<Comment> comments)
        : source_(source), comments_(std::move(comments)) {}

    std::string take() { return std::move(out_); }

    void file(File const& f) {
        start_top(f.package.span.begin);
        out_ += "package " + f.package.text + ' ' + quote(f.title) + '\n';
        for (auto const& item : f.header) {
            clause(item.span.begin);
            switch (item.kind) {
            case HeaderItem::Kind::layer:
                out_ += "  layer " + item.text + '\n';
                break;
            case HeaderItem::Kind::law:
                out_ += "  law " + item.text + '\n';
                break;
            case HeaderItem::Kind::municipality:
                out_ += "  municipality " + item.text + '\n';
                break;
            case HeaderItem::Kind::extends:
                out_ += "  extends " + item.text + '\n';
                break;
            case HeaderItem::Kind::valid:
                assert(item.valid);
                out_ += "  valid " + range_text(*item.valid) + '\n';
                break;
            }
        }
        for (std::size_t i = 0; i < f.imports.size(); ++i) {
            if (i == 0) {
                start_top(f.imports[i].span.begin);
            } else {
                flush_inner(f.imports[i].span.begin, 0);
            }
            out_ += "import " + quote(f.imports[i].path) + '\n';
        }
        for (auto const& declaration : f.declarations) {
            std::visit([this](auto const& d) { decl(d); }, declaration);
        }
        flush_top(end_of_text);
    }

    void expr(Expr const& e, std::optional<std::size_t> chain = std::nullopt) {
        std::visit([&](auto const& node) { node_(node, chain); }, e.node);
    }

  private:
    // -- output and comments ------------------------------------------------------------------

    std::size_t column() const {
        auto const newline = out_.rfind('\n');
        return width(std::string_view(out_).substr(newline == std::string::npos ? 0 : newline + 1));
    }
    bool at_line_start() const { return out_.empty() || out_.back() == '\n'; }
    void line_end() {
        if (!at_line_start()) {
            out_ += '\n';
        }
    }
    bool pending(std::uint32_t anchor) const {
        return next_ < comments_.size() && comments_[next_].begin < anchor;
    }

    /// True if the writer broke the line between two neighbouring parts of an expression.
    bool broken(Span const& before, Span const& after) const {
        if (before.end > after.begin || after.begin > source_.size()) {
            return false;
        }
        return source_.substr(before.end, after.begin - before.end).find('\n') !=
               std::string_view::npos;
    }

    /// True if the last line printed (or the one being printed) ends in a comment.
    bool last_line_has_comment() const {
        std::size_t end = out_.size();
        if (end > 0 && out_[end - 1] == '\n') {
            --end;
        }
        std::size_t const start = out_.rfind('\n', end == 0 ? 0 : end - 1);
        std::size_t const from = start == std::string::npos || end == 0 ? 0 : start + 1;
        return !collect_comments(std::string_view(out_).substr(from, end - from)).empty();
    }

    /// A comment that followed code on its line goes after the last line printed; if that
    /// line already ends in a comment (the code it followed printed elsewhere), on a line of
    /// its own at `indent`.
    void append_trailing(Comment const& c, std::size_t indent) {
        if (last_line_has_comment()) {
            line_end();
            out_ += std::string(indent, ' ') + c.text + '\n';
            return;
        }
        bool const complete = at_line_start();
        if (complete) {
            out_.pop_back();
        }
        out_ += "  " + c.text;
        if (complete) {
            out_ += '\n';
        }
    }

    /// Comments before `anchor` inside a declaration or expression: trailing ones stay at the
    /// end of their line, the others get lines of their own at `indent`.
    void flush_inner(std::uint32_t anchor, std::size_t indent) {
        while (pending(anchor)) {
            Comment const& c = comments_[next_++];
            if (!c.own_line && !out_.empty()) {
                append_trailing(c, indent);
                continue;
            }
            line_end();
            out_ += std::string(indent, ' ') + c.text + '\n';
        }
    }

    /// Comments before a top-level unit (package, imports, declaration) or the end of the
    /// file. Trailing comments, and an indented block right under the code, stay with what
    /// precedes; the other blocks keep a blank line between them and before them. Returns
    /// true if the last block had no blank line after it (it then sits on the unit).
    bool flush_top(std::uint32_t anchor) {
        bool attached = false;
        while (pending(anchor) && !out_.empty()) {
            Comment const& c = comments_[next_];
            if (!c.own_line) {
                append_trailing(c, 2);
            } else if (!c.blank_before && (attached || c.column > 0)) {
                out_ += "  " + c.text + '\n';
                attached = true;
            } else {
                break;
            }
            ++next_;
        }
        bool glued = false;
        bool first = true;
        while (pending(anchor)) {
            Comment const& c = comments_[next_++];
            if (!out_.empty() && (first || c.blank_before)) {
                out_ += '\n';
            }
            out_ += c.text + '\n';
            glued = !c.blank_after;
            first = false;
        }
        return glued;
    }

    void start_top(std::uint32_t anchor) {
        if (!flush_top(anchor) && !out_.empty()) {
            out_ += '\n';
        }
    }
    void clause(std::uint32_t anchor) { flush_inner(anchor, 2); }

    /// A new line at `indent` before the expression part `next`.
    void break_before(Span const& next, std::size_t indent) {
        flush_inner(next.begin, indent);
        line_end();
        out_ += std::string(indent, ' ');
    }

    // -- expressions ---------------------------------------------------------------------------

    /// `e`, in parentheses when it binds looser than `minimum` allows.
    void operand(Expr const& e, int minimum) {
        bool const parens = precedence_of(e) < minimum;
        if (parens) {
            out_ += '(';
        }
        expr(e);
        if (parens) {
            out_ += ')';
        }
    }

    void node_(NumberLit const& n, std::optional<std::size_t>) {
        out_ += n.text;
        if (n.percent) {
            out_ += '%';
        } else if (n.unit) {
            out_ += ' ' + unit_text(*n.unit);
        }
    }
    void node_(DateLit const& d, std::optional<std::size_t>) { out_ += d.text; }
    void node_(StringLit const& s, std::optional<std::size_t>) { out_ += quote(s.value); }
    void node_(BoolLit const& b, std::optional<std::size_t>) { out_ += b.value ? "true" : "false"; }
    void node_(NameRef const& n, std::optional<std::size_t>) { out_ += n.name; }
    void node_(Call const& c, std::optional<std::size_t>) {
        out_ += c.callee.text + '(';
        std::size_t const arg_column = column();
        for (std::size_t i = 0; i < c.args.size(); ++i) {
            if (i > 0) {
                out_ += ',';
                if (broken(c.args[i - 1]->span, c.args[i]->span)) {
                    break_before(c.args[i]->span, arg_column);
                } else {
                    out_ += ' ';
                }
            }
            expr(*c.args[i]);
        }
        out_ += ')';
    }
    void node_(Unary const& u, std::optional<std::size_t>) {
        if (u.op == Unary::Op::logical_not) {
            out_ += "not ";
            operand(*u.operand, not_p);
        } else {
            out_ += '-';
            operand(*u.operand, unary_p);
        }
    }
    /// A broken operator chain continues under its first operand, the operator first.
    void node_(Binary const& b, std::optional<std::size_t>) {
        std::size_t const start = column();
        int const p = binary_precedence(b.op);
        // Left-associative; comparisons do not chain at all.
        operand(*b.lhs, p == cmp_p ? p + 1 : p);
        if (broken(b.lhs->span, b.rhs->span)) {
            break_before(b.rhs->span, start);
        } else {
            out_ += ' ';
        }
        out_ += binary_text(b.op);
        out_ += ' ';
        operand(*b.rhs, p + 1);
    }
    /// A broken `if`: `then` and `else` two columns right of the `if`; in an `else if` chain
    /// every `else` under the first `if` and every `then` two columns right of it.
    void node_(IfExpr const& i, std::optional<std::size_t> chain) {
        std::size_t const base = chain ? *chain : column();
        bool const chained = chain || std::holds_alternative<IfExpr>(i.else_branch->node);
        out_ += "if ";
        expr(*i.condition);
        if (broken(i.condition->span, i.then_branch->span)) {
            break_before(i.then_branch->span, base + 2);
        } else {
            out_ += ' ';
        }
        out_ += "then ";
        expr(*i.then_branch);
        if (broken(i.then_branch->span, i.else_branch->span)) {
            break_before(i.else_branch->span, chained ? base : base + 2);
        } else {
            out_ += ' ';
        }
        out_ += "else ";
        if (std::holds_alternative<IfExpr>(i.else_branch->node)) {
            expr(*i.else_branch, base);
        } else {
            expr(*i.else_branch);
        }
    }

    /// `  keyword expression` as a clause line.
    void value_clause(std::string const& head, Expr const& e) {
        clause(e.span.begin);
        out_ += head;
        expr(e);
        out_ += '\n';
    }

    // -- declarations --------------------------------------------------------------------------

    void meta(Meta const& m) {
        if (m.cites) {
            clause(m.cites_span.begin);
            out_ += "  cites " + quote(*m.cites) + '\n';
        }
        if (m.label) {
            clause(m.label_span.begin);
            out_ += "  label " + quote(*m.label) + '\n';
        }
        if (m.label_en) {
            out_ += "  label_en " + quote(*m.label_en) + '\n';
        }
    }

    void decl(EnumDecl const& d) {
        start_top(d.name.span.begin);
        out_ += "enum " + d.name.text + " =";
        for (std::size_t i = 0; i < d.members.size(); ++i) {
            out_ += (i == 0 ? " " : " | ") + d.members[i].text;
        }
        out_ += '\n';
        meta(d.meta);
    }
    void decl(FactDecl const& d) {
        start_top(d.name.span.begin);
        out_ += "fact " + d.name.text + ": " + print(d.type) + '\n';
        meta(d.meta);
    }
    void decl(ParameterDecl const& d) {
        start_top(d.name.span.begin);
        out_ += std::string(d.is_override ? "override " : "") + "parameter " + d.name.text + ": " +
                print(d.type) + '\n';
        meta(d.meta);
        for (auto const& v : d.versions) {
            clause(v.span.begin);
            out_ += "  ";
            if (v.valid) {
                out_ += "valid " + range_text(*v.valid) + ' ';
            }
            out_ += "= ";
            expr(*v.value);
            out_ += '\n';
        }
    }
    void decl(RuleDecl const& d) {
        start_top(d.name.span.begin);
        out_ += std::string(d.is_override ? "override " : "") + "rule " + d.name.text + ": " +
                print(d.type) + '\n';
        meta(d.meta);
        value_clause("  = ", *d.value);
    }
    void decl(ExceptionDecl const& d) {
        start_top(d.name.span.begin);
        out_ += "exception " + d.name.text + " to " + d.target.text;
        if (d.over) {
            out_ += " over " + d.over->text;
        }
        out_ += '\n';
        meta(d.meta);
        value_clause("  when ", *d.condition);
        value_clause("  = ", *d.value);
    }
    /// Rows with their cells aligned in columns, as policy writers lay out tariff tables.
    void decl(TableDecl const& d) {
        start_top(d.name.span.begin);
        out_ += "table " + d.name.text + ": " + print(d.type) + '\n';
        if (!d.columns.empty()) {
            clause(d.columns.front().name.span.begin);
        }
        out_ += "  by ";
        for (std::size_t i = 0; i < d.columns.size(); ++i) {
            out_ += (i == 0 ? "" : ", ") + d.columns[i].name.text + ": " + print(d.columns[i].type);
        }
        out_ += '\n';
        clause(d.hit.span.begin);
        out_ += "  hit " + d.hit.text + '\n';
        meta(d.meta);
        if (d.valid) {
            clause(d.valid->span.begin);
            out_ += "  valid " + range_text(*d.valid) + '\n';
        }
        std::vector<std::vector<std::string>> cells;
        std::vector<std::size_t> widths;
        for (auto const& row : d.rows) {
            auto& texts = cells.emplace_back();
            for (std::size_t i = 0; i < row.cells.size(); ++i) {
                texts.push_back(cell_text(row.cells[i]) + (i + 1 < row.cells.size() ? "," : ""));
                if (widths.size() <= i) {
                    widths.push_back(0);
                }
                widths[i] = std::max(widths[i], width(texts.back()));
            }
        }
        for (std::size_t r = 0; r < d.rows.size(); ++r) {
            clause(d.rows[r].span.begin);
            out_ += "  row";
            for (std::size_t i = 0; i < cells[r].size(); ++i) {
                out_ += ' ' + cells[r][i] + std::string(widths[i] - width(cells[r][i]), ' ');
            }
            out_ += " -> ";
            expr(*d.rows[r].result);
            out_ += '\n';
        }
    }
    void decl(RefusalDecl const& d) {
        start_top(d.name.span.begin);
        out_ += "refusal " + d.name.text + '\n';
        meta(d.meta);
        value_clause("  when ", *d.condition);
    }
    void decl(ProvisionDecl const& d) {
        start_top(d.name.span.begin);
        out_ += "provision " + d.name.text + '\n';
        meta(d.meta);
        if (d.kind) {
            clause(d.kind->span.begin);
            out_ += "  kind " + d.kind->text + '\n';
        }
        // The iWmo/iJw codes on one line, as they appear together in the message standards.
        std::string codes;
        auto code = [&](char const* keyword, std::optional<std::string> const& value) {
            if (value) {
                codes += std::string(codes.empty() ? "" : " ") + keyword + ' ' + quote(*value);
            }
        };
        code("category", d.category);
        code("product", d.product);
        code("unit_code", d.unit_code);
        code("frequency", d.frequency);
        if (!codes.empty()) {
            out_ += "  " + codes + '\n';
        }
        auto value = [&](char const* keyword, ExprPtr const& e) {
            if (e) {
                value_clause(std::string("  ") + keyword + " = ", *e);
            }
        };
        value("quantity", d.quantity);
        value("rate", d.rate);
        value("budget", d.budget);
    }

    static std::string cell_text(Cell const& cell) {
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

    std::string_view source_;
    std::vector<Comment> comments_;
    std::size_t next_ = 0; ///< the first comment not yet printed
    std::string out_;
};

} // namespace

std::string print(Expr const& expr) {
    printer p({}, {});
    p.expr(expr);
    return p.take();
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
    printer p({}, {});
    p.file(file);
    return p.take();
}

std::string format(File const& file, std::string_view source) {
    printer p(source, collect_comments(source));
    p.file(file);
    return p.take();
}

} // namespace billijk::syntax
