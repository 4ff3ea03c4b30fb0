// Internal to sema/: the expression checker, split over exprs.cpp (literals, names, operators)
// and calls.cpp (built-in functions and table calls). Use `check_expr` (checker.hpp) from
// outside.
#pragma once

#include "sema/checker.hpp"

namespace billijk::sema {

class ExprChecker {
  public:
    ExprChecker(Checker& c, PackageId package) : c_(c), package_(package) {}
    Expr check(syntax::Expr const& e, Type const* hint);

  private:
    Package const& pkg() const { return c_.program.packages[package_]; }
    Expr start(syntax::Expr const& e) const;

    Expr number(syntax::Expr const& e, syntax::NumberLit const& lit);
    Expr name(syntax::Expr const& e, syntax::NameRef const& ref, Type const* hint);
    Expr member(syntax::Expr const& e, std::string const& name, Type const* hint);
    Expr unary(syntax::Expr const& e, syntax::Unary const& u);
    Expr binary(syntax::Expr const& e, syntax::Binary const& b);
    Expr if_then(syntax::Expr const& e, syntax::IfExpr const& x, Type const* hint);

    // calls.cpp
    Expr call(syntax::Expr const& e, syntax::Call const& call);
    Expr builtin(syntax::Expr const& e, syntax::Call const& call, Builtin fn);
    Expr round(Expr out, syntax::Call const& call);
    Expr table(syntax::Expr const& e, syntax::Call const& call, std::uint32_t index);
    bool arity(syntax::Call const& call, std::size_t want, Span at);
    // plugin_calls.cpp
    std::optional<Expr> plugin_call(syntax::Expr const& e, syntax::Call const& call);

    /// A bare identifier that names no value but an enumeration member.
    bool is_bare_member(syntax::Expr const& e) const;
    void mismatch(std::string const& message, Expr const& lhs, Expr const& rhs,
                  std::string id = "E0301");

    Checker& c_;
    PackageId package_;
};

} // namespace billijk::sema
