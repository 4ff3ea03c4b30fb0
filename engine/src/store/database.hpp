// The store's database: one SQLite file, opened with WAL, foreign keys on, and migrated to the
// schema this binary knows (docs/store.md).
//
// The schema is a list of numbered migrations (migrations.cpp); `PRAGMA user_version` holds the
// number of the last one applied. Opening applies the missing ones, each in its own transaction;
// a database whose version is newer than this binary's is refused (S0102) and left untouched.
// SQLite exceptions never leave this library: every function here returns a Result.
//
//   auto db = billijk::store::Database::open("billijk.db");
//   if (!db) print(db.diagnostics());                  // S0101 cannot open, S0102 too new
//   SQLite::Transaction tx(db.value().sql());          // every write in one transaction
#pragma once

#include "billijk/result.hpp"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>
#include <string>

namespace billijk::store {

/// The schema version this binary writes and understands (the number of migrations).
int latest_schema_version();

/// The SQL of migration `number` (1-based, at most latest_schema_version()).
char const* migration_sql(int number);

class Database {
  public:
    /// Opens and migrates the database at `path`. When it does not exist, `create` makes it (and
    /// its directory); otherwise that is S0101, so that a mistyped --db is not an empty store.
    static Result<Database> open(std::filesystem::path const& path, bool create = true);

    SQLite::Database& sql() { return *db_; }
    std::filesystem::path const& path() const { return path_; }
    int schema_version() const { return version_; }

  private:
    Database(std::unique_ptr<SQLite::Database> db, std::filesystem::path path, int version)
        : db_(std::move(db)), path_(std::move(path)), version_(version) {}
    std::unique_ptr<SQLite::Database> db_;
    std::filesystem::path path_;
    int version_ = 0;
};

/// A failed Result from a SQLite exception or any other failure of a store operation: S0103
/// with the database path and what was being done ("storing the indication: disk I/O error").
Diagnostics store_failure(std::filesystem::path const& path, std::string const& doing,
                          std::string const& what);

} // namespace billijk::store
