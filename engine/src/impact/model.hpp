// The impact of a draft rule set on a set of cases (`billijk impact`, docs/impact.md): per
// requested provision the indication under the base rules and under the draft, what changed,
// and which rules caused it; totals per municipality and provision; the distribution of the
// yearly budget changes. Plain data: compare.hpp fills it, totals.hpp sums it, report.hpp
// writes it.
#pragma once

#include "billijk/case.hpp"

#include <optional>
#include <string>
#include <vector>

namespace billijk::impact {

/// One provision's outcome under one rule set.
struct Outcome {
    std::string status; ///< "granted", "refused", "undetermined", or "error" (no indication)
    std::optional<Quantity> quantity;
    std::optional<Quantity> rate;
    std::optional<Quantity> budget;
    std::string error; ///< when status is "error": the rendered diagnostics, one line each
};

/// A deepest node of the derivation whose value differs between base and draft.
struct RuleChange {
    std::string kind;       ///< "rule", "parameter", "table", "input", ...
    std::string name;       ///< "hourly_rate"
    std::string package;    ///< the package that decided under the draft (else under the base)
    std::string cites;      ///< its article
    std::string before;     ///< rendered value under the base
    std::string after;      ///< rendered value under the draft
    bool redefined = false; ///< the definition itself differs (expression or deciding package)
};

struct ProvisionImpact {
    std::string case_id;
    std::string municipality; ///< CBS code
    std::string provision;
    std::string source; ///< the case file, or "store:indication N"
    Outcome before, after;
    /// after − before when both have a budget in the same unit.
    std::optional<Quantity> budget_change;
    bool changed = false; ///< status, quantity, rate or budget differs
    std::vector<RuleChange> rules;
};

/// Per municipality and provision.
struct Total {
    std::string municipality;
    std::string provision;
    int cases = 0;
    int changed = 0;
    int up = 0;             ///< budget higher under the draft
    int down = 0;           ///< budget lower under the draft
    int status_changed = 0; ///< granted/refused/undetermined/error differs
    int quantity_changed = 0;
    int rate_changed = 0;
    /// Sum of the yearly budgets (unit eur/year) present under each rule set.
    Decimal budget_before;
    Decimal budget_after;
    int budgets_before = 0, budgets_after = 0; ///< how many budgets each sum holds
};

/// A bucket of yearly budget changes, e.g. "-2000.00 to -1000.00".
struct Bucket {
    std::string label;
    int count = 0;
};

struct Report {
    std::string base;                  ///< the base rules directory as given
    std::string draft;                 ///< the draft directory as given
    std::string date;                  ///< --date as given; empty: each case's decision date
    std::vector<ProvisionImpact> rows; ///< in input order
    std::vector<Total> totals;         ///< sorted by municipality, provision
    std::vector<Bucket> distribution;  ///< in bucket order, all buckets
};

} // namespace billijk::impact
