// Indication → JSON (schema billijk.indication/1, docs/indication-format.md).
//
// Keys are sorted (nlohmann::json's std::map), amounts are decimal strings with their unit
// ({"amount": "16.00", "unit": "eur/hour"}), dates are ISO, and the output is pretty-printed with
// two-space indentation and a final newline. The same Indication always gives the same bytes.
//
//   std::string json = billijk::io::write_indication_json(indication);
#pragma once

#include "billijk/indication.hpp"

#include <string>
#include <string_view>

namespace billijk::io {

/// "granted", "refused" or "undetermined".
std::string_view status_name(Status status);

/// The indication as billijk.indication/1 JSON text, ending in a newline; without
/// `explanations` the provisions have no "explanation" member (what `batch --store --no-explain`
/// stores).
std::string write_indication_json(Indication const& indication, bool explanations = true);

/// The same JSON on one line (no whitespace, no final newline), as `billijk batch` writes it;
/// without `explanations` the provisions have no "explanation" member (`batch --no-explain`).
std::string write_indication_json_line(Indication const& indication, bool explanations = true);
/// `before` followed by write_indication_json_line(indication, explanations), written in place
/// (a batch result line wraps the JSON without copying it).
std::string append_indication_json_line(std::string before, Indication const& indication,
                                        bool explanations);

/// Whether indication JSON is in the one-line form (write_indication_json_line): it holds no
/// line break, where the indented form always does.
bool indication_json_is_one_line(std::string_view json);

/// Whether indication JSON (either form) carries explanations: true when a provision has an
/// "explanation" member, and for an indication without provisions (both forms are the same
/// bytes then). False for text that is not an indication object.
bool indication_json_has_explanations(std::string_view json);

} // namespace billijk::io
