// The hand check: case.json's extra.expect holds the values a person calculated from the
// regulation (extra.hand_check shows the calculation). They are checked against the engine's
// output independently of expected.json, so that accepting new expectations can never hide a
// wrong amount (tests/golden/README.md).
//
//   extra.expect = {"provisions": [{"provision": "begeleiding_individueel",
//                   "status": "granted", "quantity": "10.0 hours/week", "rate": ..., "budget": ...,
//                   "reasons": ["rule id", ...],
//                   "parts": [{"start", "end", "status", "quantity", "rate", "budget"}]}]}
//
// A field left out is not checked.
#pragma once

#include "billijk/result.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace billijk::golden {

/// The mismatches between the hand values of `case_json` and the indication `output` (JSON),
/// one message each ("begeleiding_individueel.budget is 8320.00 eur/year, hand says 8000.00
/// eur/year"). A malformed extra.expect is an error naming `case_file` and the field (G0004).
Result<std::vector<std::string>> check_hand_values(std::string const& case_file,
                                                   nlohmann::json const& case_json,
                                                   nlohmann::json const& output);

} // namespace billijk::golden
