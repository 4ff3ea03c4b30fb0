// The values of two indications (billijk.indication/1 JSON) side by side: per provision its
// status, form, quantity, rate, budget, period, codes, reasons, undetermined inputs and parts,
// plus the rule packages and plugins the indication names. Old → new, in output order.
//
//   auto changes = golden::diff_values(expected_json, actual_json);
//   // {"begeleiding_individueel.rate", "27.00 eur/hour", "25.00 eur/hour"}
#pragma once

#include "golden/verdict.hpp"

#include <nlohmann/json.hpp>

namespace billijk::golden {

std::vector<ValueChange> diff_values(nlohmann::json const& expected, nlohmann::json const& actual);

/// "10.0 hours/week" for {"amount": "10.0", "unit": "hours/week"}; "(none)" when absent.
std::string amount_text(nlohmann::json const* value);

/// The key of each provision of an indication: its name, with "#2", "#3" for a repeated name.
std::vector<std::string> provision_keys(nlohmann::json const& indication);

} // namespace billijk::golden
