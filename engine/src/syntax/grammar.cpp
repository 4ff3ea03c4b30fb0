// The Spirit X3 grammar of the rule language (docs/rule-language.md, "Grammar (EBNF)").
//
// The only translation unit that instantiates X3 parsers. The lexical layer (keywords with a
// word boundary, identifiers that are not reserved words, numbers, dates, strings, unit words)
// is written as small hand-made X3 primitives: they give exact spans and raise the lexical
// diagnostics (E0102 unterminated string, E0103 invalid number, E0108 invalid date, E0109
// invalid escape) themselves; semantic actions raise E0110 (a clause given twice) and the
// nesting guards E0113. The phrase structure is X3, with named expectation points:
// `E("what was expected", p)` throws an expectation failure whose text parse.cpp turns into
// "expected <what>, found <token>".
//
// The entry points at the bottom parse one header, import, declaration or expression, so that
// parse.cpp can recover after an error by skipping to the next declaration.
#include "syntax/x3_ast.hpp"

#include <boost/spirit/home/x3.hpp>

#include <algorithm>
#include <iterator>
#include <type_traits>

namespace billijk::syntax::detail {
namespace {

namespace x3 = boost::spirit::x3;
using iterator = char const*;

// ---------------------------------------------------------------------------------------------
// Context, errors and spans

/// Injected with x3::with<state_tag> so that primitives and on_success can compute offsets.
struct parse_state {
    char const* base = nullptr;
    int depth = 0; ///< current expression nesting, see nesting_directive
};
struct state_tag;

template <typename Context> std::uint32_t offset(Context const& ctx, iterator p) {
    return static_cast<std::uint32_t>(p - x3::get<state_tag>(ctx).base);
}

/// A lexical or semantic-action error with its own diagnostic id and complete message.
struct syntax_error {
    std::string id;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::string message;
};

template <typename T> struct is_forward_ast : std::false_type {};
template <typename T> struct is_forward_ast<x3::forward_ast<T>> : std::true_type {};

template <typename T> void set_span(T& node, std::uint32_t begin, std::uint32_t end) {
    if constexpr (std::is_base_of_v<ast::spanned, T>) {
        node.begin = begin;
        node.end = end;
    } else if constexpr (is_forward_ast<T>::value) {
        set_span(node.get(), begin, end);
    } else if constexpr (std::is_same_v<T, ast::operand> || std::is_same_v<T, ast::cell>) {
        boost::apply_visitor([&](auto& alternative) { set_span(alternative, begin, end); },
                             node.get());
    }
}

template <typename T> std::pair<std::uint32_t, std::uint32_t> span_of(T const& node) {
    if constexpr (std::is_base_of_v<ast::spanned, T>) {
        return {node.begin, node.end};
    } else if constexpr (is_forward_ast<T>::value) {
        return span_of(node.get());
    } else if constexpr (std::is_same_v<T, ast::operand>) {
        return boost::apply_visitor([](auto const& alternative) { return span_of(alternative); },
                                    node.get());
    } else {
        return {0, 0};
    }
}

/// The most operators one precedence level may chain (`a + b + ...`), see annotate.
constexpr std::size_t max_chain = 1000;

/// on_success handler shared by every rule: record the matched byte range on the attribute.
struct annotate {
    template <typename Iterator, typename Attribute, typename Context>
    void on_success(Iterator const& first, Iterator const& last, Attribute& attr,
                    Context const& ctx) const {
        set_span(attr, offset(ctx, first), offset(ctx, last));
        if constexpr (std::is_same_v<Attribute, ast::expression>) {
            // The tree is left-deep: keep its depth (and every recursion over it) bounded.
            if (attr.rest.size() > max_chain) {
                throw syntax_error{"E0113", offset(ctx, first), offset(ctx, last),
                                   "expression too long: more than " + std::to_string(max_chain) +
                                       " operators in a row; split it into several rules"};
            }
        }
    }
};

// ---------------------------------------------------------------------------------------------
// Named expectation: like X3's `a > b`, but the failure names what was expected in words.

template <typename Subject>
struct expect_directive : x3::unary_parser<Subject, expect_directive<Subject>> {
    using base_type = x3::unary_parser<Subject, expect_directive<Subject>>;
    static bool const is_pass_through_unary = true;

    constexpr expect_directive(Subject const& inner, char const* what)
        : base_type(inner), what_(what) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& ctx, RContext& rctx,
               Attribute& attr) const {
        if (!this->subject.parse(first, last, ctx, rctx, attr)) {
            throw x3::expectation_failure<Iterator>(first, what_);
        }
        return true;
    }

    char const* what_;
};

template <typename Parser> constexpr auto E(char const* what, Parser const& p) {
    return expect_directive<typename x3::extension::as_parser<Parser>::value_type>{x3::as_parser(p),
                                                                                   what};
}

/// Deeper expression nesting is E0113 instead of a stack overflow (about 100 parentheses).
constexpr int max_depth = 300;

/// Counts the nesting of the recursive expression rules it wraps.
template <typename Subject>
struct nesting_directive : x3::unary_parser<Subject, nesting_directive<Subject>> {
    using base_type = x3::unary_parser<Subject, nesting_directive<Subject>>;
    static bool const is_pass_through_unary = true;

