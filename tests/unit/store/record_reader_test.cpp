// The record reader: one prepared statement per SQL text, handed back reset; indication contents
// read one after another with one reader are each indication's own.
#include "io/fingerprint.hpp"
#include "store/audit.hpp"
#include "store/record_reader.hpp"
#include "store/records.hpp"
#include "store_test_support.hpp"

#include <SQLiteCpp/Database.h>

using namespace billijk;

TEST_CASE("a reader prepares a statement once and hands it back reset", "[store][reader]") {
    test::TempDatabase t;
    t.db.sql().exec("CREATE TABLE numbers(n INTEGER); INSERT INTO numbers VALUES (1), (2), (3);");
    store::RecordReader reader(t.db.sql());
    std::string const sql = "SELECT n FROM numbers WHERE n >= ? ORDER BY n";

    auto& first = reader.statement(sql);
    first.bind(1, 2);
    REQUIRE(first.executeStep());
    CHECK(first.getColumn(0).getInt() == 2); // left in the middle of its rows

    auto& again = reader.statement(sql);
    CHECK(&again == &first);
    again.bind(1, 1); // would throw (SQLITE_MISUSE) on a statement that was not reset
    REQUIRE(again.executeStep());
    CHECK(again.getColumn(0).getInt() == 1);
    while (again.executeStep()) {
    }
    auto& done = reader.statement(sql); // stepped to its end: usable again all the same
    done.bind(1, 3);
    REQUIRE(done.executeStep());
    CHECK(done.getColumn(0).getInt() == 3);
    CHECK_FALSE(done.executeStep());

    CHECK(&reader.statement("SELECT count(*) FROM numbers") != &first);
}

TEST_CASE("indications read with one reader each give their own audit content", "[store][reader]") {
    test::TempDatabase t;
    auto const key = test::test_key();
    std::vector<std::int64_t> ids;
    for (std::string bsn : {"111222333", "123456782", "999999990"}) {
        auto record = test::sample_record(bsn);
        record.output = R"({"bsn_tail":")" + bsn.substr(6) + "\"}\n";
        auto id = store::store_indication(t.db, record, key, "t");
        REQUIRE(id);
        ids.push_back(id.value());
    }

    store::RecordReader shared(t.db.sql());
    for (int round = 0; round < 2; ++round) {
        for (auto id : ids) {
            auto content = store::indication_audit_content(shared, id);
            REQUIRE(content);
            // What a reader of its own gives, and what the entry written with it says.
            store::RecordReader own(t.db.sql());
            CHECK(*content == *store::indication_audit_content(own, id));
            CHECK(content->dump() == t.db.sql()
                                         .execAndGet("SELECT content FROM audit_log WHERE subject "
                                                     "= 'indication " +
                                                     std::to_string(id) + "'")
                                         .getString());
        }
        // An absent indication in between leaves the statements usable for the next one.
        CHECK_FALSE(store::indication_audit_content(shared, 999));
    }

    // A row changed after it was read once is read as it is now: nothing per record is kept.
    t.db.sql().exec("UPDATE indications SET output_encoding = 'identity', output = "
                    "CAST('{}' AS BLOB) WHERE id = " +
                    std::to_string(ids[1]));
    auto changed = store::indication_audit_content(shared, ids[1]);
    REQUIRE(changed);
    CHECK((*changed)["output"] == "sha256:" + io::sha256_hex("{}"));
    CHECK(*store::indication_audit_content(shared, ids[0]) ==
          *store::indication_audit_content(shared, ids[0]));
}
