// One request over one period: find its provision, read its facts, evaluate every refusal of the
// package and the layers below it, then (when none holds) the quantity, and for a PGB the rate
// and budget, with every versioned value taken on the period's first day.
// Status: refused when a refusal holds; else undetermined when a refusal or a reported amount is
// undetermined (the amounts that could be computed are still reported); else granted.
// split.cpp calls this once per part of a period that crosses a version change.
#include "eval/evaluator.hpp"
#include "eval/request.hpp"
#include "eval/split.hpp"

namespace billijk::eval {

namespace {

/// The name and span to blame for an amount: the rule or parameter it names, else the expression.
std::pair<std::string, Span> blame(sema::Program const& program, sema::PackageId root,
                                   sema::Expr const& e, std::string const& fallback) {
    if (e.kind != sema::Expr::Kind::name)
        return {fallback, e.span};
    auto ref = program.packages[root].lookup(e.name);
    if (ref && ref->kind == sema::DeclKind::rule)
        return {e.name, program.rules[ref->index].value.span};
    if (ref && ref->kind == sema::DeclKind::parameter)
        return {e.name, program.parameters[ref->index].span};
    return {e.name, e.span};
}

} // namespace

std::string_view status_text(Status s) {
    switch (s) {
    case Status::granted:
        return "granted";
    case Status::refused:
        return "refused";
    case Status::undetermined:
        return "undetermined";
    }
    return "?";
}

Result<PartResult> evaluate_part(sema::Program const& program, sema::PackageId root_id,
                                 Case const& the_case, std::size_t index, bool explain) {
    Date const reference = the_case.period.start;
    auto const& request = the_case.requests[index];
    auto const& root = program.packages[root_id];
    auto ref = root.lookup(request.provision);
    if (!ref || ref->kind != sema::DeclKind::provision) {
        Diagnostics diags;
        auto& d =
            diags.error("E0802", std::nullopt,
                        "requests[" + std::to_string(index) + "].provision: unknown provision '" +
                            request.provision + "' in package " + root.name);
        std::string known;
        for (auto const& [name, r] : root.view)
            if (r.kind == sema::DeclKind::provision)
                known += (known.empty() ? "" : ", ") + name;
        d.notes.push_back({std::nullopt, "known provisions: " + (known.empty() ? "none" : known)});
        return diags;
    }
    auto const& provision = program.provisions[ref->index];
    BILLIJK_TRY(facts, convert_facts(program, root_id, request, index));

    Evaluator ev(Environment{program, root_id, the_case, request, &provision, reference,
                             std::move(facts), explain});
    PartResult part; // built in place: a ProvisionResult is large, and moving it is not free
    ProvisionResult& out = part.result;
    out.provision = provision.name;
    out.form = request.form;
    out.period = the_case.period;
    out.category = provision.category;
    out.product = provision.product;
    out.unit_code = provision.unit_code;
    out.frequency = provision.frequency;
    if (explain)
        describe_declaration(out.explanation, program, "provision", provision.name,
                             provision.package, provision.meta);

    // Refusals of the lower layers first, each package in declaration order.
    bool refused = false;
    std::vector<std::string> open;
    for (auto at = root.lineage.rbegin(); at != root.lineage.rend(); ++at) {
        auto const pid = *at;
        for (auto const& r : program.refusals) {
            if (r.package != pid)
                continue;
            Traced t = ev.trace(r.condition, r.name);
            if (explain) {
                auto node = declaration_node(program, "refusal", r.name, r.package, r.meta);
                node->value = t.value.to_string();
                node->expression = Text::borrow(r.condition.text);
                node->formula = std::move(t.formula);
                node->inputs = std::move(t.inputs);
                out.explanation.inputs.push_back(std::move(node));
            }
            if (!t.value.determined()) {
                add_reasons(open, t.value.reasons);
            } else if (t.value.scalar->boolean) {
                refused = true;
                out.reasons.push_back({r.name, r.meta.cites, r.meta.label, r.meta.english()});
            }
        }
    }

    Diagnostics errors;
    if (refused) {
        out.status = Status::refused;
    } else if (!open.empty()) {
        out.status = Status::undetermined;
        out.undetermined = open;
    } else {
        out.status = Status::granted;
        bool pgb = request.form == "pgb";
        auto output = [&](std::optional<sema::Expr> const& e, char const* what,
                          std::optional<Quantity>& into) {
            if (!e)
                return;
            Traced t = ev.trace(*e, what);
            if (explain) {
                ExplanationRef node;
                if (e->kind == sema::Expr::Kind::name && t.inputs.size() == 1) {
                    node = t.inputs.refs().front();
                } else {
                    auto expression = std::make_shared<Explanation>();
                    expression->kind = Text::borrow("expression");
                    expression->name = Text::borrow(std::string_view(what)); // a literal
                    expression->value = t.value.to_string();
                    expression->expression = Text::borrow(e->text);
                    expression->formula = std::move(t.formula);
                    expression->inputs = std::move(t.inputs);
                    node = std::move(expression);
                }
                out.field_sources[what] = node;
                out.explanation.inputs.push_back(std::move(node));
            }
            if (!t.value.determined()) {
                add_reasons(out.undetermined, t.value.reasons);
                return;
            }
            auto const& s = *t.value.scalar;
            if (!s.number.is_finite_decimal()) {
                auto [name, span] =
                    blame(program, root_id, *e, std::string(what) + " of " + provision.name);
                errors
                    .error("E0805", span,
                           "value of " + name + " is " + s.number.to_string() +
                               ": round it in the rule")
                    .notes.push_back({std::nullopt, "reported amounts must have a finite "
                                                    "decimal expansion; use round(x, step, mode)"});
                return;
            }
            into = Quantity{s.number, s.type.unit};
        };
        output(provision.quantity, "quantity", out.quantity);
        if (pgb) {
            output(provision.rate, "rate", out.rate);
            output(provision.budget, "budget", out.budget);
        }
        // A grant whose amounts cannot all be computed is not a decision yet.
        if (!out.undetermined.empty())
            out.status = Status::undetermined;
    }
    if (errors.has_errors())
        return errors;
    if (explain)
        out.explanation.value = std::string(status_text(out.status));
    part.change_dates = ev.change_dates();
    return part;
}

} // namespace billijk::eval