    constexpr explicit nesting_directive(Subject const& inner) : base_type(inner) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& ctx, RContext& rctx,
               Attribute& attr) const {
        parse_state& state = x3::get<state_tag>(ctx);
        if (state.depth >= max_depth) {
            Iterator at = first;
            x3::skip_over(at, last, ctx);
            std::uint32_t const begin = offset(ctx, at);
            throw syntax_error{"E0113", begin, at == last ? begin : begin + 1,
                               "expression nested too deeply: split it into several rules"};
        }
        ++state.depth;
        struct leave {
            parse_state& state;
            ~leave() { --state.depth; }
        } const guard{state};
        return this->subject.parse(first, last, ctx, rctx, attr);
    }
};

template <typename Parser> constexpr auto nested(Parser const& p) {
    return nesting_directive<typename x3::extension::as_parser<Parser>::value_type>{
        x3::as_parser(p)};
}

} // namespace
} // namespace billijk::syntax::detail

namespace boost::spirit::x3::detail {
template <typename Subject, typename Context, typename RContext>
struct parse_into_container_impl<billijk::syntax::detail::expect_directive<Subject>, Context,
                                 RContext> {
    template <typename Iterator, typename Attribute>
    static bool call(billijk::syntax::detail::expect_directive<Subject> const& parser,
                     Iterator& first, Iterator const& last, Context const& ctx, RContext& rctx,
                     Attribute& attr) {
        if (!parse_into_container(parser.subject, first, last, ctx, rctx, attr)) {
            throw expectation_failure<Iterator>(first, parser.what_);
        }
        return true;
    }
};
} // namespace boost::spirit::x3::detail

namespace billijk::syntax::detail {

// ---------------------------------------------------------------------------------------------
// Words

namespace {

// The keywords of docs/rule-language.md. The provision items (kind category product unit_code
// frequency quantity rate budget) are keywords only where a provision item may stand: the
// language's own examples use `kind` as a table column and `request.rate` as an input, so they
// stay usable as names.
constexpr std::string_view reserved_keywords[] = {
    "package",   "layer",     "law",      "municipality", "valid",     "extends", "import",
    "enum",      "parameter", "rule",     "table",        "by",        "hit",     "row",
    "exception", "to",        "when",     "refusal",      "provision", "fact",    "override",
    "cites",     "label",     "label_en", "if",           "then",      "else",    "and",
    "or",        "not",       "true",     "false",        "in"};

constexpr std::string_view unit_words[] = {
    "eur",       "hour",  "hours",  "minute", "minutes", "day",    "days",    "week", "weeks",
    "fourweeks", "month", "months", "year",   "years",   "etmaal", "etmalen", "zone", "zones",
    "km",        "ride",  "rides",  "meal",   "meals",   "count",  "percent"};

bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool ident_start(char c) {
    return (c >= 'a' && c <= 'z') || c == '_';
}
bool digit(char c) {
    return c >= '0' && c <= '9';
}

/// The maximal run of word characters at `p`.
iterator word_end(iterator p, iterator last) {
    while (p != last && word_char(*p)) {
        ++p;
    }
    return p;
}

/// `[a-z_][a-z0-9_]*` as a whole word.
bool lower_word(std::string_view w) {
    if (w.empty() || !ident_start(w.front())) {
        return false;
    }
    return std::all_of(w.begin(), w.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || digit(c) || c == '_'; });
}

} // namespace

bool is_unit_word(std::string_view word) {
    return std::find(std::begin(unit_words), std::end(unit_words), word) != std::end(unit_words);
}

bool is_reserved(std::string_view word) {
    return is_unit_word(word) ||
           std::find(std::begin(reserved_keywords), std::end(reserved_keywords), word) !=
               std::end(reserved_keywords);
}

std::uint32_t skip_blank(std::string_view text, std::uint32_t pos) {
    while (pos < text.size()) {
        char c = text[pos];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            ++pos;
        } else if (c == '#') {
            while (pos < text.size() && text[pos] != '\n') {
                ++pos;
            }
        } else {
            break;
        }
    }
    return pos;
}

namespace {

// ---------------------------------------------------------------------------------------------
// Lexical primitives

struct skipper_parser : x3::parser<skipper_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename Context, typename RContext, typename Attribute>
    bool parse(iterator& first, iterator const& last, Context const&, RContext&, Attribute&) const {
        iterator const start = first;
        auto const pos =
            skip_blank(std::string_view(first, static_cast<std::size_t>(last - first)), 0);
        first += pos;
        return first != start;
    }
};
constexpr skipper_parser skipper{};

