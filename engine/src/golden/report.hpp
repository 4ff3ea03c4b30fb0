// The output of `billijk golden run`: one block per case (PASS/FAIL with the value diff, the
// explanation diff, the text diff and the hand-check mismatches), a summary line, and the
// coverage report; as text, or as one JSON document (sorted keys).
#pragma once

#include "golden/coverage.hpp"
#include "golden/verdict.hpp"

#include <optional>
#include <string>
#include <vector>

namespace billijk::golden {

struct RunSummary {
    std::size_t cases = 0, passed = 0, failed = 0, hand_failures = 0, updated = 0, refused = 0;
    std::size_t files_written = 0;
    bool update = false;
};

RunSummary summarize(std::vector<CaseVerdict> const& verdicts, bool update);

/// "PASS name" or "FAIL name" and what differs; with --update "UPDATED name" and the files.
std::string case_text(CaseVerdict const& verdict, bool update);
std::string summary_text(RunSummary const& summary);
std::string coverage_text(CoverageReport const& report, std::size_t cases);

/// Everything as one JSON document: {"cases": [...], "summary": {...}, "coverage": {...}}.
std::string run_json(std::vector<CaseVerdict> const& verdicts, RunSummary const& summary,
                     std::optional<CoverageReport> const& coverage);

} // namespace billijk::golden
