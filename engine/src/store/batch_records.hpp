// Storing a whole batch run (`billijk batch --store`, docs/batch.md): many indications under one
// rule set and one set of plugins, committed a group at a time.
//
// The run's shared parts (key check, rule texts, plugin files and their set) and a run record are
// written in one first transaction. Each indication is then prepared outside any transaction
// (pseudonymised, checked for a BSN in clear, hashed) by the worker threads, and the writer commits
// groups of prepared indications in input order, each group in one IMMEDIATE transaction that also
// moves the run record's `last_line` forward. A crash therefore loses at most the uncommitted group
// and never leaves an indication without its case or audit entry; the run record says how far the
// run got. Run records live in the `meta` table under `batch_run:NNNNNN` (docs/store.md).
//
//   auto run = store::BatchRun::begin(db, setup, key, now);          // S0103, S0105
//   auto prepared = store::prepare_indication(case_tree, indication, output, key);  // any thread
//   run.value().commit(group, last_line, now);                       // one transaction
//   run.value().finish(last_line, now);
#pragma once

#include "billijk/indication.hpp"
#include "store/database.hpp"
#include "store/output_codec.hpp"
#include "store/pseudonym.hpp"
#include "store/records.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace billijk::store {

/// What every indication of a run shares.
struct BatchRunSetup {
    std::string input_name; ///< the input file's name (without directory), for the run record
    std::vector<RuleFile> rule_files;
    std::vector<PluginFile> plugins; ///< every loaded plugin; `bound` is per indication
    std::optional<std::string> date_option;
    /// Trained on the run's first outputs (batch/dictionary_sample.hpp), kept in the store
    /// with the run, and used for every output of the run; none for a short input.
    std::optional<OutputDictionary> dictionary;
};

/// One indication made ready for storing, without touching the database.
struct PreparedIndication {
    std::size_t line = 0; ///< input line
    PseudonymisedCase stored_case;
    std::string case_sha256;
    std::string reference_date, engine, fingerprint;
    /// The exact bytes of the result line's indication (`indicate --format json` on one line),
    /// as replay recomputes them, encoded for storing (store/output_codec.hpp); the hash is of
    /// the JSON bytes.
    std::string output, output_encoding;
    std::string output_sha256;
    std::string bound_plugins; ///< of the plugins the indication names (bound_plugins_text)
};

/// Pseudonymises (the parsed case, taken), hashes and compresses (with `dictionary` when given:
/// BatchRun::dictionary) one indication (thread-safe). S0106 when a BSN would be stored in
/// clear; S0108 when a rule package of the indication is not among `known_packages` (the
/// "sha256:…" hashes of the run's rule texts and plugin rule sources).
Result<PreparedIndication> prepare_indication(io::JsonNode case_tree, Indication const& indication,
                                              std::string_view output, PseudonymKey const& key,
                                              std::set<std::string> const& known_packages,
                                              OutputDictionary const* dictionary = nullptr);

/// The run record, as kept in `meta`.
struct BatchRunRecord {
    std::int64_t run = 0;
    std::string input;
    std::string started_at, updated_at;
    std::size_t last_line = 0; ///< every input line up to here is settled in the store
    std::int64_t stored = 0;   ///< indications stored by this run
    std::optional<std::int64_t> first_indication, last_indication;
    bool finished = false;
};

/// Every run record, oldest first.
Result<std::vector<BatchRunRecord>> batch_runs(Database& db);

class BatchRun {
  public:
    /// Writes the shared parts and a new run record in one transaction.
    static Result<BatchRun> begin(Database& db, BatchRunSetup const& setup, PseudonymKey const& key,
                                  std::string const& now);

    std::int64_t number() const { return record_.run; }
    /// The setup's dictionary, once kept in the store; nullptr without one (or when the store
    /// has another under its id: put_output_dictionary).
    OutputDictionary const* dictionary() const { return dictionary_; }
    BatchRunRecord const& record() const { return record_; }

    /// Stores `group` (in order) with its audit entries and moves the run record to
    /// `last_line`, all in one transaction. S0103 on failure: nothing of the group is stored.
    std::optional<Diagnostics> commit(std::vector<PreparedIndication> const& group,
                                      std::size_t last_line, std::string const& now);

    /// Marks the run finished (one small transaction).
    std::optional<Diagnostics> finish(std::size_t last_line, std::string const& now);

  private:
    BatchRun(Database& db, BatchRunSetup const& setup, BatchRunRecord record)
        : db_(&db), setup_(&setup), record_(std::move(record)) {}
    void write_record(SQLite::Database& sql);

    Database* db_;
    BatchRunSetup const* setup_;
    BatchRunRecord record_;
    std::string rule_set_, plugin_set_;
    OutputDictionary const* dictionary_ = nullptr;
};

} // namespace billijk::store
