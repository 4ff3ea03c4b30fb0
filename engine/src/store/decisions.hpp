// Committee decisions that deviate from the engine: the deviation register (docs/store.md).
//
// `billijk decide 17 --override budget=7000.00 --reason "…"` records that the committee decided
// a field of indication 17 differently. Each override names a field of one provision
// (`status`, `quantity`, `rate`, `budget`; with several provisions `begeleiding_individueel.
// budget` or `1.budget`) and is stored with the engine's value and the rules behind the field
// as the stored indication's explanation gives them: the node that computed it (direct) and
// every rule, parameter, table and exception in its derivation. `billijk signals` counts them.
//
//   auto overrides = store::parse_override("budget=7000.00");          // S0109 on bad syntax
//   auto id = store::record_decision(db, 17, {overrides.value()}, "reason", "2024-05-01", now);
//   auto decided = store::decisions_on(db, 17);                      // for `billijk show 17`
#pragma once

#include "store/database.hpp"
#include "store/record_reader.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace billijk::store {

struct OverrideSpec {
    std::string provision; ///< provision name or index as written; empty: the only provision
    std::string field;     ///< status, quantity, rate, budget
    std::string value;     ///< "granted", "7000.00", "7000.00 eur/year"
};

/// Parses "FIELD=VALUE" / "PROVISION.FIELD=VALUE". S0109 on a malformed override.
Result<OverrideSpec> parse_override(std::string_view text);

struct RuleBehind {
    std::string package, rule, kind, cites;
    bool direct = false;
};

/// An override resolved against a stored indication.
struct ResolvedOverride {
    std::size_t provision = 0; ///< index in the indication's provisions
    std::string provision_name;
    std::string field;
    std::string engine_value; ///< "6656.00 eur/year", "granted", "none"
    std::string decided;      ///< normalised: "7000.00 eur/year"
    std::vector<RuleBehind> rules;
};

/// Resolves an override against the indication's JSON output: the provision and field exist,
/// the value is of the field's kind (status name; decimal with the field's unit) and differs
/// from the engine's. S0109 naming the override otherwise.
Result<ResolvedOverride> resolve_override(nlohmann::json const& indication,
                                          OverrideSpec const& spec);

/// Records one decision (one transaction, audit entry included) and returns its id. The reason
/// must not be empty nor contain something that looks like a BSN (S0109). S0107 when there is
/// no such indication.
Result<std::int64_t> record_decision(Database& db, std::int64_t indication,
                                     std::vector<OverrideSpec> const& overrides,
                                     std::string const& reason, std::string const& decided_on,
                                     std::string const& recorded_at);

/// One field of a recorded decision, as `decide` stored it.
struct RecordedOverride {
    std::size_t provision = 0; ///< index in the indication's provisions
    std::string field;         ///< status, quantity, rate, budget
    std::string engine_value;  ///< "6656.00 eur/year", "granted", "none"
    std::string decided;       ///< "7000.00 eur/year"
};

/// A committee decision on an indication, read back.
struct RecordedDecision {
    std::int64_t id = 0;
    std::string decided_on; ///< "2024-05-01"
    std::string reason;
    std::vector<RecordedOverride> overrides; ///< in the order they were recorded
};

/// The decisions recorded on indication `indication`, oldest first (none: an empty list). S0103
/// when the store cannot be read.
Result<std::vector<RecordedDecision>> decisions_on(Database& db, std::int64_t indication);

/// The audit content of decision `id`, recomputed from its rows (the reader keeps the
/// statements for the next one). Throws SQLite::Exception; absent when there is no such decision.
std::optional<nlohmann::json> decision_audit_content(RecordReader& reader, std::int64_t id);

} // namespace billijk::store
