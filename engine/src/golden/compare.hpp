// Comparing a case's run with its stored expectations, and --update (writing them).
//
//   auto verdict = golden::compare_case(c, out);     // files, values, explanation, hand check
//   if (update && verdict.value().updatable()) golden::update_expectations(c, out, verdict);
#pragma once

#include "golden/case_dirs.hpp"
#include "golden/run_case.hpp"
#include "golden/verdict.hpp"

namespace billijk::golden {

/// The verdict for one case. A malformed extra.expect is an error naming the file and the
/// field (G0004).
Result<CaseVerdict> compare_case(CaseDir const& c, CaseOutput const& out);

/// Writes the expectation files that are missing or differ, each atomically (a temporary file
/// in the same directory, renamed over the old one), and records them in `verdict.written`.
/// Refuses — writes nothing and says why in `verdict.refused` — when the run is not updatable
/// (a hand-check mismatch, not reproducible, the outcome changed kind). A write that fails is an
/// error (G0005) naming the file.
Result<bool> update_expectations(CaseDir const& c, CaseOutput const& out, CaseVerdict& verdict);

} // namespace billijk::golden
