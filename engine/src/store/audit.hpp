// The append-only audit log: every indication, review and committee decision is one entry whose
// hash covers the previous entry's hash and the entry's own content, so that changing, removing
// or reordering an entry breaks the chain from that entry on (docs/store.md, "Audit log").
//
//   hash(n) = sha256 over "audit=billijk.audit/1", seq, kind, subject, recorded_at, content and
//             hash(n-1), each as "name=<byte length>:<value>\n"; hash(0) = 64 zeros.
//
// `verify_audit` walks the chain and also recomputes each entry's content from the rows it
// describes (an indication's output bytes, case, rule texts and plugin files; a decision's
// overrides; a review's report bytes), so that editing a record rather than its entry is found
// too. Recomputing is most of the work (a stored output is decompressed and hashed), so pieces of
// the log are checked on several threads and joined where they meet.
//
//   SQLite::Transaction tx(db.sql());
//   ... insert the record's rows ...
//   store::append_audit(db.sql(), {"review", "review 3", now, content_json});
//   tx.commit();
#pragma once

#include "store/database.hpp"

#include <SQLiteCpp/Statement.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace billijk::store {

/// The previous hash of the first entry.
inline constexpr std::string_view audit_genesis =
    "0000000000000000000000000000000000000000000000000000000000000000";

struct AuditEntryInput {
    std::string kind;        ///< "indication", "decision", "review"
    std::string subject;     ///< "indication 17": what the entry is about
    std::string recorded_at; ///< "2024-05-01T10:00:00Z", supplied by the caller (no clock here)
    std::string content;     ///< canonical JSON (sorted keys, no whitespace)
};

/// The hash of one entry (64 hex digits).
std::string audit_entry_hash(std::int64_t seq, AuditEntryInput const& entry,
                             std::string_view prev_hash);

/// Appends one entry inside the caller's transaction and returns its sequence number. Throws
/// SQLite::Exception on failure (the caller's transaction then rolls back). The transaction must
/// have been begun IMMEDIATE (SQLite::TransactionBehavior::IMMEDIATE): the previous entry is
/// read here, and only the write lock makes it the entry that this one follows when several
/// processes store at once.
std::int64_t append_audit(SQLite::Database& db, AuditEntryInput const& entry);

/// Appends many entries inside one IMMEDIATE transaction (a batch's commit group): the chain's
/// last entry is read once, when it is made, and the insert is prepared once. Per entry, reading
/// the head and preparing two statements was a sixth of the batch writer's time (perf). Use it
/// only while the transaction holds the write lock, and only for the entries of that transaction.
class AuditAppender {
  public:
    explicit AuditAppender(SQLite::Database& db);
    /// Appends `entry` after the previous one; returns its sequence number. Throws like
    /// append_audit.
    std::int64_t append(AuditEntryInput const& entry);

  private:
    SQLite::Statement insert_;
    std::int64_t last_seq_ = 0;
    std::string last_hash_;
};

struct AuditProblem {
    std::optional<std::int64_t> seq; ///< the first broken entry; absent: a record without entry
    std::string subject;             ///< "indication 17"
    std::string problem;             ///< "its hash does not match its content"
};

struct AuditReport {
    std::int64_t entries = 0; ///< entries checked
    std::string head;         ///< hash of the last entry (audit_genesis when empty)
    std::optional<AuditProblem> broken;
};

struct VerifyOptions {
    /// Threads that check entries at once, each with its own connection. The report is the same
    /// whatever the number: the first broken entry in the chain's order.
    unsigned threads = 1;
    /// Entries per piece of work; small values are for tests (pieces meet at every few entries).
    std::size_t chunk_entries = 4096;
};

/// Walks the chain from the first entry and reports the first broken one (audit_verify.cpp). The
/// log and the records are read as they were when it started: entries and records written
/// meanwhile by another process are not checked, and are not missing either.
Result<AuditReport> verify_audit(Database& db, VerifyOptions const& options = {});

} // namespace billijk::store