/// A keyword: the exact word, not followed by another word character.
struct keyword_parser : x3::parser<keyword_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    constexpr explicit keyword_parser(char const* word) : word_(word) {}

    template <typename Context, typename RContext, typename Attribute>
    bool parse(iterator& start, iterator const& last, Context const& ctx, RContext&,
               Attribute&) const {
        iterator first = start; // left unchanged on failure
        x3::skip_over(first, last, ctx);
        iterator const end = word_end(first, last);
        if (std::string_view(first, static_cast<std::size_t>(end - first)) != word_) {
            return false;
        }
        start = end;
        return true;
    }

    std::string_view word_;
};
constexpr keyword_parser kw(char const* word) {
    return keyword_parser(word);
}

/// An identifier `[a-z_][a-z0-9_]*` that is not a reserved word; with `dotted`, a qualified
/// name `a.b.c` (words after a dot may be keywords: `request.provision`).
struct name_parser : x3::parser<name_parser> {
    using attribute_type = ast::name;
    static bool const has_attribute = true;
    constexpr explicit name_parser(bool dotted, bool code = false) : dotted_(dotted), code_(code) {}

    template <typename Context, typename RContext, typename Attribute>
    bool parse(iterator& start, iterator const& last, Context const& ctx, RContext&,
               Attribute& attr) const {
        iterator first = start; // left unchanged on failure
        x3::skip_over(first, last, ctx);
        iterator end = word_end(first, last);
        std::string_view const word(first, static_cast<std::size_t>(end - first));
        if (code_) {
            if (word.empty()) {
                return false;
            }
        } else if (!lower_word(word) || is_reserved(word)) {
            return false;
        }
        while (dotted_ && end != last && *end == '.' && end + 1 != last && ident_start(end[1])) {
            iterator const next = word_end(end + 1, last);
            if (!lower_word(std::string_view(end + 1, static_cast<std::size_t>(next - end - 1)))) {
                break;
            }
            end = next;
        }
        ast::name value;
        value.text.assign(first, end);
        value.begin = offset(ctx, first);
        value.end = offset(ctx, end);
        x3::traits::move_to(value, attr);
        start = end;
        return true;
    }

    bool dotted_;
    bool code_;
};
constexpr name_parser ident_{false};
constexpr name_parser qname_{true};
constexpr name_parser code_{false, true};

/// `true` / `false`.
struct bool_parser : x3::parser<bool_parser> {
    using attribute_type = ast::bool_lit;
    static bool const has_attribute = true;

    template <typename Context, typename RContext, typename Attribute>
    bool parse(iterator& start, iterator const& last, Context const& ctx, RContext&,
               Attribute& attr) const {
        iterator first = start; // left unchanged on failure
        x3::skip_over(first, last, ctx);
        iterator const end = word_end(first, last);
        std::string_view const word(first, static_cast<std::size_t>(end - first));
        if (word != "true" && word != "false") {
            return false;
        }
        ast::bool_lit value;
        value.value = word == "true";
        value.begin = offset(ctx, first);
        value.end = offset(ctx, end);
        x3::traits::move_to(value, attr);
        start = end;
        return true;
    }
};
constexpr bool_parser bool_{};

/// A unit word (eur, hour, hours, ..., count, percent).
struct unit_word_parser : x3::parser<unit_word_parser> {
    using attribute_type = std::string;
    static bool const has_attribute = true;

    template <typename Context, typename RContext, typename Attribute>
    bool parse(iterator& start, iterator const& last, Context const& ctx, RContext&,
               Attribute& attr) const {
        iterator first = start; // left unchanged on failure
        x3::skip_over(first, last, ctx);
        iterator const end = word_end(first, last);
        std::string_view const word(first, static_cast<std::size_t>(end - first));
        if (!is_unit_word(word)) {
            return false;
        }
        x3::traits::move_to(std::string(word), attr);
        start = end;
        return true;
    }
};
constexpr unit_word_parser unit_word_{};

/// A decimal number `digits [. digits]`; a number glued to letters or a second '.' is E0103.
struct number_parser : x3::parser<number_parser> {
    using attribute_type = std::string;
    static bool const has_attribute = true;

    template <typename Context, typename RContext, typename Attribute>
    bool parse(iterator& start, iterator const& last, Context const& ctx, RContext&,
               Attribute& attr) const {
        iterator first = start; // left unchanged on failure
        x3::skip_over(first, last, ctx);
        iterator p = first;
        while (p != last && digit(*p)) {
            ++p;
        }
        if (p == first) {
            return false;
        }
        auto bad = [&](iterator end, std::string const& why) {
            throw syntax_error{"E0103", offset(ctx, first), offset(ctx, end),
                               "invalid number literal '" + std::string(first, end) + "'" + why};
        };
        if (p != last && *p == '.' && (p + 1 == last || p[1] != '.')) {
            ++p;
            iterator const fraction = p;
            while (p != last && digit(*p)) {
                ++p;
            }
            if (p == fraction) {
                bad(p, ": a decimal point must be followed by digits");
            }
            if (p != last && *p == '.' && (p + 1 == last || p[1] != '.')) {
                iterator q = p + 1;
                while (q != last && (digit(*q) || *q == '.')) {
                    ++q;
                }
                bad(q, ": a number has at most one decimal point");
            }
        }
        if (p != last && word_char(*p)) {
            iterator const end = word_end(p, last);
            bool const unit = is_unit_word(std::string_view(p, static_cast<std::size_t>(end - p)));
            bad(end, unit ? ": put a space between the number and its unit"
                          : ": a number must not be followed by letters");
        }
        x3::traits::move_to(std::string(first, p), attr);
        start = p;
        return true;
    }
};
constexpr number_parser number_text_{};

