// The parse driver: runs the X3 grammar one header, import or declaration at a time, turns its
// failures into E01xx diagnostics ("expected <what>, found <token>"), recovers at the next line
// that starts a declaration, and converts the X3 attribute tree into tree.hpp.
#include "syntax/parse.hpp"

#include "core/utf8.hpp"

#include "syntax/x3_ast.hpp"

#include <algorithm>
#include <cassert>
#include <optional>
#include <utility>
#include <vector>

namespace billijk::syntax {
namespace {

using detail::skip_blank;
using detail::step;
using detail::step_error;

/// Stop after this many errors in one file: later ones are mostly consequences.
constexpr std::size_t max_errors = 25;

bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool digit(char c) {
    return c >= '0' && c <= '9';
}

bool starts_declaration(std::string_view word) {
    static constexpr std::string_view keywords[] = {"enum",      "fact",  "parameter", "rule",
                                                    "exception", "table", "refusal",   "provision",
                                                    "override",  "import"};
    return std::find(std::begin(keywords), std::end(keywords), word) != std::end(keywords);
}

// ---------------------------------------------------------------------------------------------
// Tokens, for "found ..." and for recovery

enum class token_kind { eof, word, number, string, punct, bad_char, unterminated };

struct token {
    token_kind kind = token_kind::eof;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::string_view text;
};

/// The token at `pos` (which must not be blank).
token token_at(std::string_view text, std::uint32_t pos) {
    token t;
    t.begin = t.end = pos;
    auto const size = static_cast<std::uint32_t>(text.size());
    auto finish = [&](token_kind k, std::uint32_t end) {
        t.kind = k;
        t.end = end;
        t.text = text.substr(t.begin, end - t.begin);
        return t;
    };
    if (pos >= size) {
        return finish(token_kind::eof, size);
    }
    char const c = text[pos];
    if (c == '"') {
        std::uint32_t p = pos + 1;
        while (p < size && text[p] != '"' && text[p] != '\n' && text[p] != '\r') {
            p += (text[p] == '\\' && p + 1 < size && text[p + 1] != '\n') ? 2 : 1;
        }
        if (p < size && text[p] == '"') {
            return finish(token_kind::string, p + 1);
        }
        return finish(token_kind::unterminated, std::min(p, size));
    }
    if (digit(c)) {
        std::uint32_t p = pos;
        while (p < size && (word_char(text[p]) || ((text[p] == '.' || text[p] == '-') &&
                                                   p + 1 < size && digit(text[p + 1])))) {
            ++p;
        }
        return finish(token_kind::number, p);
    }
    if (word_char(c)) {
        std::uint32_t p = pos;
        while (p < size && word_char(text[p])) {
            ++p;
        }
        return finish(token_kind::word, p);
    }
    static constexpr std::string_view two_char[] = {"==", "!=", "<=", ">=", "->", ".."};
    for (auto op : two_char) {
        if (text.substr(pos, 2) == op) {
            return finish(token_kind::punct, pos + 2);
        }
    }
    if (std::string_view("=:,|()[]+-*/%<>.").find(c) != std::string_view::npos) {
        return finish(token_kind::punct, pos + 1);
    }
    // A character no token starts with; take a whole UTF-8 sequence.
    auto const byte = static_cast<unsigned char>(c);
    std::uint32_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
    return finish(token_kind::bad_char, std::min(pos + length, size));
}

std::string describe(token const& t) {
    switch (t.kind) {
    case token_kind::eof:
        return "end of file";
    case token_kind::string:
        if (t.text.size() > 24) {
            return "string " + std::string(t.text.substr(0, 20)) + "...\"";
        }
        return "string " + std::string(t.text);
    case token_kind::word:
        if (detail::is_unit_word(t.text)) {
            return "unit word '" + std::string(t.text) + "'";
        }
        if (detail::is_reserved(t.text)) {
            return "keyword '" + std::string(t.text) + "'";
        }
        return "'" + std::string(t.text) + "'";
    default:
        return "'" + std::string(t.text) + "'";
    }
}

/// "'rule hourly_rate'": the keyword and name a declaration starts with, for messages.
std::string declaration_head(std::string_view text, std::uint32_t start) {
    auto word_at = [&](std::uint32_t p) {
        token t = token_at(text, skip_blank(text, p));
        return t.kind == token_kind::word ? t : token{};
    };
    token keyword = word_at(start);
    if (keyword.text == "override") {
        keyword = word_at(keyword.end);
    }
    if (keyword.text.empty()) {
        return "the declaration";
    }
    token const name = word_at(keyword.end);
    if (name.text.empty() || detail::is_reserved(name.text) ||
        !(name.text[0] == '_' || (name.text[0] >= 'a' && name.text[0] <= 'z'))) {
        return "'" + std::string(keyword.text) + "'";
    }
    return "'" + std::string(keyword.text) + " " + std::string(name.text) + "'";
}

/// The end of the last token in [from, pos): walks the tokens forward from `from` (a token
/// start), so that comments between them are recognised.
std::uint32_t last_token_end(std::string_view text, std::uint32_t from, std::uint32_t pos) {
    std::uint32_t end = from;
    for (std::uint32_t p = skip_blank(text, from); p < pos && p < text.size();
         p = skip_blank(text, token_at(text, p).end)) {
        end = token_at(text, p).end;
    }
    return end;
}

/// The end of the token before `pos`: steps back over blanks and comments.
std::uint32_t end_of_previous_token(std::string_view text, std::uint32_t pos) {
    for (;;) {
        while (pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '\t' || text[pos - 1] == '\n' ||
                           text[pos - 1] == '\r')) {
            --pos;
        }
        // If `pos` ends a comment, continue before its '#' (a '#' inside a string is no comment).
        std::uint32_t line = pos;
        while (line > 0 && text[line - 1] != '\n') {
            --line;
        }
        std::optional<std::uint32_t> hash;
        bool in_string = false;
        for (std::uint32_t p = line; p < pos; ++p) {
            if (in_string && text[p] == '\\') {
                ++p;
            } else if (text[p] == '"') {
                in_string = !in_string;
            } else if (!in_string && text[p] == '#') {
                hash = p;
                break;
            }
        }
        if (!hash) {
            return pos;
        }
        pos = *hash;
    }
}

/// The token that ends at `end` (a token end found by end_of_previous_token), or an eof token.
token token_before(std::string_view text, std::uint32_t end) {
    if (end == 0) {
        return token{};
    }
    // Tokens are short: try the starts of the current line until one ends exactly at `end`.
    std::uint32_t line = end;
    while (line > 0 && text[line - 1] != '\n') {
        --line;
    }
    for (std::uint32_t p = skip_blank(text, line); p < end;) {
        token const t = token_at(text, p);
        if (t.end >= end) {
            return t.end == end ? t : token{};
        }
        p = skip_blank(text, t.end);
    }
    return token{};
}

/// The token before an expectation point at `pos`, quoted, for "{prev}" in messages.
std::string previous_token(std::string_view text, std::uint32_t pos) {
    token const t = token_before(text, end_of_previous_token(text, pos));
    return t.kind == token_kind::eof ? "the start" : "'" + std::string(t.text) + "'";
}

constexpr std::string_view unit_list =
    "the unit words are eur, hour(s), minute(s), day(s), week(s), fourweeks, month(s), year(s), "
    "etmaal/etmalen, zone(s), km, ride(s), meal(s), count and percent";

/// A keyword at most a typo away from `word`, for a "did you mean" note.
/// A keyword at most a typo away from `word`, for a "did you mean" note. Ties go to the
/// clause keywords, or with `at_declaration` to the declaration keywords, listed first.
std::optional<std::string_view> similar_keyword(std::string_view word, bool at_declaration) {
    static constexpr std::string_view clauses[] = {
        "cites", "label",    "label_en", "when",      "valid",        "to",
        "over",  "by",       "hit",      "row",       "then",         "else",
        "kind",  "category", "product",  "unit_code", "frequency",    "quantity",
        "rate",  "budget",   "layer",    "law",       "municipality", "extends"};
    static constexpr std::string_view declarations[] = {
        "enum",    "fact",      "parameter", "rule",   "exception", "table",
        "refusal", "provision", "override",  "import", "package"};
    // Optimal string alignment distance: insertions, deletions, substitutions, transpositions.
    auto distance = [](std::string_view a, std::string_view b) {
        std::vector<std::vector<std::size_t>> d(a.size() + 1,
                                                std::vector<std::size_t>(b.size() + 1));
        for (std::size_t i = 0; i <= a.size(); ++i) {
            d[i][0] = i;
        }
        for (std::size_t j = 0; j <= b.size(); ++j) {
            d[0][j] = j;
        }
        for (std::size_t i = 1; i <= a.size(); ++i) {
            for (std::size_t j = 1; j <= b.size(); ++j) {
                std::size_t const cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                    d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.size()][b.size()];
    };
    if (word.size() < 3) {
        return std::nullopt;
    }
    std::size_t best = word.size() >= 5 ? 2 : 1;
    std::optional<std::string_view> found;
    auto consider = [&](auto const& keywords) {
        for (auto keyword : keywords) {
            std::size_t const d = distance(word, keyword);
            if (d <= best && (!found || d < best)) {
                best = d;
                found = keyword;
            }
        }
    };
    if (at_declaration) {
        consider(declarations);
        consider(clauses);
    } else {
        consider(clauses);
        consider(declarations);
    }
    return found;
}

std::string replace_all(std::string s, std::string_view from, std::string const& to) {
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
        s.replace(at, from.size(), to);
    }
    return s;
}

/// The start of the next line after the one holding `from` whose first token starts a
/// declaration (or an import), or the end of the text.
std::uint32_t resync(std::string_view text, std::uint32_t from) {
    auto const size = static_cast<std::uint32_t>(text.size());
    std::uint32_t p = from;
    for (;;) {
        while (p < size && text[p] != '\n') {
            ++p;
        }
        if (p >= size) {
            return size;
        }
        ++p;
        std::uint32_t q = p;
        while (q < size && (text[q] == ' ' || text[q] == '\t' || text[q] == '\r')) {
            ++q;
        }
        token const t = token_at(text, q);
        if (t.kind == token_kind::word && starts_declaration(t.text)) {
            return q;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

class reporter {
  public:
    reporter(std::string_view text, FileId file) : text_(text), file_(file) {}

    Diagnostics& diagnostics() { return diags_; }
    bool full() const { return diags_.items().size() >= max_errors; }

    Span span(std::uint32_t begin, std::uint32_t end) const { return Span{file_, begin, end}; }

    /// "expected <what>, found <token at pos>", or the lexical error at that token.
    void expected(std::string const& what, std::uint32_t pos, std::string const& hint = {},
                  bool inside_declaration = true) {
        token const t = token_at(text_, skip_blank(text_, pos));
        if (lexical(t) || unknown_unit(t)) {
            return;
        }
        bool const wants_name = what.find("name") != std::string::npos;
        if (t.kind == token_kind::word && detail::is_reserved(t.text) && wants_name) {
            diags_.error("E0105", where(t),
                         "expected " + what + ", found " + describe(t) +
                             ", which is reserved and cannot be used as a name");
            return;
        }
        std::optional<std::string_view> const keyword =
            t.kind == token_kind::word && !detail::is_reserved(t.text)
                ? similar_keyword(t.text, what.find("declaration") != std::string::npos)
                : std::nullopt;
        // A misspelt keyword is the problem itself: point at it, not at the text before it.
        auto& d =
            diags_.error("E0101", keyword || !inside_declaration ? span(t.begin, t.end) : where(t),
                         "expected " + what + ", found " + describe(t) + hint);
        if (keyword) {
            d.notes.push_back(
                DiagnosticNote{std::nullopt, "did you mean '" + std::string(*keyword) + "'?"});
        }
    }

    /// A failed parse step inside the declaration starting at `start`.
    void step_failed(step_error const& e, std::uint32_t start) {
        std::string const head = declaration_head(text_, start);
        if (!e.expectation) {
            diags_.error(e.id, span(e.begin, e.end), replace_all(e.message, "{decl}", head));
            return;
        }
        std::string what = replace_all(e.what, "{decl}", head);
        what = replace_all(what, "{prev}", previous_token(text_, e.begin));
        expected(what, e.begin);
    }

    /// Where to point for "expected ..., found `t`": at `t`, or, when `t` is on a later line
    /// than the text before it, just after that text (the missing piece belongs there).
    Span where(token const& t) const {
        std::uint32_t const before = end_of_previous_token(text_, t.begin);
        if (text_.substr(before, t.begin - before).find('\n') != std::string_view::npos) {
            return span(before, before);
        }
        return span(t.begin, t.end);
    }

    /// E0112: a word after a number that is not a unit word (`45 euro`), or a word before '/'
    /// or '*' where only a unit can stand (`rule r: euro/hour`); true if reported.
    bool unknown_unit(token const& t) {
        std::uint32_t const before = end_of_previous_token(text_, t.begin);
        token const previous = token_before(text_, before);
        bool const on_one_line =
            text_.substr(before, t.begin - before).find('\n') == std::string_view::npos;
        if (!on_one_line) {
            return false;
        }
        if (t.kind == token_kind::word && !detail::is_reserved(t.text) &&
            previous.kind == token_kind::number) {
            diags_.error("E0112", span(t.begin, t.end),
                         "unknown unit '" + std::string(t.text) + "' after the number '" +
                             std::string(previous.text) + "'; " + std::string(unit_list));
            return true;
        }
        if ((t.text == "/" || t.text == "*") && previous.kind == token_kind::word &&
            !detail::is_reserved(previous.text)) {
            diags_.error("E0112", span(previous.begin, previous.end),
                         "unknown unit '" + std::string(previous.text) + "' before '" +
                             std::string(t.text) + "'; " + std::string(unit_list));
            return true;
        }
        return false;
    }

    /// E0102 / E0104 when the token itself is malformed; true if reported.
    bool lexical(token const& t) {
        if (t.kind == token_kind::unterminated) {
            diags_.error("E0102", span(t.begin, t.end),
                         "unterminated string: missing closing '\"' before the end of the line");
            return true;
        }
        if (t.kind == token_kind::bad_char) {
            std::string hint;
            if (t.text == "!") {
                hint = " (write 'not' for negation and '!=' for inequality)";
            } else if (t.text == "&" || t.text == "&&") {
                hint = " (write 'and')";
            } else if (t.text == ";") {
                hint = " (declarations need no terminator)";
            }
            diags_.error("E0104", span(t.begin, t.end),
                         "unexpected character '" + std::string(t.text) + "'" + hint);
            return true;
        }
        return false;
    }

  private:
    std::string_view text_;
    FileId file_;
    Diagnostics diags_;
};

// ---------------------------------------------------------------------------------------------
// Conversion from the X3 attribute tree

class converter {
  public:
    explicit converter(FileId file) : file_(file) {}

    Span span(ast::spanned const& s) const { return Span{file_, s.begin, s.end}; }

    Name name(ast::name const& n) const { return Name{n.text, span(n)}; }

    UnitExpr unit(ast::unit_expr const& u) const {
        UnitExpr out;
        out.terms.push_back(UnitTerm{'*', u.first});
        for (auto const& term : u.rest) {
            out.terms.push_back(UnitTerm{term.op, term.word});
        }
        out.span = span(u);
        return out;
    }

    TypeExpr type(ast::type_expr const& t) const {
        TypeExpr out;
        out.kind = static_cast<TypeExpr::Kind>(t.kind);
        if (out.kind == TypeExpr::Kind::unit) {
            out.unit = unit(t.unit);
        } else if (out.kind == TypeExpr::Kind::named) {
            out.name = t.named.text;
        } else if (out.kind == TypeExpr::Kind::count || out.kind == TypeExpr::Kind::percent) {
            out.unit = unit(t.unit);
        }
        out.span = span(t);
        return out;
    }

    DateRange range(ast::date_range const& r) const {
        DateRange out;
        out.from = r.from.text;
        if (r.to) {
            out.to = r.to->text;
        }
        out.span = span(r);
        return out;
    }

    Meta meta(ast::meta const& m) const {
        Meta out;
        if (m.cites) {
            out.cites = m.cites->value;
            out.cites_span = span(*m.cites);
        }
        if (m.label) {
            out.label = m.label->value;
            out.label_span = span(*m.label);
        }
        if (m.label_en) {
            out.label_en = m.label_en->value;
        }
        return out;
    }

    ExprPtr expr(ast::operand const& o) const {
        return boost::apply_visitor([this](auto const& node) { return convert(node); }, o.get());
    }

    Declaration declaration(ast::declaration const& d) const {
        return boost::apply_visitor([this](auto const& node) { return Declaration(decl(node)); },
                                    d.get());
    }

    HeaderItem header_item(ast::header_item const& h) const {
        HeaderItem out;
        out.kind = static_cast<HeaderItem::Kind>(h.kind);
        out.text = h.text;
        if (h.valid) {
            out.valid = range(*h.valid);
        }
        out.span = span(h);
        return out;
    }

  private:
    ExprPtr make(ast::spanned const& s, auto node) const {
        auto out = std::make_unique<Expr>();
        out->node = std::move(node);
        out->span = span(s);
        return out;
    }

    ExprPtr convert(ast::nil const&) const {
        assert(false && "the grammar never yields an empty operand");
        return make(ast::spanned{}, BoolLit{});
    }
    ExprPtr convert(ast::number_lit const& n) const {
        NumberLit out;
        out.text = n.text;
        out.percent = n.percent;
        if (n.unit) {
            out.unit = unit(*n.unit);
        }
        return make(n, std::move(out));
    }
    ExprPtr convert(ast::date_lit const& d) const { return make(d, DateLit{d.text}); }
    ExprPtr convert(ast::string_lit const& s) const { return make(s, StringLit{s.value}); }
    ExprPtr convert(ast::bool_lit const& b) const { return make(b, BoolLit{b.value}); }
    ExprPtr convert(ast::name const& n) const { return make(n, NameRef{n.text}); }
    template <typename T> ExprPtr convert(ast::x3::forward_ast<T> const& node) const {
        return convert(node.get());
    }
    ExprPtr convert(ast::call const& c) const {
        Call out;
        out.callee = name(c.callee);
        for (auto const& arg : c.args) {
            out.args.push_back(expr(arg));
        }
        return make(c, std::move(out));
    }
    ExprPtr convert(ast::unary const& u) const {
        Unary out;
        out.op = u.op == '!' ? Unary::Op::logical_not : Unary::Op::negate;
        out.operand = expr(u.operand_);
        return make(u, std::move(out));
    }
    ExprPtr convert(ast::if_expr const& i) const {
        IfExpr out;
        out.condition = expr(i.condition);
        out.then_branch = expr(i.then_branch);
        out.else_branch = expr(i.else_branch);
        return make(i, std::move(out));
    }
    static Binary::Op binary_op(ast::optoken op) {
        switch (op) {
        case ast::optoken::add:
            return Binary::Op::add;
        case ast::optoken::sub:
            return Binary::Op::sub;
        case ast::optoken::mul:
            return Binary::Op::mul;
        case ast::optoken::div:
            return Binary::Op::div;
        case ast::optoken::eq:
            return Binary::Op::eq;
        case ast::optoken::ne:
            return Binary::Op::ne;
        case ast::optoken::lt:
            return Binary::Op::lt;
        case ast::optoken::le:
            return Binary::Op::le;
        case ast::optoken::gt:
            return Binary::Op::gt;
        case ast::optoken::ge:
            return Binary::Op::ge;
        case ast::optoken::logical_and:
            return Binary::Op::logical_and;
        case ast::optoken::logical_or:
            return Binary::Op::logical_or;
        }
        return Binary::Op::add;
    }
    /// A chain `a op b op c` of one precedence level, folded to the left.
    ExprPtr convert(ast::expression const& e) const {
        ExprPtr result = expr(e.first);
        for (auto const& operation : e.rest) {
            ExprPtr rhs = expr(operation.rhs);
            Span const whole{file_, result->span.begin, rhs->span.end};
            Binary binary;
            binary.op = binary_op(operation.op);
            binary.lhs = std::move(result);
            binary.rhs = std::move(rhs);
            result = std::make_unique<Expr>();
            result->node = std::move(binary);
            result->span = whole;
        }
        // The chain's own span: the same text, or including the parentheses around it.
        result->span = span(e);
        return result;
    }

    Cell cell(ast::cell const& c) const {
        struct visitor {
            converter const& self;
            Cell operator()(ast::any_cell const& a) const { return Cell{AnyCell{}, self.span(a)}; }
            Cell operator()(ast::range_cell const& r) const {
                RangeCell out;
                out.lower_closed = r.open == '[';
                out.upper_closed = r.close == ']';
                if (r.lower) {
                    out.lower = self.expr(*r.lower);
                }
                if (r.upper) {
                    out.upper = self.expr(*r.upper);
                }
                return Cell{std::move(out), self.span(r)};
            }
            Cell operator()(ast::operand const& o) const {
                ExprPtr e = self.expr(o);
                Span const s = e->span;
                return Cell{std::move(e), s};
            }
        };
        return boost::apply_visitor(visitor{*this}, c.get());
    }

    Version version(ast::version const& v) const {
        Version out;
        if (v.valid) {
            out.valid = range(*v.valid);
        }
        out.value = expr(v.value);
        out.span = span(v);
        return out;
    }

    EnumDecl decl(ast::enum_decl const& d) const {
        EnumDecl out;
        out.name = name(d.name_);
        for (auto const& m : d.members) {
            out.members.push_back(name(m));
        }
        out.meta = meta(d.meta_);
        return out;
    }
    FactDecl decl(ast::fact_decl const& d) const {
        return FactDecl{name(d.name_), type(d.type), meta(d.meta_)};
    }
    ParameterDecl decl(ast::parameter_decl const& d) const {
        ParameterDecl out;
        out.is_override = d.is_override;
        out.name = name(d.name_);
        out.type = type(d.type);
        out.meta = meta(d.meta_);
        for (auto const& v : d.versions) {
            out.versions.push_back(version(v));
        }
        return out;
    }
    RuleDecl decl(ast::rule_decl const& d) const {
        RuleDecl out;
        out.is_override = d.is_override;
        out.name = name(d.name_);
        out.type = type(d.type);
        out.meta = meta(d.meta_);
        out.value = expr(d.value);
        return out;
    }
    ExceptionDecl decl(ast::exception_decl const& d) const {
        ExceptionDecl out;
        out.name = name(d.name_);
        out.target = name(d.target);
        if (d.over) {
            out.over = name(*d.over);
        }
        out.meta = meta(d.meta_);
        out.condition = expr(d.condition);
        out.value = expr(d.value);
        return out;
    }
    TableDecl decl(ast::table_decl const& d) const {
        TableDecl out;
        out.name = name(d.name_);
        out.type = type(d.type);
        for (auto const& c : d.columns) {
            out.columns.push_back(TableColumn{name(c.name_), type(c.type)});
        }
        out.hit = name(d.hit);
        out.meta = meta(d.meta_);
        if (d.valid) {
            out.valid = range(*d.valid);
        }
        for (auto const& r : d.rows) {
            TableRow row;
            for (auto const& c : r.cells) {
                row.cells.push_back(cell(c));
            }
            row.result = expr(r.result);
            row.span = span(r);
            out.rows.push_back(std::move(row));
        }
        return out;
    }
    RefusalDecl decl(ast::refusal_decl const& d) const {
        RefusalDecl out;
        out.name = name(d.name_);
        out.meta = meta(d.meta_);
        out.condition = expr(d.condition);
        return out;
    }
    ProvisionDecl decl(ast::provision_decl const& d) const {
        ProvisionDecl out;
        out.name = name(d.name_);
        out.meta = meta(d.meta_);
        auto const& items = d.items;
        if (items.kind) {
            out.kind = name(*items.kind);
        }
        auto text = [](std::optional<ast::string_lit> const& s) {
            return s ? std::optional<std::string>(s->value) : std::nullopt;
        };
        out.category = text(items.category);
        out.product = text(items.product);
        out.unit_code = text(items.unit_code);
        out.frequency = text(items.frequency);
        auto value = [this](std::optional<ast::operand> const& o) {
            return o ? expr(*o) : ExprPtr{};
        };
        out.quantity = value(items.quantity);
        out.rate = value(items.rate);
        out.budget = value(items.budget);
        return out;
    }

    FileId file_;
};

// ---------------------------------------------------------------------------------------------
// The driver

void parse_header(std::string_view text, std::uint32_t& pos, reporter& report,
                  converter const& convert, File& file) {
    token const first = token_at(text, pos);
    if (first.kind != token_kind::word || first.text != "package") {
        if (!report.lexical(first)) {
            report.diagnostics().error("E0107", report.span(first.begin, first.end),
                                       "missing package header: expected 'package' and a "
                                       "package name at the start of the file, found " +
                                           describe(first));
        }
        if (first.kind != token_kind::word || !starts_declaration(first.text)) {
            pos = resync(text, pos);
        }
        return;
    }
    std::uint32_t const start = pos;
    ast::header header;
    step_error error;
    if (detail::parse_header(text, pos, header, error) != step::ok) {
        report.step_failed(error, start);
        pos = resync(text, start);
        return;
    }
    file.package = convert.name(header.package);
    file.title = header.title.value;
    for (auto const& item : header.items) {
        file.header.push_back(convert.header_item(item));
    }
    token const next = token_at(text, pos);
    if (next.kind != token_kind::word || starts_declaration(next.text)) {
        return;
    }
    auto const similar = similar_keyword(next.text, true);
    if (similar && starts_declaration(*similar)) {
        return; // a misspelt declaration keyword: the declaration loop reports it
    }
    auto& d = report.diagnostics().error("E0106", report.span(next.begin, next.end),
                                         "unknown header item '" + std::string(next.text) +
                                             "', expected 'layer', 'law', 'municipality', "
                                             "'extends', 'valid', an import or a declaration");
    if (similar) {
        d.notes.push_back(
            DiagnosticNote{std::nullopt, "did you mean '" + std::string(*similar) + "'?"});
    }
    pos = resync(text, pos);
}

/// A file in another encoding than UTF-8 (e.g. saved as Windows-1252) would reach the
/// explanations with its citations and labels altered: E0114 at its first such byte, once per
/// file. The parse goes on, so other errors are reported too.
void report_not_utf8(std::string_view text, reporter& report) {
    std::size_t const at = first_invalid_utf8(text);
    if (at == text.size())
        return;
    auto const byte = static_cast<unsigned char>(text[at]);
    std::string message = "the file is not UTF-8 text: byte 0x";
    append_hex_byte(message, byte);
    if (byte >= 0xA0) { // Windows-1252 and Latin-1 agree from 0xA0 on: U+00A0..U+00FF
        message += " (in Windows-1252 or Latin-1: '";
        message += static_cast<char>(0xC0 | (byte >> 6));
        message += static_cast<char>(0x80 | (byte & 0x3F));
        message += "')";
    }
    message += "; save the file as UTF-8";
    auto const offset = static_cast<std::uint32_t>(at);
    report.diagnostics().error("E0114", report.span(offset, offset + 1), std::move(message));
}

} // namespace

Result<File> parse(SourceSet const& sources, FileId file_id) {
    std::string_view const text = sources.file(file_id).text;
    reporter report(text, file_id);
    converter const convert(file_id);

    File file;
    file.span = Span{file_id, 0, static_cast<std::uint32_t>(text.size())};

    // A UTF-8 byte order mark, as some Windows editors write, is not part of the text.
    std::uint32_t pos = skip_blank(text, text.starts_with(utf8_bom) ? utf8_bom.size() : 0);
    report_not_utf8(text, report);
    parse_header(text, pos, report, convert, file);

    bool seen_declaration = false;
    // The last declaration, when it parsed without error: [previous_begin, previous_end).
    bool has_previous = false;
    std::uint32_t previous_begin = 0;
    std::uint32_t previous_end = 0;
    while (!report.full()) {
        pos = skip_blank(text, pos);
        if (pos >= text.size()) {
            break;
        }
        std::uint32_t const start = pos;
        token const first = token_at(text, pos);
        step_error error;

        if (first.kind == token_kind::word && first.text == "import") {
            ast::string_lit path;
            if (detail::parse_import(text, pos, path, error) != step::ok) {
                report.step_failed(error, start);
                pos = resync(text, start);
            } else if (seen_declaration) {
                report.diagnostics().error(
                    "E0111", convert.span(path),
                    "an import must come before the first declaration of the file");
            } else {
                file.imports.push_back(Import{path.value, convert.span(path)});
            }
            has_previous = false;
            continue;
        }

        ast::declaration declaration;
        switch (detail::parse_declaration(text, pos, declaration, error)) {
        case step::ok:
            file.declarations.push_back(convert.declaration(declaration));
            seen_declaration = true;
            has_previous = true;
            previous_begin = start;
            previous_end = last_token_end(text, start, pos);
            continue;
        case step::error:
            report.step_failed(error, start);
            break;
        case step::no_match:
            if (first.kind == token_kind::word && first.text == "override") {
                report.expected("'parameter' or 'rule' after 'override'", first.end, {}, false);
            } else if (has_previous) {
                std::string hint;
                if (first.text == "<" || first.text == ">" || first.text == "<=" ||
                    first.text == ">=" || first.text == "==" || first.text == "!=") {
                    hint = " (comparisons do not chain: write 'a < b and b < c')";
                } else if (first.text == "valid") {
                    hint = " (a parameter has either one undated value '= ...' or dated versions "
                           "'valid ... = ...', not both)";
                } else if (first.text == "cites" || first.text == "label" ||
                           first.text == "label_en") {
                    hint = " (cites, label and label_en come before the value)";
                }
                bool const same_line = text.substr(previous_end, start - previous_end).find('\n') ==
                                       std::string_view::npos;
                std::string const what =
                    same_line ? "a new declaration after the end of " +
                                    declaration_head(text, previous_begin)
                              : "a declaration (enum, fact, parameter, rule, exception, table, "
                                "refusal or provision)";
                report.expected(what, start, hint, false);
            } else {
                report.expected("a declaration (enum, fact, parameter, rule, exception, table, "
                                "refusal or provision)",
                                start, {}, false);
            }
            break;
        }
        has_previous = false;
        pos = resync(text, start);
    }

    if (report.diagnostics().has_errors()) {
        return std::move(report.diagnostics());
    }
    return file;
}

Result<ExprPtr> parse_expression(SourceSet const& sources, FileId file_id) {
    std::string_view const text = sources.file(file_id).text;
    reporter report(text, file_id);
    std::uint32_t pos = skip_blank(text, 0);
    ast::operand operand;
    step_error error;
    switch (detail::parse_expression(text, pos, operand, error)) {
    case step::ok:
        if (pos < text.size()) {
            report.expected("an operator or the end of the expression", pos);
        }
        break;
    case step::error:
        report.step_failed(error, 0);
        break;
    case step::no_match:
        report.expected("an expression", pos);
        break;
    }
    if (report.diagnostics().has_errors()) {
        return std::move(report.diagnostics());
    }
    return converter(file_id).expr(operand);
}

} // namespace billijk::syntax
