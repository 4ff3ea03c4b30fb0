// The hash-chained audit log: intact chains verify; any edit is found at the entry it broke.
#include "store/audit.hpp"
#include "store/records.hpp"
#include "store/reviews.hpp"
#include "store_test_support.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

using namespace billijk;

namespace {

/// Stores a review whose report is `report`; its entry is "review <id>".
void add_review(store::Database& db, std::string const& report, std::int64_t findings = 0) {
    store::ReviewRecord r;
    r.decisions_name = "decisions.jsonl";
    r.decisions_bytes = R"({"decision_id":"D1"})";
    r.engine = "billijk test";
    r.options = "{}";
    r.decisions = 1;
    r.findings = findings;
    r.report = report;
    REQUIRE(store::store_review(db, r, "2024-01-01T00:00:00Z"));
}

/// Removes the append-only guards, as someone tampering with the file would.
void drop_guards(store::Database& db) {
    db.sql().exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
}

} // namespace

TEST_CASE("an empty log and a chain of entries verify", "[store][audit]") {
    test::TempDatabase t;
    auto empty = store::verify_audit(t.db);
    REQUIRE(empty);
    CHECK(empty.value().entries == 0);
    CHECK(empty.value().head == store::audit_genesis);
    CHECK_FALSE(empty.value().broken);

    for (int i = 1; i <= 3; ++i)
        add_review(t.db, R"({"n":)" + std::to_string(i) + "}");
    auto report = store::verify_audit(t.db);
    REQUIRE(report);
    CHECK(report.value().entries == 3);
    CHECK_FALSE(report.value().broken);
    CHECK(report.value().head ==
          t.db.sql().execAndGet("SELECT hash FROM audit_log WHERE seq = 3").getString());
}

TEST_CASE("each entry's hash covers the previous hash", "[store][audit]") {
    store::AuditEntryInput const e{"review", "review 1", "t", "{}"};
    auto const first = store::audit_entry_hash(1, e, store::audit_genesis);
    CHECK(first.size() == 64);
    CHECK(store::audit_entry_hash(1, e, first) != first);
    CHECK(store::audit_entry_hash(2, e, store::audit_genesis) != first);
}

TEST_CASE("the log refuses updates and deletes unless its guards are removed", "[store][audit]") {
    test::TempDatabase t;
    add_review(t.db, "{}");
    CHECK_THROWS(t.db.sql().exec("UPDATE audit_log SET content = '{\"x\":1}'"));
    CHECK_THROWS(t.db.sql().exec("DELETE FROM audit_log"));
}

TEST_CASE("an edited entry is named as the first broken one", "[store][audit]") {
    test::TempDatabase t;
    for (int i = 1; i <= 4; ++i)
        add_review(t.db, "{}");
    drop_guards(t.db);
    t.db.sql().exec("UPDATE audit_log SET content = '{\"edited\":true}' WHERE seq = 2");
    auto report = store::verify_audit(t.db);
    REQUIRE(report);
    REQUIRE(report.value().broken);
    CHECK(report.value().broken->seq == std::optional<std::int64_t>(2));
    CHECK(report.value().broken->subject == "review 2");
    CHECK(report.value().entries == 1);
}

TEST_CASE("a removed entry breaks the chain at the next one", "[store][audit]") {
    test::TempDatabase t;
    for (int i = 1; i <= 3; ++i)
        add_review(t.db, "{}");
    drop_guards(t.db);
    t.db.sql().exec("DELETE FROM audit_log WHERE seq = 2");
    auto report = store::verify_audit(t.db);
    REQUIRE(report);
    REQUIRE(report.value().broken);
    CHECK(report.value().broken->seq == std::optional<std::int64_t>(3));
}