/// `YYYY-MM-DD`. In expressions (`strict = false`) only a digit group glued with '-' to two
/// more groups is taken for a (malformed) date; after `valid` anything starting with a digit is.
struct date_parser : x3::parser<date_parser> {
    using attribute_type = ast::date_lit;
    static bool const has_attribute = true;
    constexpr explicit date_parser(bool strict) : strict_(strict) {}

    template <typename Context, typename RContext, typename Attribute>
    bool parse(iterator& start, iterator const& last, Context const& ctx, RContext&,
               Attribute& attr) const {
        iterator first = start; // left unchanged on failure
        x3::skip_over(first, last, ctx);
        if (first == last || !digit(*first)) {
            return false;
        }
        iterator end = first;
        int groups = 1;
        while (end != last && (word_char(*end) ||
                               (*end == '-' && end + 1 != last && digit(end[1]) && end != first))) {
            if (*end == '-') {
                ++groups;
            }
            ++end;
        }
        std::string_view const text(first, static_cast<std::size_t>(end - first));
        bool const well_formed =
            text.size() == 10 && text[4] == '-' && text[7] == '-' &&
            std::all_of(text.begin(), text.end(), [](char c) { return digit(c) || c == '-'; });
        if (!well_formed) {
            if (!strict_ && groups < 3) {
                return false;
            }
            throw syntax_error{"E0108", offset(ctx, first), offset(ctx, end),
                               "invalid date '" + std::string(text) +
                                   "', expected a date written YYYY-MM-DD"};
        }
        ast::date_lit value;
        value.text = std::string(text);
        value.begin = offset(ctx, first);
        value.end = offset(ctx, end);
        x3::traits::move_to(value, attr);
        start = end;
        return true;
    }

    bool strict_;
};
constexpr date_parser date_{false};
constexpr date_parser strict_date_{true};

/// A double-quoted string on one line with the escapes \" and \\.
struct string_parser : x3::parser<string_parser> {
    using attribute_type = ast::string_lit;
    static bool const has_attribute = true;

    template <typename Context, typename RContext, typename Attribute>
    bool parse(iterator& start, iterator const& last, Context const& ctx, RContext&,
               Attribute& attr) const {
        iterator first = start; // left unchanged on failure
        x3::skip_over(first, last, ctx);
        if (first == last || *first != '"') {
            return false;
        }
        ast::string_lit value;
        iterator p = first + 1;
        for (;;) {
            if (p == last || *p == '\n' || *p == '\r') {
                throw syntax_error{"E0102", offset(ctx, first), offset(ctx, p),
                                   "unterminated string: missing closing '\"' before the end "
                                   "of the line"};
            }
            if (*p == '"') {
                ++p;
                break;
            }
            if (*p == '\\') {
                if (p + 1 != last && (p[1] == '"' || p[1] == '\\')) {
                    value.value += p[1];
                    p += 2;
                    continue;
                }
                iterator const end = (p + 1 != last && p[1] != '\n') ? p + 2 : p + 1;
                throw syntax_error{"E0109", offset(ctx, p), offset(ctx, end),
                                   "invalid escape '" + std::string(p, end) +
                                       "' in string: only \\\" and \\\\ are allowed"};
            }
            value.value += *p++;
        }
        value.begin = offset(ctx, first);
        value.end = offset(ctx, p);
        x3::traits::move_to(value, attr);
        start = p;
        return true;
    }
};
constexpr string_parser string_{};

/// The `-` cell of a table row: a '-' directly followed by ',' or '->'.
struct any_cell_parser : x3::parser<any_cell_parser> {
    using attribute_type = ast::any_cell;
    static bool const has_attribute = true;

    template <typename Context, typename RContext, typename Attribute>
    bool parse(iterator& start, iterator const& last, Context const& ctx, RContext&,
               Attribute& attr) const {
        iterator first = start; // left unchanged on failure
        x3::skip_over(first, last, ctx);
        if (first == last || *first != '-') {
            return false;
        }
        iterator const after = first + 1;
        iterator next = after;
        x3::skip_over(next, last, ctx);
        bool const ends_cell =
            next != last && (*next == ',' || (*next == '-' && next + 1 != last && next[1] == '>'));
        if (!ends_cell) {
            return false;
        }
        ast::any_cell value;
        value.begin = offset(ctx, first);
        value.end = offset(ctx, after);
        x3::traits::move_to(value, attr);
        start = after;
        return true;
    }
};
constexpr any_cell_parser any_cell_{};

/// The '%' after a number (unlike x3::lit, it does not skip blanks when it fails).
struct percent_parser : x3::parser<percent_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename Context, typename RContext, typename Attribute>
    bool parse(iterator& start, iterator const& last, Context const& ctx, RContext&,
               Attribute&) const {
        iterator first = start;
        x3::skip_over(first, last, ctx);
        if (first == last || *first != '%') {
            return false;
        }
        start = first + 1;
        return true;
    }
};
constexpr percent_parser percent_sign_{};

