// A proposed decision (schema billijk.decision/1, docs/review-format.md): one case and what the
// case worker proposes for one of its requests. The decision readers (decision_jsonl,
// decision_csv) produce these, or a LineError naming the line and field for a malformed line.
#pragma once

#include "billijk/case.hpp"

#include <optional>
#include <string>
#include <vector>

namespace billijk::review {

/// What the worker proposes for one request. Absent amounts mean "none proposed"; an absent
/// period means "the case's period".
struct Proposal {
    std::string provision;
    std::optional<std::string> form;
    std::string status; ///< "granted" or "refused"
    std::optional<Quantity> quantity;
    std::optional<Quantity> rate;
    std::optional<Quantity> budget;
    std::optional<Period> period;
};

struct ProposedDecision {
    std::size_t line = 0;    ///< 1-based line of the decisions file
    std::string decision_id; ///< the worker's or the system's reference
    Case the_case;
    std::size_t request = 0; ///< index into the_case.requests that the proposal is about
    Proposal proposal;
};

/// A malformed line: "decisions.jsonl:7: error: proposal.rate.amount: must be a decimal string".
struct LineError {
    std::size_t line = 0;
    std::string field; ///< JSON path or CSV column; empty when the line as a whole is at fault
    std::string message;
    bool evaluation = false; ///< the rules, not the line, failed (exit 6 rather than 3)
};

struct DecisionFile {
    std::vector<ProposedDecision> decisions;
    std::vector<LineError> errors;
    /// The file's CSV dialect, ',' or ';' (io/csv_dialect.hpp); ',' for JSON Lines. The CSV
    /// report is written in it.
    char separator = ',';
};

} // namespace billijk::review
