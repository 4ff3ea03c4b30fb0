// Stored indications: what `billijk indicate --store` records and `billijk replay` reads back.
//
// An indication is stored with everything needed to recompute it years later: the case (BSNs
// pseudonymised, pseudonym.hpp), the text of every rule file of the rule set (deduplicated by
// SHA-256), every plugin library file that was loaded (manifest plus the file's bytes, by
// SHA-256, kept once per distinct set of plugins), the --date option, and the exact bytes of the
// JSON output. Writing is one transaction that ends with the indication's audit entry (audit.hpp).
//
//   auto id = store::store_indication(db, record, key, now);     // the new indication's id
//   auto back = store::load_indication(db, id.value());           // S0107 when absent
#pragma once

#include "store/database.hpp"
#include "store/pseudonym.hpp"
#include "store/record_reader.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace billijk::store {

struct RuleFile {
    std::string path; ///< relative to the rules directory, '/'-separated: "barendrecht/jeugd.rules"
    std::string text;
};

struct PluginFile {
    std::string file_name; ///< the library's file name when it was loaded: "barendrecht.so"
    std::string sha256;    ///< of bytes, 64 hex digits
    std::string name, municipality, version, abi;
    std::string bytes;  ///< the library file
    bool bound = false; ///< named in the indication's plugins list
};

/// What an indication was computed from and what it gave.
struct IndicationRecord {
    std::string case_text; ///< as read; pseudonymised before anything is written
    std::vector<RuleFile> rule_files;
    std::vector<PluginFile> plugins;
    std::optional<std::string> date_option; ///< --date as given
    std::string reference_date;
    std::string engine;
    std::string fingerprint;
    std::string output; ///< the exact JSON output bytes
};

/// "sha256:" + SHA-256 over the (path, file hash) list, sorted by path.
std::string rule_set_hash(std::vector<RuleFile> const& files);

/// Inside the caller's transaction: S0105 unless the database's pseudonym key check is this
/// key's; the first store sets it.
std::optional<Diagnostics> check_key(SQLite::Database& db, PseudonymKey const& key,
                                     std::filesystem::path const& path);

/// Inside the caller's transaction: the rule set's row and its file texts (once per rule set,
/// by rule_set_hash), and each plugin's manifest and library bytes (once per file hash).
void put_rule_set(SQLite::Database& sql, std::vector<RuleFile> const& files);
void put_plugins(SQLite::Database& sql, std::vector<PluginFile> const& plugins);
/// Inside the caller's transaction: `bytes` in the content-addressed blobs, unless already there.
void put_blob(SQLite::Database& sql, std::string const& sha256, std::string const& bytes);

/// "sha256:" over the plugins' manifests and file hashes, sorted by file hash: the key of a
/// plugin set (schema 4), so that equal sets of plugins are stored once.
std::string plugin_set_hash(std::vector<PluginFile> const& plugins);

/// Inside the caller's transaction, after put_plugins: the set of `plugins` and its members
/// (once per set). Returns the set's hash.
std::string put_plugin_set(SQLite::Database& sql, std::vector<PluginFile> const& plugins);

/// The `bound_plugins` column: the bound plugins' file hashes, sorted, comma-separated.
std::string bound_plugins_text(std::set<std::string> const& bound);

/// What an indication's audit entry records (rows of schema 4 and later). The writer fills it
/// from what it writes; audit verify from the rows, with every hash recomputed from the bytes.
struct IndicationAuditFacts {
    std::int64_t id = 0;
    std::optional<std::string> date_option;
    std::string reference_date, engine, fingerprint;
    std::string output;    ///< "sha256:…" of the JSON bytes ("undecodable: why" when verifying)
    std::string case_hash; ///< "sha256:…" of the pseudonymised case JSON
    std::string case_id;
    std::string rule_set, plugin_set;
    std::string bound_plugins; ///< as in the column
};

/// The entry's content, as stored (compact JSON, sorted keys): one builder for the writers and
/// the verifier, so the two cannot drift.
std::string indication_audit_text(IndicationAuditFacts const& facts);
/// The same content parsed, as the verifier compares it with a stored entry.
nlohmann::json indication_audit_json(IndicationAuditFacts const& facts);

/// Stores an indication (one transaction, audit entry included) and returns its id. Refuses
/// with S0105 when the database was started with another pseudonym key, S0106 when the BSN
/// would be stored in clear; S0103 when the write fails (nothing is written then).
Result<std::int64_t> store_indication(Database& db, IndicationRecord const& record,
                                      PseudonymKey const& key, std::string const& recorded_at);

struct StoredIndication {
    std::int64_t id = 0;
    std::string case_json; ///< pseudonymised
    std::string case_id;
    std::string rule_set;
    std::vector<RuleFile> rule_files;
    std::vector<PluginFile> plugins;
    std::optional<std::string> date_option;
    std::string reference_date;
    std::string engine;
    std::string fingerprint;
    std::string output;
};

/// Reads an indication back with its rule texts and plugin files. S0107 when there is none.
Result<StoredIndication> load_indication(Database& db, std::int64_t id);

/// The audit content of indication `id`, recomputed from its rows and the bytes they point to
/// (hashes of the output, the case, the rule texts and the plugin files). The reader keeps the
/// statements and the hashes of rule sets and plugin files for the next indication. Throws
/// SQLite::Exception; absent when there is no such row.
std::optional<nlohmann::json> indication_audit_content(RecordReader& reader, std::int64_t id);

} // namespace billijk::store
