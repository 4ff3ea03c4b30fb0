// `audit verify` in pieces on several threads reports exactly what one walk from the first entry
// reports: for an intact log and for every kind of damage, at piece boundaries and inside pieces.
#include "store/audit.hpp"
#include "store/reviews.hpp"
#include "store_test_support.hpp"

#include <functional>

using namespace billijk;

namespace {

constexpr int entries = 23;

/// A log of `entries` reviews (entry n is "review n"), damaged by `damage`.
void make_log(store::Database& db, std::function<void(SQLite::Database&)> const& damage) {
    for (int i = 1; i <= entries; ++i) {
        store::ReviewRecord r;
        r.decisions_name = "decisions.jsonl";
        r.decisions_bytes = R"({"decision_id":"D)" + std::to_string(i) + R"("})";
        r.engine = "billijk test";
        r.options = "{}";
        r.decisions = 1;
        r.report = R"({"n":)" + std::to_string(i) + "}";
        REQUIRE(store::store_review(db, r, "2024-01-01T00:00:00Z"));
    }
    db.sql().exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
    damage(db.sql());
}

std::string describe(store::AuditReport const& r) {
    std::string out = std::to_string(r.entries) + " " + r.head;
    if (r.broken)
        out += " | " + (r.broken->seq ? std::to_string(*r.broken->seq) : std::string("-")) + " " +
               r.broken->subject + ": " + r.broken->problem;
    return out;
}

/// The report of one walk (one thread, one piece), checked equal to that of several threads in
/// pieces of several sizes; returned for the caller's own checks.
std::string same_report_in_pieces(std::function<void(SQLite::Database&)> const& damage) {
    test::TempDatabase t;
    make_log(t.db, damage);
    auto walk = store::verify_audit(t.db, {1, 1000000});
    REQUIRE(walk);
    std::string const expected = describe(walk.value());
    for (store::VerifyOptions options :
         {store::VerifyOptions{1, 1}, {1, 5}, {2, 1}, {3, 5}, {4, 4}, {8, 2}, {2, 23}}) {
        INFO("threads " << options.threads << ", pieces of " << options.chunk_entries);
        auto pieces = store::verify_audit(t.db, options);
        REQUIRE(pieces);
        CHECK(describe(pieces.value()) == expected);
    }
    return expected;
}

std::string exec_on(SQLite::Database& sql, std::string const& statement) {
    sql.exec(statement);
    return statement;
}

} // namespace

TEST_CASE("audit verify: an intact log gives the same report in pieces", "[store][audit]") {
    auto const report = same_report_in_pieces([](SQLite::Database&) {});
    CHECK(report.rfind("23 ", 0) == 0);
    CHECK(report.find('|') == std::string::npos);
}

TEST_CASE("audit verify: an edited entry is found in pieces where one walk finds it",
          "[store][audit]") {
    // With pieces of 5, entries 1, 6, 11, ... begin a piece and 5, 10, ... end one.
    for (int seq : {1, 2, 5, 6, 7, 11, 22, 23}) {
        INFO("entry " << seq);
        auto const report = same_report_in_pieces([&](SQLite::Database& sql) {
            exec_on(sql, "UPDATE audit_log SET content = '{\"edited\":true}' WHERE seq = " +
                             std::to_string(seq));
        });
        CHECK(report.find("| " + std::to_string(seq) + " review " + std::to_string(seq) +
                          ": its hash does not match its content") != std::string::npos);
        CHECK(report.rfind(std::to_string(seq - 1) + " ", 0) == 0); // entries before it
    }
}

TEST_CASE("audit verify: a removed entry is found in pieces at the next one", "[store][audit]") {
    for (int seq : {1, 5, 6, 12}) {
        INFO("entry " << seq);
        auto const report = same_report_in_pieces([&](SQLite::Database& sql) {
            exec_on(sql, "DELETE FROM audit_log WHERE seq = " + std::to_string(seq));
        });
        CHECK(report.find("| " + std::to_string(seq + 1) + " review " + std::to_string(seq + 1) +
                          ": entry " + std::to_string(seq) + " before it is missing") !=
              std::string::npos);
    }
    // The last entry removed: the chain is whole, but review 23 has no entry.
    auto const last = same_report_in_pieces(
        [](SQLite::Database& sql) { sql.exec("DELETE FROM audit_log WHERE seq = 23"); });
    CHECK(last.find("| - review 23: it has no entry in the audit log") != std::string::npos);
}

TEST_CASE("audit verify: other damage is reported in pieces as in one walk", "[store][audit]") {
    // A previous hash changed at a piece boundary and inside a piece (the entry's own hash then
    // fails first only if it covers the previous hash: it does, so "does not follow" is not
    // reached; the walk and the pieces agree either way).
    for (int seq : {6, 8}) {
        auto const report = same_report_in_pieces([&](SQLite::Database& sql) {
            exec_on(sql, "UPDATE audit_log SET prev_hash = '" + std::string(64, 'a') +
                             "' WHERE seq = " + std::to_string(seq));
        });
        CHECK(report.find("| " + std::to_string(seq) + " review ") != std::string::npos);
    }
    // An entry's time and hash rewritten consistently, at a piece's end and inside one: the
    // entry itself verifies, the next one no longer follows it.
    for (int seq : {5, 7}) {
        auto const rewritten = same_report_in_pieces([&](SQLite::Database& sql) {
            SQLite::Statement row(sql, "SELECT kind, subject, content, prev_hash FROM audit_log "
                                       "WHERE seq = ?");
            row.bind(1, seq);
            REQUIRE(row.executeStep());
            store::AuditEntryInput const entry{row.getColumn(0).getString(),
                                               row.getColumn(1).getString(), "2030-01-01T00:00:00Z",
                                               row.getColumn(2).getString()};
            auto const hash = store::audit_entry_hash(seq, entry, row.getColumn(3).getString());
            sql.exec("UPDATE audit_log SET recorded_at = '2030-01-01T00:00:00Z', hash = '" + hash +
                     "' WHERE seq = " + std::to_string(seq));
        });
        CHECK(rewritten.find("| " + std::to_string(seq + 1) + " review " + std::to_string(seq + 1) +
                             ": it does not follow the previous entry") != std::string::npos);
    }
    // A record edited behind its entry, at a boundary; two damaged entries: the first counts.
    auto const record = same_report_in_pieces([](SQLite::Database& sql) {
        sql.exec("UPDATE reviews SET report = CAST('{\"n\":0}' AS BLOB) WHERE id = 11");
    });
    CHECK(record.find("| 11 review 11: the stored review no longer matches") != std::string::npos);
    auto const two = same_report_in_pieces([](SQLite::Database& sql) {
        sql.exec("UPDATE audit_log SET content = '{}' WHERE seq IN (3, 17)");
    });
    CHECK(two.find("| 3 review 3: ") != std::string::npos);
}