// ---------------------------------------------------------------------------------------------
// Semantic actions

/// Store the attribute into a member of the rule's value that may be given only once.
template <typename Struct, typename Member>
auto set_once(std::optional<Member> Struct::*member, char const* keyword) {
    return [member, keyword](auto& ctx) {
        auto& target = x3::_val(ctx).*member;
        auto& value = x3::_attr(ctx);
        if (target) {
            auto const [begin, end] = span_of(value);
            throw syntax_error{"E0110", begin, end,
                               std::string("duplicate '") + keyword + "' in {decl}"};
        }
        target = std::move(value);
    };
}

auto set_type(int kind) {
    return [kind](auto& ctx) { x3::_val(ctx).kind = kind; };
}
auto const set_type_unit = [](auto& ctx) {
    auto& type = x3::_val(ctx);
    auto& unit = x3::_attr(ctx);
    type.kind = 5; // TypeExpr::Kind::unit
    if (unit.rest.empty() && unit.first == "count") {
        type.kind = 3;
    } else if (unit.rest.empty() && unit.first == "percent") {
        type.kind = 4;
    }
    type.unit = std::move(unit);
};
auto const set_type_named = [](auto& ctx) {
    x3::_val(ctx).kind = 6; // TypeExpr::Kind::named
    x3::_val(ctx).named = std::move(x3::_attr(ctx));
};

auto set_header(int kind) {
    return [kind](auto& ctx) {
        x3::_val(ctx).kind = kind;
        x3::_val(ctx).text = std::move(x3::_attr(ctx).text);
    };
}
auto const set_header_valid = [](auto& ctx) {
    x3::_val(ctx).kind = 4; // HeaderItem::Kind::valid
    x3::_val(ctx).valid = std::move(x3::_attr(ctx));
};

auto const set_number_text = [](auto& ctx) { x3::_val(ctx).text = std::move(x3::_attr(ctx)); };
auto const set_number_percent = [](auto& ctx) { x3::_val(ctx).percent = true; };
auto const set_number_unit = [](auto& ctx) { x3::_val(ctx).unit = std::move(x3::_attr(ctx)); };
auto const set_version_value = [](auto& ctx) { x3::_val(ctx).value = std::move(x3::_attr(ctx)); };

// ---------------------------------------------------------------------------------------------
// Rules

#define BILLIJK_RULE(id, attribute, what)                                                          \
    struct id##_class : annotate {};                                                               \
    x3::rule<id##_class, attribute> const id = what;

BILLIJK_RULE(expr_, ast::operand, "an expression")
BILLIJK_RULE(if_, ast::if_expr, "an if expression")
BILLIJK_RULE(or_, ast::expression, "an expression")
BILLIJK_RULE(or_op_, ast::operation, "'or'")
BILLIJK_RULE(and_op_, ast::operation, "'and'")
BILLIJK_RULE(add_op_, ast::operation, "'+' or '-'")
BILLIJK_RULE(mul_op_, ast::operation, "'*' or '/'")
BILLIJK_RULE(and_, ast::expression, "an expression")
BILLIJK_RULE(not_, ast::operand, "an expression")
BILLIJK_RULE(not_op_, ast::unary, "an expression")
BILLIJK_RULE(cmp_, ast::expression, "an expression")
BILLIJK_RULE(cmp_rest_, std::vector<ast::operation>, "a comparison")
BILLIJK_RULE(cmp_op_, ast::operation, "a comparison")
BILLIJK_RULE(add_, ast::expression, "an expression")
BILLIJK_RULE(mul_, ast::expression, "an expression")
BILLIJK_RULE(unary_, ast::operand, "an expression")
BILLIJK_RULE(negate_, ast::unary, "an expression")
BILLIJK_RULE(primary_, ast::operand, "an expression")
BILLIJK_RULE(paren_, ast::operand, "an expression")
BILLIJK_RULE(call_, ast::call, "a call")
BILLIJK_RULE(args_, std::vector<ast::operand>, "arguments")
BILLIJK_RULE(args_list_, std::vector<ast::operand>, "arguments")
BILLIJK_RULE(number_, ast::number_lit, "a number")
BILLIJK_RULE(number_body_, ast::number_lit, "a number")
BILLIJK_RULE(unit_, ast::unit_expr, "a unit")
BILLIJK_RULE(type_unit_, ast::unit_expr, "a unit")
BILLIJK_RULE(type_, ast::type_expr, "a type")
BILLIJK_RULE(type_body_, ast::type_expr, "a type")
BILLIJK_RULE(date_range_, ast::date_range, "a date range")
BILLIJK_RULE(meta_, ast::meta, "cites, label or label_en")
BILLIJK_RULE(members_, std::vector<ast::name>, "enumeration members")
BILLIJK_RULE(enum_, ast::enum_decl, "an enumeration")
BILLIJK_RULE(fact_, ast::fact_decl, "a fact")
BILLIJK_RULE(undated_, ast::version, "a value")
BILLIJK_RULE(undated_body_, ast::version, "a value")
BILLIJK_RULE(dated_, ast::version, "a dated value")
BILLIJK_RULE(versions_, std::vector<ast::version>, "a value")
BILLIJK_RULE(parameter_, ast::parameter_decl, "a parameter")
BILLIJK_RULE(rule_, ast::rule_decl, "a rule")
BILLIJK_RULE(exception_, ast::exception_decl, "an exception")
BILLIJK_RULE(column_, ast::column, "a column")
BILLIJK_RULE(columns_, std::vector<ast::column>, "columns")
BILLIJK_RULE(range_, ast::range_cell, "a range")
BILLIJK_RULE(range_closed_, ast::range_cell, "a range")
BILLIJK_RULE(range_open_, ast::range_cell, "a range")
BILLIJK_RULE(cell_, ast::cell, "a cell")
BILLIJK_RULE(cells_, std::vector<ast::cell>, "cells")
BILLIJK_RULE(row_, ast::row, "a row")
BILLIJK_RULE(rows_, std::vector<ast::row>, "rows")
BILLIJK_RULE(table_, ast::table_decl, "a table")
BILLIJK_RULE(refusal_, ast::refusal_decl, "a refusal")
BILLIJK_RULE(provision_items_, ast::provision_items, "provision items")
BILLIJK_RULE(provision_, ast::provision_decl, "a provision")
BILLIJK_RULE(declaration_, ast::declaration, "a declaration")
BILLIJK_RULE(header_item_, ast::header_item, "a header item")
BILLIJK_RULE(header_item_body_, ast::header_item, "a header item")
BILLIJK_RULE(header_, ast::header, "a package header")
BILLIJK_RULE(import_, ast::string_lit, "an import")