TEST_CASE("an edited indication row is found through its entry", "[store][audit]") {
    test::TempDatabase t;
    auto const key = test::test_key();
    for (auto const& bsn : {"111222333", "123456782"})
        REQUIRE(store::store_indication(t.db, test::sample_record(bsn), key, "t"));
    // The output of indication 2 changes; the log itself is untouched.
    t.db.sql().exec("UPDATE indications SET output = CAST('{}' AS BLOB) WHERE id = 2");
    auto report = store::verify_audit(t.db);
    REQUIRE(report);
    REQUIRE(report.value().broken);
    CHECK(report.value().broken->seq == std::optional<std::int64_t>(2));
    CHECK(report.value().broken->subject == "indication 2");
    CHECK(report.value().broken->problem.find("output") != std::string::npos);
}

TEST_CASE("an edited rule text is found through every indication that uses it", "[store][audit]") {
    test::TempDatabase t;
    REQUIRE(store::store_indication(t.db, test::sample_record(), test::test_key(), "t"));
    t.db.sql().exec("UPDATE blobs SET data = CAST('regulation changed' AS BLOB) WHERE sha256 = "
                    "(SELECT sha256 FROM rule_set_files WHERE path = 'barendrecht/jeugd.rules')");
    auto report = store::verify_audit(t.db);
    REQUIRE(report);
    REQUIRE(report.value().broken);
    CHECK(report.value().broken->problem.find("rule_set") != std::string::npos);
}

TEST_CASE("an edited plugin manifest or plugin set is found through the set's hash",
          "[store][audit]") {
    std::string const edits[] = {
        "UPDATE plugins SET version = '2099.1'",
        "UPDATE blobs SET data = CAST('another library' AS BLOB) WHERE sha256 = (SELECT sha256 "
        "FROM plugins)",
        "DELETE FROM plugin_set_members",
    };
    for (auto const& edit : edits) {
        CAPTURE(edit);
        test::TempDatabase t;
        REQUIRE(store::store_indication(t.db, test::sample_record(), test::test_key(), "t"));
        t.db.sql().exec("PRAGMA foreign_keys=OFF");
        t.db.sql().exec(edit);
        auto report = store::verify_audit(t.db);
        REQUIRE(report);
        REQUIRE(report.value().broken);
        CHECK(report.value().broken->subject == "indication 1");
        CHECK(report.value().broken->problem.find("plugin_set") != std::string::npos);
    }
}

TEST_CASE("an edited list of bound plugins is found through the entry", "[store][audit]") {
    test::TempDatabase t;
    REQUIRE(store::store_indication(t.db, test::sample_record(), test::test_key(), "t"));
    t.db.sql().exec("UPDATE indications SET bound_plugins = ''");
    auto report = store::verify_audit(t.db);
    REQUIRE(report);
    REQUIRE(report.value().broken);
    CHECK(report.value().broken->problem.find("bound_plugins") != std::string::npos);
}

TEST_CASE("a record without an audit entry is reported", "[store][audit]") {
    test::TempDatabase t;
    REQUIRE(store::store_indication(t.db, test::sample_record(), test::test_key(), "t"));
    t.db.sql().exec("INSERT INTO indications(case_sha256, rule_set, reference_date, engine, "
                    "fingerprint, output, output_sha256) SELECT case_sha256, rule_set, "
                    "reference_date, engine, fingerprint, output, output_sha256 FROM indications");
    auto report = store::verify_audit(t.db);
    REQUIRE(report);
    REQUIRE(report.value().broken);
    CHECK_FALSE(report.value().broken->seq);
    CHECK(report.value().broken->subject == "indication 2");
}

TEST_CASE("an edited review report is found through its entry", "[store][audit]") {
    test::TempDatabase t;
    add_review(t.db, R"({"decisions":[],"findings":0})");
    add_review(t.db, R"({"decisions":[],"findings":2})", 2);
    auto intact = store::verify_audit(t.db);
    REQUIRE(intact);
    CHECK_FALSE(intact.value().broken);
    // Someone makes review 2 look clean; the report's hash column is edited to match.
    t.db.sql().exec(R"(UPDATE reviews SET report = CAST('{"decisions":[],"findings":0}' AS BLOB),
                       findings = 0 WHERE id = 2)");
    auto report = store::verify_audit(t.db);
    REQUIRE(report);
    REQUIRE(report.value().broken);
    CHECK(report.value().broken->seq == std::optional<std::int64_t>(2));
    CHECK(report.value().broken->subject == "review 2");
    CHECK(report.value().broken->problem.find("findings") != std::string::npos);
    CHECK(report.value().broken->problem.find("report_sha256") != std::string::npos);
}

