#include "store/database.hpp"

#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <chrono>
#include <system_error>
#include <thread>

namespace billijk::store {

namespace fs = std::filesystem;

Diagnostics store_failure(fs::path const& path, std::string const& doing, std::string const& what) {
    return fail("S0103", std::nullopt, path.string() + ": " + doing + ": " + what);
}

namespace {

constexpr int busy_timeout_ms = 30000;

int user_version(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}

} // namespace

Result<Database> Database::open(fs::path const& path, bool create) {
    std::error_code ec;
    if (!create && !fs::exists(path, ec))
        return fail("S0101", std::nullopt,
                    path.string() + ": no database here (pass --db FILE; a store is made by "
                                    "indicate, batch or review with --store)");
    if (path.has_parent_path() && !fs::exists(path.parent_path(), ec)) {
        fs::create_directories(path.parent_path(), ec);
        if (ec)
            return fail("S0101", std::nullopt,
                        path.string() + ": cannot create the directory '" +
                            path.parent_path().string() + "': " + ec.message());
    }
    std::unique_ptr<SQLite::Database> db;
    int version = 0;
    try {
        // Busy timeout: a writer waits this long for another process's transaction (several
        // batches and case workers may store at once, docs/store.md "Several writers").
        db = std::make_unique<SQLite::Database>(
            path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, busy_timeout_ms);
        version = user_version(*db);
    } catch (std::exception const& e) {
        return fail("S0101", std::nullopt,
                    path.string() + ": cannot open the database: " + e.what());
    }
    int const latest = latest_schema_version();
    if (version > latest)
        return fail("S0102", std::nullopt,
                    path.string() + ": the database has schema version " + std::to_string(version) +
                        ", newer than this billijk understands (" + std::to_string(latest) +
                        "); use a newer billijk");
    // Several processes may open a new file at once (batches starting together). Switching to
    // WAL needs a moment of exclusive access, and SQLite answers "database is locked" there at
    // once instead of waiting on the busy timeout; so the set-up is retried, each try in its own
    // transaction, until the busy timeout has passed.
    auto const deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
    for (;;) {
        try {
            // 64 KiB pages for a new file (an existing one keeps its own; SQLite ignores this
            // then): a stored indication is some 10 KB in a few rows, which at the default 4 KiB
            // spread over overflow pages, each written to the WAL and again to the file. A
            // `batch --store` ran a quarter faster in a smaller file (docs/performance.md).
            db->exec("PRAGMA page_size=65536");
            // WAL: readers (an auditor's verify) never block the writer. Foreign keys are off by
            // default in SQLite and must be switched on per connection.
            db->exec("PRAGMA journal_mode=WAL");
            db->exec("PRAGMA foreign_keys=ON");
            // Up to 64 MiB of page cache (SQLite's default is 2 MiB): the cases are keyed by a
            // hash, so a batch inserts at random places in that index, and with the default
            // cache most inserts read pages from disk again (bench/run.sh, batch --store).
            db->exec("PRAGMA cache_size=-65536");
            for (int number = version + 1; number <= latest; ++number) {
                // IMMEDIATE, and the version read again under the write lock: another process
                // opening the same new file at the same moment may have applied it already.
                SQLite::Transaction tx(*db, SQLite::TransactionBehavior::IMMEDIATE);
                if (user_version(*db) >= number)
                    continue;
                db->exec(migration_sql(number));
                db->exec("PRAGMA user_version=" + std::to_string(number));
                tx.commit();
            }
            break;
        } catch (SQLite::Exception const& e) {
            bool const busy = e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED;
            if (busy && std::chrono::steady_clock::now() < deadline) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                continue;
            }
            return store_failure(path, "migrating the schema to version " + std::to_string(latest),
                                 e.what());
        } catch (std::exception const& e) {
            return store_failure(path, "migrating the schema to version " + std::to_string(latest),
                                 e.what());
        }
    }
    return Database(std::move(db), path, latest);
}

} // namespace billijk::store
