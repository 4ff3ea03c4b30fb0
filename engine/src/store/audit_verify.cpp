// `audit verify`: the chain checked in pieces of consecutive entries, on several threads.
//
// Each piece is checked as the whole log used to be, from its first entry on: the hash of every
// entry over its own content and previous hash, that every later entry follows the one before
// it, and the record each entry describes. Where two pieces meet, the first entry of the later
// one must have the next number and name the hash of the earlier one's last entry; those two
// checks are made when the pieces are joined, in order, before anything a piece found in its
// own first entry: so the first broken entry and its reason are the ones a walk from the start
// would report, whatever the number of threads.
#include "store/audit.hpp"

#include "store/decisions.hpp"
#include "store/records.hpp"
#include "store/reviews.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <atomic>
#include <limits>
#include <map>
#include <mutex>
#include <set>
#include <system_error>
#include <thread>
#include <vector>

namespace billijk::store {

namespace {

/// The ids of the records that have an entry, per kind.
using RecordsSeen = std::map<std::string, std::set<std::int64_t>>;

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

std::string missing_before(std::int64_t expected) {
    return "entry " + std::to_string(expected) + " before it is missing";
}

/// How long a helper's connection waits for a lock, as the store's own connection does.
constexpr int reader_busy_timeout_ms = 30000;

constexpr char const* not_following =
    "it does not follow the previous entry (its previous hash differs)";

/// What one piece of the log gave.
struct Piece {
    std::int64_t first_seq = 0; ///< 0: no entry was read (removed meanwhile)
    std::string first_subject;
    std::string first_prev;             ///< the previous hash its first entry names
    std::int64_t last_good_seq = 0;     ///< the last entry before `broken` (0: none)
    std::string last_good_hash;         ///< that entry's hash
    std::optional<AuditProblem> broken; ///< the first problem after the joining checks
    RecordsSeen seen;
};

/// Checks entries `from`..`to` (numbers that exist in the log; the piece has no gap at either
/// end) on the reader's connection.
Piece check_piece(RecordReader& reader, std::int64_t from, std::int64_t to) {
    Piece piece;
    auto& rows = reader.statement("SELECT seq, kind, subject, recorded_at, content, prev_hash, "
                                  "hash FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq");
    rows.bind(1, from);
    rows.bind(2, to);
    bool first = true;
    while (rows.executeStep()) {
        std::int64_t const seq = rows.getColumn(0).getInt64();
        AuditEntryInput entry{rows.getColumn(1).getString(), rows.getColumn(2).getString(),
                              rows.getColumn(3).getString(), rows.getColumn(4).getString()};
        std::string prev = rows.getColumn(5).getString();
        std::string hash = rows.getColumn(6).getString();
        auto broken = [&](std::string problem) {
            piece.broken = AuditProblem{seq, entry.subject, std::move(problem)};
        };
        if (first) {
            // Its number and previous hash are checked when the pieces are joined.
            piece.first_seq = seq;
            piece.first_subject = entry.subject;
            piece.first_prev = prev;
        } else if (seq != piece.last_good_seq + 1) {
            broken(missing_before(piece.last_good_seq + 1));
        } else if (prev != piece.last_good_hash) {
            broken(not_following);
        }
        first = false;
        if (!piece.broken && audit_entry_hash(seq, entry, prev) != hash)
            broken("its hash does not match its content");
        else if (!piece.broken)
            if (auto problem = check_record(reader, entry.kind, entry.content, piece.seen))
                broken(*problem);
        if (piece.broken)
            break;
        piece.last_good_seq = seq;
        piece.last_good_hash = std::move(hash);
    }
    rows.reset();
    return piece;
}

/// What the log held when verification started: its entry numbers in order, and the highest id
/// of each kind of record (all of which had their entry by then: a record and its entry are
/// written in one transaction).
struct Snapshot {
    std::vector<std::int64_t> seqs;
    std::map<std::string, std::int64_t> last_id;
};

Snapshot take_snapshot(SQLite::Database& sql) {
    Snapshot snap;
    SQLite::Transaction read(sql); // one snapshot for the numbers and the ids
    SQLite::Statement seqs(sql, "SELECT seq FROM audit_log ORDER BY seq");
    while (seqs.executeStep())
        snap.seqs.push_back(seqs.getColumn(0).getInt64());
    for (char const* kind : {"indication", "decision", "review"}) {
        SQLite::Statement last(sql, std::string("SELECT coalesce(max(id), 0) FROM ") + kind + "s");
        last.executeStep();
        snap.last_id[kind] = last.getColumn(0).getInt64();
    }
    read.commit();
    return snap;
}

/// Checks the pieces `next` hands out, in order, until none is left or a piece at or after one
/// that is broken would come next.
struct PieceQueue {
    std::vector<std::pair<std::int64_t, std::int64_t>> ranges;
    std::vector<Piece> results;
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> first_broken{std::numeric_limits<std::size_t>::max()};
    std::mutex failure_lock;
    std::string failure; ///< a SQLite error in a worker