#undef BILLIJK_RULE

// Expressions ---------------------------------------------------------------------------------

struct cmp_ops_ : x3::symbols<ast::optoken> {
    cmp_ops_() {
        add("==", ast::optoken::eq)("!=", ast::optoken::ne)("<=", ast::optoken::le)(
            ">=", ast::optoken::ge)("<", ast::optoken::lt)(">", ast::optoken::gt);
    }
} const cmp_ops;

auto const expr__def = nested(if_ | or_);
auto const if__def = kw("if") >> E("a condition after 'if'", expr_) >>
                     E("'then' after the condition of 'if'", kw("then")) >>
                     E("an expression after 'then'", expr_) >>
                     E("'else' after the 'then' branch", kw("else")) >>
                     E("an expression after 'else'", expr_);
auto const or__def = and_ >> *or_op_;
auto const or_op__def = kw("or") >> x3::attr(ast::optoken::logical_or) >>
                        E("an expression after 'or'", and_);
auto const and__def = not_ >> *and_op_;
auto const and_op__def = kw("and") >> x3::attr(ast::optoken::logical_and) >>
                         E("an expression after 'and'", not_);
auto const not__def = nested(not_op_ | cmp_);
auto const not_op__def = kw("not") >> x3::attr('!') >> E("an expression after 'not'", not_);
auto const cmp__def = add_ >> cmp_rest_;
auto const cmp_rest__def = x3::repeat(0, 1)[cmp_op_];
auto const cmp_op__def = cmp_ops >> E("an expression after {prev}", add_);
auto const add__def = mul_ >> *add_op_;
auto const add_op__def = ((x3::lit('+') >> x3::attr(ast::optoken::add)) |
                          (x3::lit('-') >> !x3::lit('>') >> x3::attr(ast::optoken::sub))) >>
                         E("an expression after {prev}", mul_);
auto const mul__def = unary_ >> *mul_op_;
auto const mul_op__def = ((x3::lit('*') >> x3::attr(ast::optoken::mul)) |
                          (x3::lit('/') >> x3::attr(ast::optoken::div))) >>
                         E("an expression after {prev}", unary_);
auto const unary__def = nested(negate_ | primary_);
auto const negate__def = x3::lit('-') >> x3::attr('-') >> E("an expression after '-'", unary_);
auto const primary__def = date_ | number_ | string_ | bool_ | call_ | qname_ | paren_;
auto const paren__def = x3::lit('(') >> E("an expression after '('", expr_) >>
                        E("')' to close the parenthesis", x3::lit(')'));
auto const call__def = ident_ >> x3::lit('(') >> args_ >>
                       E("',' and another argument, or ')' to close the call", x3::lit(')'));
auto const args__def = -args_list_;
auto const args_list__def = expr_ >> *(x3::lit(',') >> E("an argument after ','", expr_));
auto const number__def = number_body_;
// Semantic actions: X3 then hands on_success no attribute, so the span is set by number_.
auto const number_body__def = number_text_[set_number_text] >>
                              -(percent_sign_[set_number_percent] | unit_[set_number_unit]);
auto const unit__def = unit_word_ >> *(x3::char_("*/") >> unit_word_);

// Types and dates -----------------------------------------------------------------------------

