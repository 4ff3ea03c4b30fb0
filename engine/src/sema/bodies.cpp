// Bodies of parameters, rules, refusals and provisions: their expressions, checked against the
// declared types. Tables and exceptions have their own phases (tables.cpp, exceptions.cpp).
#include "sema/checker.hpp"

namespace billijk::sema {

namespace {

void check_parameter(Checker& c, std::size_t i) {
    auto& p = c.program.parameters[i];
    auto const& src = *c.parameter_src[i];
    for (auto const& version : src.versions) {
        ParameterVersion v;
        v.span = version.span;
        if (version.valid)
            v.valid = parse_range(c, *version.valid);
        v.value = check_expr(c, p.package, *version.value, &p.type);
        expect_type(c, p.type, v.value, "parameter '" + p.name + "'", src.type.span);
        p.versions.push_back(std::move(v));
    }
}

void check_rule(Checker& c, std::size_t i) {
    auto& r = c.program.rules[i];
    auto const& src = *c.rule_src[i];
    r.value = check_expr(c, r.package, *src.value, &r.type);
    expect_type(c, r.type, r.value, "rule '" + r.name + "'", src.type.span);
}

void check_condition(Checker& c, Expr const& e, std::string const& what) {
    if (!e.type.is_error() && e.type.kind != Type::Kind::boolean)
        c.error("E0304", e.span,
                "condition of " + what + " must be bool, found '" + e.type.to_string() + "'");
}

void check_provision(Checker& c, std::size_t i) {
    auto& p = c.program.provisions[i];
    auto const& src = *c.provision_src[i];
    auto const& pkg = c.program.packages[p.package];
    if (src.kind) {
        auto it = pkg.members.find(src.kind->text);
        if (it == pkg.members.end()) {
            auto& d =
                c.error("E0206", src.kind->span,
                        "unknown care kind '" + src.kind->text + "' in provision '" + p.name + "'");
            std::vector<std::string> names;
            for (auto const& [member, enums] : pkg.members)
                names.push_back(member);
            add_did_you_mean(d, src.kind->text, names);
        } else {
            p.kind = src.kind->text;
        }
    }
    auto output = [&](syntax::ExprPtr const& e, char const* what) -> std::optional<Expr> {
        if (!e)
            return std::nullopt;
        Expr out = check_expr(c, p.package, *e);
        if (!out.type.is_error() && !out.type.is_number())
            c.error("E0302", out.span,
                    std::string(what) + " of provision '" + p.name +
                        "' must be a number with a unit, found '" + out.type.to_string() + "'");
        return out;
    };
    p.quantity = output(src.quantity, "quantity");
    p.rate = output(src.rate, "rate");
    p.budget = output(src.budget, "budget");
}

} // namespace

void check_bodies(Checker& c) {
    auto& p = c.program;
    for (std::size_t i = 0; i < p.parameters.size(); ++i)
        check_parameter(c, i);
    for (std::size_t i = 0; i < p.rules.size(); ++i)
        check_rule(c, i);
    for (std::size_t i = 0; i < p.refusals.size(); ++i) {
        auto& r = p.refusals[i];
        r.condition = check_expr(c, r.package, *c.refusal_src[i]->condition);
        check_condition(c, r.condition, "refusal '" + r.name + "'");
    }
    for (std::size_t i = 0; i < p.provisions.size(); ++i)
        check_provision(c, i);
}

} // namespace billijk::sema
