// One input line of `billijk batch`: read the case (JSON Lines or CSV), indicate it, and make
// its output line (docs/batch.md, "Output") and, with --store, its prepared store record. Safe
// to call from several threads at once: it only reads the shared rule set and options.
//
//   batch::LineWork work{rules, options};
//   batch::LineResult r = work.process(record);    // r.output: one line of JSON, no newline
#pragma once

#include "batch/csv_case.hpp"
#include "batch/reader.hpp"

#include "billijk/engine.hpp"
#include "io/json_tree.hpp"
#include "store/batch_records.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace billijk::batch {

/// What `--out` is: JSON Lines (the whole indication per line) or CSV (a row per provision,
/// batch/result_csv.hpp), chosen by the file's extension.
enum class OutputFormat { jsonl, csv };

struct LineResult {
    std::size_t line = 0;
    bool indicated = false;
    /// JSON Lines: {"indication":…,"line":N} or {"errors":[…],"line":N}; CSV: its rows.
    std::string output;
    std::vector<Diagnostic> problems;                       ///< why the line gave no indication
    std::size_t granted = 0, refused = 0, undetermined = 0; ///< provisions by status
    std::optional<store::PreparedIndication> stored;        ///< with --store
};

struct LineWork {
    RuleSet const& rules;
    InputFormat format = InputFormat::jsonl;
    CsvColumns const* csv = nullptr; ///< the validated header (CSV only)
    IndicateOptions options;
    bool explain = true; ///< false: --no-explain
    OutputFormat output = OutputFormat::jsonl;
    char output_separator = ','; ///< CSV output: the input CSV's separator, else ','
    store::PseudonymKey const* store_key = nullptr;        ///< set with --store
    std::set<std::string> const* known_packages = nullptr; ///< with --store
    store::OutputDictionary const* dictionary = nullptr;   ///< with --store: the run's, if any

    LineResult process(InputRecord const& record) const;

    /// The output as --store keeps it (the result line's indication: `indicate --format json`
    /// on one line, without explanations with --no-explain), or nullopt for a line that gives
    /// no indication: what a run's compression dictionary is trained on (dictionary_sample.hpp).
    std::optional<std::string> stored_output(InputRecord const& record) const;

  private:
    /// The record's case, parsed once (read, fingerprinted and, with --store, pseudonymised),
    /// and its indication with the fingerprint.
    struct Indicated {
        io::JsonParseResult parsed;
        Indication indication;
    };
    Result<Indicated> indicate_record(InputRecord const& record) const;
};

/// The error record of a line: {"errors":[{"id":…,"message":…}],"line":N}.
std::string error_line(std::size_t line, std::vector<Diagnostic> const& problems);

} // namespace billijk::batch
