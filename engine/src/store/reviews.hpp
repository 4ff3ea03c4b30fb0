// Committee reviews in the store: what `billijk review --store` records (docs/store.md).
//
// A review is stored as the JSON report it produced (the exact bytes), the hash and file name
// of the decisions file it read, the engine and the options. The decisions file itself is not
// stored: it holds cases with BSNs in clear. Writing is one transaction that ends with the
// review's audit entry, whose content `verify_audit` recomputes from the row, so that editing a
// stored report is found like editing an indication.
//
//   auto id = store::store_review(db, record, now);   // S0106 if the report holds a BSN
#pragma once

#include "store/database.hpp"
#include "store/record_reader.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace billijk::store {

struct ReviewRecord {
    std::string decisions_name;  ///< the decisions file's name, without its directory
    std::string decisions_bytes; ///< the file as read; only its hash is stored
    std::string engine;
    std::string options; ///< canonical JSON of the review options
    std::int64_t decisions = 0;
    std::int64_t findings = 0;
    std::string report; ///< the JSON report bytes
    /// The BSNs of the reviewed cases, only to check that nothing stored contains them.
    std::vector<std::string> clear_bsns;
};

/// Stores a review (one transaction, audit entry included) and returns its id. S0106 when the
/// report or the file name contains a BSN of the reviewed cases; S0103 when the write fails
/// (nothing is written then).
Result<std::int64_t> store_review(Database& db, ReviewRecord const& record,
                                  std::string const& recorded_at);

/// A review as the store keeps it, for showing it again (`billijk review --show N`).
struct StoredReview {
    std::int64_t id = 0;
    std::string decisions_name;
    std::string decisions_sha256;
    std::string engine;
    std::string options; ///< canonical JSON of the review options
    std::int64_t decisions = 0;
    std::int64_t findings = 0;
    std::string report; ///< the JSON report bytes, as they were written
    /// When it was stored ("2026-11-28T18:30:00Z"), from its audit entry; empty when the log
    /// has no entry for it (`audit verify` reports that).
    std::string recorded_at;
};

/// Loads review `id`. S0113 when there is none; S0114 when its report no longer has the hash
/// stored beside it (the row was edited: `audit verify` names the entry); S0103 when the read
/// fails. The audit log is not walked: that is `audit verify`'s job.
Result<StoredReview> load_review(Database& db, std::int64_t id);

/// The audit content of review `id`, recomputed from its row (the report by its bytes' hash;
/// the reader keeps the statement for the next one). Throws SQLite::Exception; absent when
/// there is no such review.
std::optional<nlohmann::json> review_audit_content(RecordReader& reader, std::int64_t id);

} // namespace billijk::store
