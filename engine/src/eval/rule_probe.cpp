// RuleProbe (eval/rule_probe.hpp): one evaluator over a synthetic case with one request.
#include "eval/rule_probe.hpp"

namespace billijk::eval {

namespace {

Case with_request(ProbeInputs& in) {
    Case c = std::move(in.the_case);
    c.requests.assign(1, std::move(in.request));
    return c;
}

/// Facts go to the environment (where the evaluator reads facts); parameters and rules are bound.
FactValues facts_of(sema::Program const& program, sema::PackageId package,
                    std::map<std::string, sema::Scalar> const& values) {
    FactValues out;
    for (auto const& [name, scalar] : values) {
        auto ref = program.packages[package].lookup(name);
        if (ref && ref->kind == sema::DeclKind::fact)
            out.emplace_back(ref->index, scalar);
    }
    return out;
}

} // namespace

RuleProbe::RuleProbe(sema::Program const& program, sema::PackageId package, Date reference,
                     ProbeInputs inputs)
    : case_(with_request(inputs)),
      evaluator_(Environment{program, package, case_, case_.requests.front(), nullptr, reference,
                             facts_of(program, package, inputs.values)}) {
    for (auto const& [name, scalar] : inputs.values) {
        auto ref = program.packages[package].lookup(name);
        if (!ref || ref->kind == sema::DeclKind::fact)
            continue;
        Evaluator::Named n;
        n.value = Value::of(scalar);
        Explanation node;
        node.kind = Text::borrow("input");
        node.name = name;
        node.value = n.value.to_string();
        node.note_nl = "waarde uit de gepubliceerde tabel";
        node.note_en = "value from the published table";
        n.explanation = std::make_shared<Explanation const>(std::move(node));
        evaluator_.bind(name, std::move(n));
    }
}

} // namespace billijk::eval
