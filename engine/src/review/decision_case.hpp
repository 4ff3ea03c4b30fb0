// Turns the case text of one proposed decision into a Case (io/case_json), reporting the case
// contract's errors as LineErrors of that line.
#pragma once

#include "review/decision.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace billijk::review {

/// `field` names where the case came from ("case", "case_file"); each error message keeps the
/// case's own JSON path and error id: `requests[0].rate: must be a decimal string … [E0907]`.
std::optional<Case> read_decision_case(std::string_view case_text, std::size_t line,
                                       std::string const& field, std::vector<LineError>& errors);

/// Fills decision.request from the proposal, or reports that the case has no such request.
bool bind_request(ProposedDecision& decision, std::vector<LineError>& errors);

} // namespace billijk::review