    void work(SQLite::Database& sql) {
        try {
            RecordReader reader(sql);
            for (;;) {
                std::size_t const i = next.fetch_add(1);
                if (i >= ranges.size() || i > first_broken.load())
                    return;
                results[i] = check_piece(reader, ranges[i].first, ranges[i].second);
                if (results[i].broken) {
                    std::size_t seen = first_broken.load();
                    while (i < seen && !first_broken.compare_exchange_weak(seen, i)) {
                    }
                }
            }
        } catch (std::exception const& e) {
            std::lock_guard<std::mutex> hold(failure_lock);
            if (failure.empty())
                failure = e.what();
            first_broken.store(0); // stop the others: the report would be incomplete
        }
    }
};

} // namespace

Result<AuditReport> verify_audit(Database& db, VerifyOptions const& options) {
    AuditReport report;
    report.head = std::string(audit_genesis);
    try {
        Snapshot const snap = take_snapshot(db.sql());
        PieceQueue queue;
        std::size_t const size = std::max<std::size_t>(1, options.chunk_entries);
        for (std::size_t at = 0; at < snap.seqs.size(); at += size)
            queue.ranges.emplace_back(snap.seqs[at],
                                      snap.seqs[std::min(at + size, snap.seqs.size()) - 1]);
        queue.results.resize(queue.ranges.size());

        unsigned const helpers =
            static_cast<unsigned>(std::min<std::size_t>(options.threads, queue.ranges.size()));
        std::vector<std::unique_ptr<SQLite::Database>> connections;
        for (unsigned i = 1; i < helpers; ++i)
            connections.push_back(std::make_unique<SQLite::Database>(
                db.path().string(), SQLite::OPEN_READONLY, reader_busy_timeout_ms));
        std::vector<std::thread> threads;
        try {
            for (auto& connection : connections)
                threads.emplace_back([&queue, &connection] { queue.work(*connection); });
        } catch (std::system_error const&) {
            // No more threads to be had: those that started, and this one, share the pieces.
        }
        queue.work(db.sql());
        for (auto& t : threads)
            t.join();
        if (!queue.failure.empty())
            return store_failure(db.path(), "verifying the audit log", queue.failure);

        // Join the pieces in order, as one walk from the first entry would meet them.
        RecordsSeen seen;
        std::int64_t expected_seq = 1;
        for (Piece const& piece : queue.results) {
            auto joined = [&](std::string problem) {
                report.broken =
                    AuditProblem{piece.first_seq, piece.first_subject, std::move(problem)};
            };
            if (piece.first_seq == 0)
                report.broken = AuditProblem{expected_seq, "",
                                             "it was removed while the log was being verified"};
            else if (piece.first_seq != expected_seq)
                joined(missing_before(expected_seq));
            else if (piece.first_prev != report.head)
                joined(not_following);
            if (report.broken)
                return report;
            if (piece.broken) {
                report.broken = piece.broken;
                if (piece.last_good_seq != 0) {
                    report.head = piece.last_good_hash;
                    report.entries = piece.last_good_seq;
                }
                return report;
            }
            for (auto const& [kind, ids] : piece.seen)
                seen[kind].insert(ids.begin(), ids.end());
            report.head = piece.last_good_hash;
            report.entries = piece.last_good_seq;
            expected_seq = piece.last_good_seq + 1;
        }

        // Every record must have an entry: a row added behind the log's back is tampering too.
        SQLite::Statement all(db.sql(), "SELECT 'indication', id FROM indications UNION ALL "
                                        "SELECT 'decision', id FROM decisions UNION ALL "
                                        "SELECT 'review', id FROM reviews ORDER BY 1, 2");
        while (all.executeStep()) {
            std::string const kind = all.getColumn(0).getString();
            std::int64_t const id = all.getColumn(1).getInt64();
            if (id > snap.last_id.at(kind))
                continue; // written after the snapshot, with an entry the walk did not reach
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
