// The compression dictionaries of stored outputs (store/output_codec.hpp), kept in the store:
// the dictionary's bytes in `blobs` (by SHA-256), and `meta` key "output_dictionary:ID" naming
// them by the zstd id that every frame compressed with it carries (docs/store.md). No table is
// added, so no schema change: an older build reads such a row as undecodable, with the reason.
//
//   if (store::put_output_dictionary(sql, dict)) ...      // in the run's first transaction
//   store::StoredDictionaries found(db.sql());            // then: decode_output(..., &found)
#pragma once

#include "store/output_codec.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace billijk::store {

/// Inside the caller's transaction: keeps `dictionary`. False when the store already has a
/// different dictionary under the same id (the ids are 31-bit hashes), in which case the caller
/// compresses without one; true when this one is kept (or already was).
bool put_output_dictionary(SQLite::Database& sql, OutputDictionary const& dictionary);

/// The store's dictionaries, read when a frame first names one and kept for the next.
class StoredDictionaries final : public DictionaryFinder {
  public:
    explicit StoredDictionaries(SQLite::Database& sql) : sql_(&sql) {}
    /// Nullptr with `why` when the store has no such dictionary, or its bytes no longer match
    /// their hash.
    OutputDictionary const* find(std::uint32_t id, std::string& why) override;

  private:
    SQLite::Database* sql_;
    std::map<std::uint32_t, OutputDictionary> found_;
};

} // namespace billijk::store
