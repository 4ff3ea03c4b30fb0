// Helpers for the parser tests: parse a text, look at spans and dump expressions compactly.
#pragma once

#include "diag/render.hpp"
#include "syntax/parse.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <utility>

namespace billijk::syntax::testing {

/// One text parsed as the file "test.rules".
struct parse_run {
    SourceSet sources;
    FileId id;
    Result<File> result;

    explicit parse_run(std::string text)
        : id(sources.add("test.rules", std::move(text))), result(parse(sources, id)) {}

    std::string text(Span span) const {
        return sources.file(span.file).text.substr(span.begin, span.end - span.begin);
    }
    LineCol at(Span span) const { return sources.line_col(span); }
    std::string rendered() const { return render_all(result.diagnostics(), sources); }
    Diagnostics const& diagnostics() const { return result.diagnostics(); }
};

/// Parse, require success (showing the diagnostics otherwise) and return the file.
inline File const& parsed_ok(parse_run const& run) {
    INFO(run.rendered());
    REQUIRE(run.result.ok());
    return run.result.value();
}

/// The one and only diagnostic of a failed parse.
inline Diagnostic const& single_error(parse_run const& run) {
    REQUIRE_FALSE(run.result.ok());
    INFO(run.rendered());
    REQUIRE(run.diagnostics().items().size() == 1);
    return run.diagnostics().items().front();
}

/// An expression as an s-expression: (+ a (* b c)), 45.00[eur/hour], 60%, (call min a b).
inline std::string sexpr(Expr const& e) {
    struct visitor {
        std::string operator()(NumberLit const& n) const {
            std::string out = n.text;
            if (n.percent) {
                out += '%';
            }
            if (n.unit) {
                out += '[';
                for (std::size_t i = 0; i < n.unit->terms.size(); ++i) {
                    if (i > 0) {
                        out += n.unit->terms[i].op;
                    }
                    out += n.unit->terms[i].word;
                }
                out += ']';
            }
            return out;
        }
        std::string operator()(DateLit const& d) const { return "date:" + d.text; }
        std::string operator()(StringLit const& s) const { return "\"" + s.value + "\""; }
        std::string operator()(BoolLit const& b) const { return b.value ? "true" : "false"; }
        std::string operator()(NameRef const& n) const { return n.name; }
        std::string operator()(Call const& c) const {
            std::string out = "(call " + c.callee.text;
            for (auto const& arg : c.args) {
                out += ' ' + sexpr(*arg);
            }
            return out + ')';
        }
        std::string operator()(Unary const& u) const {
            return std::string(u.op == Unary::Op::negate ? "(neg " : "(not ") + sexpr(*u.operand) +
                   ')';
        }
        std::string operator()(Binary const& b) const {
            static char const* const names[] = {
                "+", "-", "*", "/", "==", "!=", "<", "<=", ">", ">=", "and", "or"};
            return std::string("(") + names[static_cast<int>(b.op)] + ' ' + sexpr(*b.lhs) + ' ' +
                   sexpr(*b.rhs) + ')';
        }
        std::string operator()(IfExpr const& i) const {
            return "(if " + sexpr(*i.condition) + ' ' + sexpr(*i.then_branch) + ' ' +
                   sexpr(*i.else_branch) + ')';
        }
    };
    return std::visit(visitor{}, e.node);
}

/// Parse `text` as a lone expression and dump it; failures show the diagnostics.
inline std::string expr_sexpr(std::string text) {
    SourceSet sources;
    FileId const id = sources.add("expr.rules", std::move(text));
    auto result = parse_expression(sources, id);
    if (!result) {
        return "error: " + render_all(result.diagnostics(), sources);
    }
    return sexpr(*result.value());
}

} // namespace billijk::syntax::testing
