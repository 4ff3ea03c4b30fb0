// What the store verbs share: where the database is (--db FILE, else
// $XDG_DATA_HOME/billijk/billijk.db, else ~/.local/share/billijk/billijk.db), the pseudonym key
// (--key-file FILE, else $BILLIJK_PSEUDONYM_KEY), the time of a write, and how store errors are
// printed ("billijk replay: error[S0107]: billijk.db: there is no indication 99").
#pragma once

#include "store/database.hpp"
#include "store/pseudonym.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace billijk::cli {

/// The database file; nullopt when neither --db, XDG_DATA_HOME nor HOME is set.
std::optional<std::filesystem::path> database_path(std::optional<std::string> const& flag);

/// The key from --key-file, else from BILLIJK_PSEUDONYM_KEY; S0104 when neither is set, the
/// file cannot be read or the key is too short.
Result<store::PseudonymKey> pseudonym_key(std::optional<std::string> const& key_file);

/// Opens the database named by --db (or the default), printing why not; nullopt on failure.
/// Only `create` (indicate --store) makes a new one; the other verbs need an existing store.
std::optional<store::Database> open_database(std::optional<std::string> const& flag,
                                             std::string const& command, bool create = false);

/// "command: error[S0107]: message" for each diagnostic (store diagnostics have no span).
void print_store_errors(std::string const& command, Diagnostics const& diagnostics);

/// A record id (a positive number), or nullopt.
std::optional<std::int64_t> parse_record_id(std::string const& text);

/// The one indication id a store verb takes (`billijk replay 17`): the positional arguments
/// must be exactly that. Otherwise prints why, with `example` ("billijk replay 17"), and
/// returns nullopt (a usage error).
std::optional<std::int64_t> indication_id_argument(std::vector<std::string> const& positional,
                                                   std::string const& command,
                                                   std::string const& example);

/// The current UTC time, "2024-05-01T10:00:00Z": when a record was written (audit log only).
std::string now_utc();

/// Today's UTC date, "2024-05-01".
std::string today_utc();

} // namespace billijk::cli
