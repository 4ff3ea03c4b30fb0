// Case JSON (schema billijk.case/1, docs/case-format.md) → billijk::Case.
//
// `read_case` validates the whole document and reports every problem it finds, not only the
// first, each as a Diagnostic with an id E09xx, no span, and a message that starts with the JSON
// path: `requests[0].need.unit: unknown unit "uur/week" (expected hours/week or minutes/week)`.
// Numbers never pass through binary floating point: money and quantities must be decimal strings
// ("16.00"), and a JSON number where one is expected is an error.
//
// `canonical_case_json` is the text the fingerprint hashes: the same document with keys sorted,
// no whitespace, and without the BSN.
//
//   auto parsed = billijk::io::read_case(text, "cases/bar-0042.json");
//   if (!parsed) return parsed.diagnostics();      // E0901..E0919, see docs/case-format.md
//   Case const& c = parsed.value();
//   std::string canonical = billijk::io::canonical_case_json(text);
#pragma once

#include "billijk/case.hpp"
#include "billijk/result.hpp"
#include "io/json_tree.hpp"

#include <string>
#include <string_view>

namespace billijk::io {

/// The schema id read_case accepts.
inline constexpr std::string_view case_schema_id = "billijk.case/1";

/// Parse and validate one case. On failure the diagnostics list every problem found (fields in
/// the order of docs/case-format.md). They carry no span and no file name: the caller prefixes
/// the file (`case.json: error[E0911]: requests[0].need.unit: …`). `source_name` is reserved
/// for messages that need it and is currently unused.
Result<Case> read_case(std::string_view json_text, std::string const& source_name);

/// The same on a text parse_json_tree has parsed already: `billijk batch` parses each case once
/// for reading, fingerprinting and pseudonymising (each parsed it again, ~4% of a stored case).
Result<Case> read_case(JsonParseResult const& parsed);

/// The case re-serialised for fingerprinting: object keys sorted (bytewise), no whitespace,
/// strings escaped as nlohmann::json does, numbers as written, and every member named "bsn"
/// left out (client.bsn, and any under "extra") — a BSN must never reach outputs or
/// fingerprints. Returns "" when the text is not JSON; call it on text read_case accepted.
std::string canonical_case_json(std::string_view json_text);

/// The same on the root of a parsed case.
std::string canonical_case_json(JsonNode const& root);

} // namespace billijk::io
