#include "store/audit.hpp"

#include "io/fingerprint.hpp"
#include "store/decisions.hpp"
#include "store/records.hpp"
#include "store/reviews.hpp"

#include <SQLiteCpp/Statement.h>

#include <map>
#include <set>

namespace billijk::store {

namespace {

/// The members of two JSON objects that differ, named: "output, case".
std::string differing_members(nlohmann::json const& stored, nlohmann::json const& actual) {
    std::set<std::string> keys;
    for (auto const& [k, v] : stored.items())
        keys.insert(k);
    for (auto const& [k, v] : actual.items())
        keys.insert(k);
    std::string out;
    for (auto const& k : keys) {
        if (stored.contains(k) && actual.contains(k) && stored[k] == actual[k])
            continue;
        out += (out.empty() ? "" : ", ") + k;
    }
    return out;
}

/// The ids of the records that have an entry, per kind.
using RecordsSeen = std::map<std::string, std::set<std::int64_t>>;

/// The content a record's entry must have, recomputed from the record's rows.
std::optional<nlohmann::json> record_content(RecordReader& reader, std::string const& kind,
                                             std::int64_t id) {
    if (kind == "indication")
        return indication_audit_content(reader, id);
    if (kind == "decision")
        return decision_audit_content(reader, id);
    return review_audit_content(reader, id);
}

/// For entries about a record: the record as it is now must still give the entry's content.
std::optional<std::string> check_record(RecordReader& reader, std::string const& kind,
                                        std::string const& content_text, RecordsSeen& seen) {
    if (kind != "indication" && kind != "decision" && kind != "review")
        return "its kind '" + kind + "' is not one this billijk knows";
    nlohmann::json stored = nlohmann::json::parse(content_text, nullptr, false);
    if (stored.is_discarded() || !stored.is_object() || !stored.contains(kind) ||
        !stored[kind].is_number_integer())
        return "its content is not a " + kind + " entry";
    auto const id = stored[kind].get<std::int64_t>();
    auto actual = record_content(reader, kind, id);
    if (!actual)
        return "the " + kind + " it records (" + std::to_string(id) + ") has been removed";
    seen[kind].insert(id);
    if (*actual != stored)
        return "the stored " + kind +
               " no longer matches this entry (changed: " + differing_members(stored, *actual) +
               ")";
    return std::nullopt;
}

} // namespace

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

Result<AuditReport> verify_audit(Database& db) {
    auto& sql = db.sql();
    AuditReport report;
    report.head = std::string(audit_genesis);
    try {
        // One reader for the whole log: its statements are prepared once, not per entry.
        RecordReader reader(sql);
        RecordsSeen seen;
        SQLite::Statement entries(sql, "SELECT seq, kind, subject, recorded_at, content, "
                                       "prev_hash, hash FROM audit_log ORDER BY seq");
        std::int64_t expected_seq = 1;
        while (entries.executeStep()) {
            std::int64_t const seq = entries.getColumn(0).getInt64();
            AuditEntryInput entry{
                entries.getColumn(1).getString(), entries.getColumn(2).getString(),
                entries.getColumn(3).getString(), entries.getColumn(4).getString()};
            std::string const prev = entries.getColumn(5).getString();
            std::string const hash = entries.getColumn(6).getString();
            auto broken = [&](std::string problem) {
                report.broken = AuditProblem{seq, entry.subject, std::move(problem)};
            };
            if (seq != expected_seq)
                broken("entry " + std::to_string(expected_seq) + " before it is missing");
            else if (prev != report.head)
                broken("it does not follow the previous entry (its previous hash differs)");
            else if (audit_entry_hash(seq, entry, prev) != hash)
                broken("its hash does not match its content");
            else if (auto problem = check_record(reader, entry.kind, entry.content, seen))
                broken(*problem);
            if (report.broken)
                return report;
            report.head = hash;
            report.entries = seq;
            ++expected_seq;
        }
        // Every record must have an entry: a row added behind the log's back is tampering too.
        SQLite::Statement all(sql, "SELECT 'indication', id FROM indications UNION ALL "
                                   "SELECT 'decision', id FROM decisions UNION ALL "
                                   "SELECT 'review', id FROM reviews ORDER BY 1, 2");
        while (all.executeStep()) {
            std::string const kind = all.getColumn(0).getString();
            std::int64_t const id = all.getColumn(1).getInt64();
            if (seen[kind].count(id) == 0) {
                report.broken = AuditProblem{std::nullopt, kind + " " + std::to_string(id),
                                             "it has no entry in the audit log"};
                return report;
            }
        }
        return report;
    } catch (std::exception const& e) {
        return store_failure(db.path(), "verifying the audit log", e.what());
    }
}

} // namespace billijk::store
