#include "store/audit.hpp"

#include "io/fingerprint.hpp"

#include <SQLiteCpp/Statement.h>

namespace billijk::store {

std::string audit_entry_hash(std::int64_t seq, AuditEntryInput const& entry,
                             std::string_view prev_hash) {
    std::string text;
    io::append_field(text, "audit", "billijk.audit/1");
    io::append_field(text, "seq", std::to_string(seq));
    io::append_field(text, "kind", entry.kind);
    io::append_field(text, "subject", entry.subject);
    io::append_field(text, "recorded_at", entry.recorded_at);
    io::append_field(text, "content", entry.content);
    io::append_field(text, "prev", prev_hash);
    return io::sha256_hex(text);
}

std::int64_t append_audit(SQLite::Database& db, AuditEntryInput const& entry) {
    return AuditAppender(db).append(entry);
}

AuditAppender::AuditAppender(SQLite::Database& db)
    : insert_(db, "INSERT INTO audit_log(seq, kind, subject, recorded_at, content, prev_hash, "
                  "hash) VALUES (?,?,?,?,?,?,?)"),
      last_hash_(audit_genesis) {
    SQLite::Statement last(db, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    if (last.executeStep()) {
        last_seq_ = last.getColumn(0).getInt64();
        last_hash_ = last.getColumn(1).getString();
    }
}

std::int64_t AuditAppender::append(AuditEntryInput const& entry) {
    std::int64_t const seq = last_seq_ + 1;
    std::string hash = audit_entry_hash(seq, entry, last_hash_);
    insert_.bind(1, seq);
    insert_.bind(2, entry.kind);
    insert_.bind(3, entry.subject);
    insert_.bind(4, entry.recorded_at);
    insert_.bindNoCopy(5, entry.content); // both outlive the step below
    insert_.bind(6, last_hash_);
    insert_.bindNoCopy(7, hash);
    insert_.exec();
    insert_.reset();
    // Only after the insert succeeded: a failed one leaves the appender where it was.
    last_seq_ = seq;
    last_hash_ = std::move(hash);
    return seq;
}

} // namespace billijk::store
