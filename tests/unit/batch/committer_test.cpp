// The batch's group committer: groups are stored in the order they are handed over while the
// next one is filled, and after a failed commit nothing more is stored.
#include "batch/committer.hpp"
#include "store/audit.hpp"

#include "../store/store_test_support.hpp"

#include <SQLiteCpp/Statement.h>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace billijk;

namespace {

/// A prepared indication of a made-up case `n` (no engine run needed).
store::PreparedIndication prepared(int n, std::string const& fingerprint = "sha256:test") {
    store::PreparedIndication p;
    p.line = static_cast<std::size_t>(n);
    p.stored_case.case_id = "CASE-" + std::to_string(n);
    p.stored_case.json = R"({"case_id":"CASE-)" + std::to_string(n) + R"("})";
    p.stored_case.bsn_pseudonym = "hmac-sha256:" + std::to_string(n);
    p.case_sha256 = io::sha256_hex(p.stored_case.json);
    p.reference_date = "2017-06-01";
    p.engine = "billijk test";
    p.fingerprint = fingerprint;
    p.output = "{}";
    p.output_encoding = "identity";
    p.output_sha256 = io::sha256_hex(p.output);
    return p;
}

std::vector<store::PreparedIndication> group(int from, int to) {
    std::vector<store::PreparedIndication> out;
    for (int n = from; n <= to; ++n)
        out.push_back(prepared(n));
    return out;
}

/// The case ids of the stored indications, in id order.
std::vector<std::string> stored_case_ids(store::Database& db) {
    std::vector<std::string> out;
    SQLite::Statement rows(db.sql(), "SELECT c.case_id FROM indications i JOIN cases c ON "
                                     "c.sha256 = i.case_sha256 ORDER BY i.id");
    while (rows.executeStep())
        out.push_back(rows.getColumn(0).getString());
    return out;
}

struct Run {
    test::TempDatabase t;
    store::BatchRunSetup setup{"cases.jsonl", {{"a.rules", "rule text"}}, {}, std::nullopt};
    store::BatchRun run =
        store::BatchRun::begin(t.db, setup, test::test_key(), "2026-01-01T00:00:00Z").value();
};

} // namespace

TEST_CASE("groups are committed in the order they are handed over", "[batch][committer]") {
    Run r;
    {
        batch::GroupCommitter committer(r.run);
        CHECK(committer.submit(group(1, 3), 3, "t1"));
        CHECK(committer.submit({}, 5, "t2")); // lines 4 and 5 failed: nothing to store
        CHECK(committer.submit(group(6, 9), 9, "t3"));
        CHECK(committer.drain());
        CHECK(committer.committed() == 7);
        CHECK_FALSE(committer.failure());
        // Drained: the run record is final.
        CHECK(r.run.record().last_line == 9);
        CHECK(r.run.record().stored == 7);
        CHECK(committer.submit(group(10, 10), 10, "t4"));
    } // the destructor commits what was handed over before it stops
    CHECK(stored_case_ids(r.t.db) == std::vector<std::string>{"CASE-1", "CASE-2", "CASE-3",
                                                              "CASE-6", "CASE-7", "CASE-8",
                                                              "CASE-9", "CASE-10"});
    CHECK(r.run.record().last_line == 10);
    auto audit = store::verify_audit(r.t.db);
    REQUIRE(audit);
    CHECK_FALSE(audit.value().broken);
    CHECK(audit.value().entries == 8);
}

TEST_CASE("after a failed commit nothing more is stored", "[batch][committer]") {
    Run r;
    // A store that refuses one indication, as a full disk would refuse a whole group.
    r.t.db.sql().exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON indications WHEN "
                      "NEW.fingerprint = 'sha256:refused' BEGIN SELECT RAISE(ABORT, 'refused'); "
                      "END");
    batch::GroupCommitter committer(r.run);
    CHECK(committer.submit(group(1, 2), 2, "t1"));
    auto bad = group(3, 4);
    bad.push_back(prepared(5, "sha256:refused"));
    CHECK(committer.submit(std::move(bad), 5, "t2"));
    // Handed over after the failed group: refused once that commit has failed.
    CHECK_FALSE(committer.submit(group(6, 7), 7, "t3"));
    CHECK_FALSE(committer.drain());
    REQUIRE(committer.failure());
    CHECK(committer.failure()->items().front().id == "S0103");
    CHECK(committer.committed() == 2);
    CHECK(stored_case_ids(r.t.db) == std::vector<std::string>{"CASE-1", "CASE-2"});
    CHECK(r.run.record().last_line == 2);
}
