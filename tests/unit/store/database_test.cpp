// The database: created and migrated on open, WAL and foreign keys on, a newer schema refused.
#include "store/database.hpp"
#include "store_test_support.hpp"

#include <SQLiteCpp/Database.h>

#include <fstream>

using namespace billijk;

TEST_CASE("a new database is migrated to the latest schema, in WAL mode with foreign keys",
          "[store][database]") {
    test::TempDatabase t;
    CHECK(t.db.schema_version() == store::latest_schema_version());
    CHECK(t.db.sql().execAndGet("PRAGMA user_version").getInt() == store::latest_schema_version());
    CHECK(t.db.sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(t.db.sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);
    CHECK(t.db.sql().tableExists("audit_log"));
    // 64 KiB pages (database.cpp says why); SQLite's default is 4 KiB.
    CHECK(t.db.sql().execAndGet("PRAGMA page_size").getInt() == 65536);
    // Foreign keys are enforced: an indication needs its case and rule set.
    CHECK_THROWS(t.db.sql().exec(
        "INSERT INTO indications(case_sha256, rule_set, reference_date, engine, fingerprint, "
        "output, output_sha256) VALUES ('x','y','2017-01-01','e','f','o','s')"));
}

TEST_CASE("opening again keeps the data and the version", "[store][database]") {
    test::TempDatabase t;
    t.db.sql().exec("INSERT INTO meta(key, value) VALUES ('probe', 'kept')");
    auto again = store::Database::open(t.path);
    REQUIRE(again);
    CHECK(again.value().sql().execAndGet("SELECT value FROM meta WHERE key='probe'").getString() ==
          "kept");
}

TEST_CASE("a database newer than the binary is refused, naming both versions",
          "[store][database]") {
    test::TempDatabase t;
    int const newer = store::latest_schema_version() + 1;
    t.db.sql().exec("PRAGMA user_version=" + std::to_string(newer));
    auto refused = store::Database::open(t.path);
    REQUIRE_FALSE(refused);
    auto const& d = refused.diagnostics().items().front();
    CHECK(d.id == "S0102");
    CHECK(d.message.find("schema version " + std::to_string(newer)) != std::string::npos);
    CHECK(d.message.find("(" + std::to_string(store::latest_schema_version()) + ")") !=
          std::string::npos);
}

TEST_CASE("a file that is not a database is refused", "[store][database]") {
    auto dir = store::ScratchDir::create();
    REQUIRE(dir);
    auto const path = dir.value().path() / "not.db";
    {
        std::ofstream out(path);
        out << "this is not an SQLite database, but it is long enough to look like a header\n";
    }
    auto refused = store::Database::open(path);
    REQUIRE_FALSE(refused);
    CHECK((refused.diagnostics().items().front().id == "S0101" ||
           refused.diagnostics().items().front().id == "S0103"));
}

TEST_CASE("without create, a missing database is an error, not a new empty store",
          "[store][database]") {
    auto dir = store::ScratchDir::create();
    REQUIRE(dir);
    auto const path = dir.value().path() / "typo.db";
    auto missing = store::Database::open(path, /*create=*/false);
    REQUIRE_FALSE(missing);
    CHECK(missing.diagnostics().items().front().id == "S0101");
    CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("a database of schema 1 is migrated on open, keeping its rows", "[store][database]") {
    auto dir = store::ScratchDir::create().value();
    auto const path = dir.path() / "old.db";
    {
        // A database as the first release of the store wrote it.
        SQLite::Database old(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        old.exec(store::migration_sql(1));
        old.exec("PRAGMA user_version=1");
        old.exec("INSERT INTO meta(key, value) VALUES ('probe', 'kept')");
    }
    auto db = store::Database::open(path, /*create=*/false);
    REQUIRE(db);
    CHECK(db.value().schema_version() == store::latest_schema_version());
    CHECK(db.value().sql().tableExists("reviews"));
    CHECK(db.value().sql().execAndGet("SELECT value FROM meta WHERE key='probe'").getString() ==
          "kept");
}
