// `billijk review`: indicate the case of every proposed decision, compare the proposal with the
// indication per field, and (with the equal-case audit) group equal cases. A decision whose case
// the engine cannot indicate (unknown municipality or fact, an evaluation error) becomes a
// LineError of its line; the others are reviewed.
//
//   auto file = read_decisions_jsonl(text, path);
//   auto report = review_decisions(rules, file.decisions, {tolerance, true, Language::nl},
//                                  file.errors);
#pragma once

#include "billijk/engine.hpp"
#include "review/decision.hpp"
#include "review/report.hpp"

namespace billijk::review {

struct ReviewOptions {
    Tolerance tolerance;
    bool equal_cases = false;
    io::Language lang = io::Language::nl;
};

Report review_decisions(RuleSet const& rules, std::vector<ProposedDecision> const& decisions,
                        ReviewOptions const& options, std::vector<LineError>& errors);

} // namespace billijk::review
