// Reads stored records many times over with one set of prepared statements: what `audit verify`
// uses to recompute the audit content of every indication, decision and review in the log.
//
// Preparing a statement (parsing its SQL, planning it) cost more than running it, and verify
// used to prepare four of them per indication: a million indications took well over five
// minutes. A reader prepares each SQL text once, on its first use, and hands the same statement
// back, reset, for every later record. The single-record paths (storing an indication, a
// decision, a review) use a reader of their own, so the content is computed by one piece of
// code whichever way it is asked for.
//
//   store::RecordReader reader(db.sql());
//   auto& row = reader.statement("SELECT report FROM reviews WHERE id = ?");
//   row.bind(1, id);
//   if (row.executeStep()) ...
//
// A statement is one cursor: do not ask for the same SQL text again while still stepping
// through its rows (the second call resets the first). The reader holds no transaction; keep
// it no longer than the database connection.
#pragma once

#include "store/output_dictionaries.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <map>
#include <memory>
#include <string>

namespace billijk::store {

class RecordReader {
  public:
    explicit RecordReader(SQLite::Database& db) : db_(&db), dictionaries_(db) {}

    /// The statement for `sql`, prepared on the first call and reset on every call, so that it
    /// can be bound and stepped from its first row. Throws SQLite::Exception on bad SQL.
    SQLite::Statement& statement(std::string const& sql);

    /// Hashes worked out once for the records that share them (a rule set's, a plugin file's),
    /// by a key the caller chooses: "rule_set sha256:…", "blob 3f2a…".
    std::map<std::string, std::string>& shared_hashes() { return shared_hashes_; }

    /// A buffer reused from one record to the next (a decoded output): a fresh 60 KB string
    /// per indication made malloc give memory back to the system and take it again each time.
    std::string& scratch() { return scratch_; }

    /// The compression dictionaries of stored outputs, each read once.
    StoredDictionaries& dictionaries() { return dictionaries_; }

  private:
    SQLite::Database* db_;
    // unique_ptr: a Statement can be neither copied nor moved into the map.
    std::map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
    std::map<std::string, std::string> shared_hashes_;
    std::string scratch_;
    StoredDictionaries dictionaries_;
};

} // namespace billijk::store