auto const type_unit__def = unit_word_ >>
                            *(x3::char_("*/") >>
                              E("a unit word (eur, hour, week, ...) after {prev}", unit_word_));
auto const type__def = type_body_;
// Semantic actions: X3 then hands on_success no attribute, so the span is set by type_.
auto const type_body__def = kw("bool")[set_type(0)] | kw("date")[set_type(1)] |
                            kw("text")[set_type(2)] | type_unit_[set_type_unit] |
                            ident_[set_type_named];
auto const date_range__def = strict_date_ >>
                             E("'..' after the first date of the range", x3::lit("..")) >>
                             -strict_date_;

// Declarations --------------------------------------------------------------------------------

auto const meta__def =
    *((kw("cites") >> E("a string after 'cites'", string_))[set_once(&ast::meta::cites, "cites")] |
      (kw("label") >> E("a string after 'label'", string_))[set_once(&ast::meta::label, "label")] |
      (kw("label_en") >>
       E("a string after 'label_en'", string_))[set_once(&ast::meta::label_en, "label_en")]);

auto const colon_type = E("':' and a type after {decl}", x3::lit(':')) >>
                        E("a type (bool, date, text, count, percent, a unit or an enumeration) "
                          "after ':'",
                          type_);

auto const members__def = ident_ >> *(x3::lit('|') >> E("a member name after '|'", ident_));
auto const enum__def = kw("enum") >> E("a name for the enumeration after 'enum'", ident_) >>
                       E("'=' and the members of {decl}", x3::lit('=')) >>
                       E("a member name after '='", members_) >> meta_;

auto const fact__def = kw("fact") >> E("a name for the fact after 'fact'", ident_) >> colon_type
                       >> meta_;

auto const undated__def = undated_body_;
// Semantic actions: X3 then hands on_success no attribute, so the span is set by undated_.
auto const undated_body__def = x3::lit('=') >>
                               E("an expression after '='", expr_)[set_version_value];
auto const dated__def = kw("valid") >>
                        E("a date range such as 2015-01-01 .. 2017-12-31 after 'valid'",
                          date_range_) >>
                        E("'=' and the value for the date range", x3::lit('=')) >>
                        E("an expression after '='", expr_);
auto const versions__def = x3::repeat(1)[undated_] | +dated_;
auto const parameter__def = x3::matches[kw("override")] >> kw("parameter") >>
                            E("a name for the parameter after 'parameter'", ident_) >> colon_type
                            >> meta_ >>
                            E("'=' and a value, or 'valid' and a date range, for {decl}",
                              versions_);

auto const rule__def = x3::matches[kw("override")] >> kw("rule") >>
                       E("a name for the rule after 'rule'", ident_) >> colon_type >> meta_ >>
                       E("'=' and the value of {decl}", x3::lit('=')) >>
                       E("an expression after '='", expr_);

auto const exception__def =
    kw("exception") >> E("a name for the exception after 'exception'", ident_) >>
    E("'to' and the name of the rule that {decl} deviates from", kw("to")) >>
    E("the name of a rule after 'to'", ident_) >>
    -(kw("over") >> E("the name of an exception after 'over'", ident_)) >> meta_ >>
    E("'when' and the condition of {decl}", kw("when")) >> E("an expression after 'when'", expr_) >>
    E("'=' and the value of {decl}", x3::lit('=')) >> E("an expression after '='", expr_);

auto const column__def = ident_ >> E("':' and a type after the column name", x3::lit(':')) >>
                         E("a type after ':'", type_);
auto const columns__def = column_ >>
                          *(x3::lit(',') >> E("a column (name: type) after ','", column_));
auto const range__def = range_closed_ | range_open_;
auto const range_closed__def = x3::char_('[') >> -expr_ >>
                               E("',' between the bounds of the range", x3::lit(',')) >> -expr_ >>
                               E("')' or ']' to close the range", x3::char_(")]"));
auto const range_open__def = x3::char_('(') >> -expr_ >> x3::lit(',') >> -expr_ >>
                             E("')' or ']' to close the range", x3::char_(")]"));
auto const cell__def = any_cell_ | range_ | expr_;
auto const cells__def = cell_ >> *(x3::lit(',') >> E("a cell after ','", cell_));
auto const row__def = kw("row") >> E("a cell after 'row'", cells_) >>
                      E("',' and another cell, or '->' and the row's value", x3::lit("->")) >>
                      E("an expression after '->'", expr_);
auto const rows__def = +row_;
auto const table__def =
    kw("table") >> E("a name for the table after 'table'", ident_) >> colon_type >>
    E("'by' and the columns of {decl}", kw("by")) >>
    E("a column (name: type) after 'by'", columns_) >>
    E("',' and another column, or 'hit' and a hit policy (unique, first or sum)", kw("hit")) >>
    E("a hit policy (unique, first or sum) after 'hit'", ident_) >> meta_ >>
    -(kw("valid") >> E("a date range such as 2015-01-01 .. after 'valid'", date_range_)) >>
    E("'row' and the first row of {decl}", rows_);