TEST_CASE("a review row added behind the log's back is reported", "[store][audit]") {
    test::TempDatabase t;
    add_review(t.db, "{}");
    t.db.sql().exec("INSERT INTO reviews(decisions_name, decisions_sha256, engine, options, "
                    "decisions, findings, report, report_sha256) SELECT decisions_name, "
                    "decisions_sha256, engine, options, decisions, findings, report, "
                    "report_sha256 FROM reviews");
    auto report = store::verify_audit(t.db);
    REQUIRE(report);
    REQUIRE(report.value().broken);
    CHECK_FALSE(report.value().broken->seq);
    CHECK(report.value().broken->subject == "review 2");
}

TEST_CASE("an entry of a kind the verifier does not know is broken", "[store][audit]") {
    test::TempDatabase t;
    SQLite::Transaction tx(t.db.sql());
    store::append_audit(t.db.sql(), {"note", "note 1", "t", "{}"});
    tx.commit();
    auto report = store::verify_audit(t.db);
    REQUIRE(report);
    REQUIRE(report.value().broken);
    CHECK(report.value().broken->problem.find("'note'") != std::string::npos);
}

TEST_CASE("a review whose report holds a reviewed BSN is not stored", "[store][audit]") {
    test::TempDatabase t;
    store::ReviewRecord r;
    r.decisions_name = "decisions.jsonl";
    r.report = R"({"note":"client 111222333"})";
    r.clear_bsns = {"111222333"};
    auto stored = store::store_review(t.db, r, "t");
    REQUIRE_FALSE(stored);
    CHECK(stored.diagnostics().items().front().id == "S0106");
    CHECK(stored.diagnostics().items().front().message.find("111222333") == std::string::npos);
    CHECK(t.db.sql().execAndGet("SELECT count(*) FROM reviews").getInt() == 0);
    CHECK(t.db.sql().execAndGet("SELECT count(*) FROM audit_log").getInt() == 0);
}

TEST_CASE("an appender continues the chain exactly as append_audit does entry by entry",
          "[store][audit]") {
    test::TempDatabase one_by_one;
    test::TempDatabase grouped;
    std::vector<store::AuditEntryInput> const entries{{"review", "review 1", "t1", R"({"n":1})"},
                                                      {"review", "review 2", "t2", R"({"n":2})"},
                                                      {"review", "review 3", "t3", R"({"n":3})"}};
    for (auto* t : {&one_by_one, &grouped}) {
        SQLite::Transaction tx(t->db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        CHECK(store::append_audit(t->db.sql(), entries[0]) == 1);
        tx.commit();
    }
    {
        SQLite::Transaction tx(one_by_one.db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        CHECK(store::append_audit(one_by_one.db.sql(), entries[1]) == 2);
        CHECK(store::append_audit(one_by_one.db.sql(), entries[2]) == 3);
        tx.commit();
    }
    {
        // Made after the first entry: it must follow that one, not the genesis.
        SQLite::Transaction tx(grouped.db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        store::AuditAppender appender(grouped.db.sql());
        CHECK(appender.append(entries[1]) == 2);
        CHECK(appender.append(entries[2]) == 3);
        tx.commit();
    }
    auto chain = [](test::TempDatabase& t) {
        std::vector<std::string> out;
        SQLite::Statement rows(t.db.sql(),
                               "SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq");
        while (rows.executeStep())
            out.push_back(rows.getColumn(0).getString() + " " + rows.getColumn(1).getString() +
                          " " + rows.getColumn(2).getString());
        return out;
    };
    auto const expected = chain(one_by_one);
    REQUIRE(expected.size() == 3);
    CHECK(chain(grouped) == expected);
    // Each entry follows the one before it.
    CHECK(expected[1].substr(2, 64) == expected[0].substr(2 + 65, 64));
    CHECK(expected[2].substr(2, 64) == expected[1].substr(2 + 65, 64));
}
