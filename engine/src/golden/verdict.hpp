// What `billijk golden run` finds for one golden case: the files that differ from their
// expectations, and for an indication the differences in values and in the explanation, the
// hand-check mismatches and the problems that make the run unusable as a new expectation.
//
//   auto out = golden::run_case(rules, sources, dir);       // golden/run_case.hpp
//   auto verdict = golden::compare_case(dir, out.value());  // golden/compare.hpp
//   if (!verdict.passed()) ... golden::write_text(verdict)  // golden/report.hpp
#pragma once

#include <string>
#include <vector>

namespace billijk::golden {

/// One reported value of the indication that changed: "begeleiding_individueel.budget".
struct ValueChange {
    std::string path;
    std::string expected; ///< "8320.00 eur/year", "(none)" when absent
    std::string actual;
};

/// One field of an explanation node that changed.
struct FieldChange {
    std::string field; ///< "value", "formula", "expression", "package", "cites", "note"
    std::string expected;
    std::string actual;
};

/// One node of an explanation tree that changed, appeared or disappeared.
struct NodeChange {
    enum class Kind { changed, added, removed };
    Kind kind = Kind::changed;
    std::string provision;           ///< the provision whose explanation holds the node
    std::string path;                ///< names from the provision down: "budget > hourly_rate"
    std::string node;                ///< "rule hourly_rate [barendrecht.jeugd]"
    std::string value;               ///< added/removed: the node's value
    std::size_t size = 1;            ///< added/removed: nodes in the subtree
    std::vector<FieldChange> fields; ///< changed: what changed
};

/// An expectation file that is missing or differs.
struct FileMismatch {
    std::string file; ///< "expected.json"
    bool missing = false;
    std::string diff; ///< compact unified diff (empty when missing)
};

struct CaseVerdict {
    std::string name; ///< the case directory as discovered
    std::vector<FileMismatch> files;
    std::vector<ValueChange> values;
    std::vector<NodeChange> explanation;
    /// The rules disagree with the human calculation in case.json extra.expect: worse than a
    /// stale expectation, and never accepted by --update.
    std::vector<std::string> hand;
    /// The run itself is wrong: not reproducible, outcome kind changed (indication ↔ error),
    /// unexpected stderr. Never accepted by --update.
    std::vector<std::string> problems;
    /// --update: files written, or why nothing was written.
    std::vector<std::string> written;
    std::string refused;

    bool passed() const { return files.empty() && hand.empty() && problems.empty(); }
    /// True when an --update may write this run's outputs as the new expectations.
    bool updatable() const { return hand.empty() && problems.empty(); }
};

} // namespace billijk::golden