auto const refusal__def = kw("refusal") >>
                          E("a name for the refusal after 'refusal'", ident_) >> meta_ >>
                          E("'when' and the condition of {decl}", kw("when")) >>
                          E("an expression after 'when'", expr_);

using items = ast::provision_items;
auto const provision_items__def =
    *((kw("kind") >> E("a care kind name after 'kind'", ident_))[set_once(&items::kind, "kind")] |
      (kw("category") >>
       E("a string after 'category'", string_))[set_once(&items::category, "category")] |
      (kw("product") >>
       E("a string after 'product'", string_))[set_once(&items::product, "product")] |
      (kw("unit_code") >>
       E("a string after 'unit_code'", string_))[set_once(&items::unit_code, "unit_code")] |
      (kw("frequency") >>
       E("a string after 'frequency'", string_))[set_once(&items::frequency, "frequency")] |
      (kw("quantity") >> E("'=' after 'quantity'", x3::lit('=')) >>
       E("an expression after '='", expr_))[set_once(&items::quantity, "quantity")] |
      (kw("rate") >> E("'=' after 'rate'", x3::lit('=')) >>
       E("an expression after '='", expr_))[set_once(&items::rate, "rate")] |
      (kw("budget") >> E("'=' after 'budget'", x3::lit('=')) >>
       E("an expression after '='", expr_))[set_once(&items::budget, "budget")]);
auto const provision__def = kw("provision") >>
                            E("a name for the provision after 'provision'", ident_) >> meta_
                            >> provision_items_;

auto const declaration__def =
    enum_ | fact_ | parameter_ | rule_ | exception_ | table_ | refusal_ | provision_;

// Header --------------------------------------------------------------------------------------

auto const header_item__def = header_item_body_;
// Semantic actions: X3 then hands on_success no attribute, so the span is set by header_item_.
auto const header_item_body__def =
    (kw("layer") >>
     E("a layer (national, regional or municipal) after 'layer'", ident_))[set_header(0)] |
    (kw("law") >> E("a law (wmo or jeugdwet) after 'law'", ident_))[set_header(1)] |
    (kw("municipality") >>
     E("a municipality code such as GM0489 after 'municipality'", code_))[set_header(2)] |
    (kw("extends") >> E("a package name after 'extends'", qname_))[set_header(3)] |
    (kw("valid") >> E("a date range such as 2015-01-01 .. 2017-12-31 after 'valid'",
                      date_range_))[set_header_valid];
auto const header__def = kw("package") >> E("a package name after 'package'", qname_) >>
                         E("the package title (a string) after the package name", string_) >>
                         *header_item_;
auto const import__def = kw("import") >>
                         E("the path of the imported file (a string) after 'import'", string_);

BOOST_SPIRIT_DEFINE(type_body_, number_body_, undated_body_, header_item_body_, expr_, if_, or_,
                    or_op_, and_op_, add_op_, mul_op_, and_, not_, not_op_, cmp_, cmp_rest_,
                    cmp_op_, add_, mul_, unary_, negate_, primary_, paren_, call_, args_,
                    args_list_, number_, unit_, type_unit_, type_, date_range_, meta_, members_,
                    enum_, fact_, undated_, dated_, versions_, parameter_, rule_, exception_,
                    column_, columns_, range_, range_closed_, range_open_, cell_, cells_, row_,
                    rows_, table_, refusal_, provision_items_, provision_, declaration_,
                    header_item_, header_, import_)

// ---------------------------------------------------------------------------------------------
// Entry points

template <typename Parser, typename Attribute>
step run(Parser const& parser, std::string_view text, std::uint32_t& pos, Attribute& out,
         step_error& err) {
    parse_state state{text.data()};
    iterator first = text.data() + pos;
    iterator const last = text.data() + text.size();
    try {
        if (!x3::phrase_parse(first, last, x3::with<state_tag>(state)[parser], skipper, out)) {
            return step::no_match;
        }
        pos = static_cast<std::uint32_t>(first - text.data());
        return step::ok;
    } catch (x3::expectation_failure<iterator> const& failure) {
        err = step_error{};
        err.expectation = true;
        err.what = failure.which();
        err.begin = err.end = static_cast<std::uint32_t>(failure.where() - text.data());
    } catch (syntax_error const& error) {
        err = step_error{};
        err.expectation = false;
        err.id = error.id;
        err.message = error.message;
        err.begin = error.begin;
        err.end = error.end;
    }
    return step::error;
}

} // namespace

step parse_header(std::string_view text, std::uint32_t& pos, ast::header& out, step_error& err) {
    return run(header_, text, pos, out, err);
}
step parse_import(std::string_view text, std::uint32_t& pos, ast::string_lit& out,
                  step_error& err) {
    return run(import_, text, pos, out, err);
}
step parse_declaration(std::string_view text, std::uint32_t& pos, ast::declaration& out,
                       step_error& err) {
    return run(declaration_, text, pos, out, err);
}
step parse_expression(std::string_view text, std::uint32_t& pos, ast::operand& out,
                      step_error& err) {
    return run(expr_, text, pos, out, err);
}

} // namespace billijk::syntax::detail
