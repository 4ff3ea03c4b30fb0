// Running one golden case in process, exactly as `billijk indicate CASE --format json` and
// `--format text --lang nl|en` would in the case directory (run_golden.py runs those commands):
// the outputs come back as the expectation files hold them.
//
//   auto out = golden::run_case(rules, sources, case_dir);
//   out.value().files["expected.json"]   // or "expected.stderr" + "expected.exit" on failure
#pragma once

#include "billijk/engine.hpp"
#include "golden/case_dirs.hpp"

#include <map>
#include <optional>
#include <string>

namespace billijk::golden {

/// The exit codes of `billijk indicate` that a golden case may expect (cli/exit_codes.hpp).
inline constexpr int indicate_exit_bad_input = 3;
inline constexpr int indicate_exit_eval_error = 6;

struct CaseOutput {
    /// What the expectation files must hold, by file name: expected.json, expected.nl.txt and
    /// expected.en.txt for an indication; expected.stderr and expected.exit when indicate fails.
    std::map<std::string, std::string> files;
    /// The indication (for coverage), absent when indicate failed.
    std::optional<Indication> indication;
    /// The case file as read (its extra.expect holds the hand-calculated values).
    std::optional<std::string> case_text;
    /// A second run gave different JSON.
    bool reproducible = true;
};

/// Runs the case. An unreadable case file is an error (G0003); a case the engine rejects is a
/// normal outcome (expected.stderr, expected.exit).
Result<CaseOutput> run_case(RuleSet const& rules, SourceSet const& sources, CaseDir const& c);

/// A plugin's SHA-256 depends on the compiler and build directory: when the indication names
/// plugins, their SHA-256 and the fingerprint (which covers them) become 64 zeros.
std::string build_independent(std::string text, Indication const& indication);

} // namespace billijk::golden
