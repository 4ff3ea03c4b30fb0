// Proposed decisions as JSON Lines (docs/review-format.md, docs/schema/decision.schema.json):
// one billijk.decision/1 object per line, the case embedded ("case") or named ("case_file",
// relative to the decisions file). Every malformed line is reported, with its line number and
// field; the valid lines are returned in file order.
#pragma once

#include "review/decision.hpp"

#include <string>
#include <string_view>

namespace billijk::review {

inline constexpr std::string_view decision_schema_id = "billijk.decision/1";

/// `path` is used to find case files named by "case_file".
DecisionFile read_decisions_jsonl(std::string_view text, std::string const& path);

} // namespace billijk::review
