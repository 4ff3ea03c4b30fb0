// RuleProbe: evaluate one named rule of a package outside any case, with some of its inputs
// fixed by the caller. `billijk tables verify` uses it to recompute one row of a published tariff
// table: the row supplies the request fields (request.provider, …) and the values of named facts,
// parameters or rules (e.g. the in-kind price), and everything else comes from the package.
//
//   eval::ProbeInputs in;
//   in.request.provider = "informal";
//   in.values.emplace("in_kind_cost", scalar_45_eur_per_hour);
//   eval::RuleProbe probe(program, package_id, date, std::move(in));
//   auto const& n = probe.named("hourly_rate");      // value + explanation, as in an indication
//   auto t = probe.trace(some_subexpression, "x");   // any expression in the same bindings
//
// A bound fact, parameter or rule is never computed: its declaration is replaced by the given
// value for this probe only. An input the rule needs and nobody supplied makes the value
// undetermined, with the usual reason ("missing request.provider", "missing fact x").
#pragma once

#include "billijk/case.hpp"
#include "eval/evaluator.hpp"

#include <map>
#include <string>

namespace billijk::eval {

struct ProbeInputs {
    Case the_case;   ///< dates and household; requests are ignored
    Request request; ///< provision, form, provider, rate
    /// Facts, parameters and rules fixed by name; scalars of the declared type.
    std::map<std::string, sema::Scalar> values;
};

class RuleProbe {
  public:
    RuleProbe(sema::Program const& program, sema::PackageId package, Date reference,
              ProbeInputs inputs);
    RuleProbe(RuleProbe const&) = delete; // the evaluator refers into this object
    RuleProbe& operator=(RuleProbe const&) = delete;

    /// A fact, parameter or rule visible in the package, with its explanation.
    Evaluator::Named const& named(std::string const& name) { return evaluator_.named(name); }
    /// Any expression of the program, evaluated with the same bindings and memo.
    Traced trace(sema::Expr const& e, std::string const& owner) {
        return evaluator_.trace(e, owner);
    }

  private:
    Case case_;
    Evaluator evaluator_;
};

} // namespace billijk::eval
