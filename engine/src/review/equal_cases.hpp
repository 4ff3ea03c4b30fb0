// The equal-case audit ("gelijke gevallen, gelijk pgb"; docs/committee.md): decisions whose cases
// are equal — same municipality, law, provision, form, rule packages and need key
// (need_profile.hpp) — are grouped, and a group whose decided (proposed) budgets differ is a
// finding. For each such group the non-need inputs whose values differ between its members are
// named: they drove the difference (e.g. the rate the family asked for). When none differs, the
// difference lies in the proposals themselves.
#pragma once

#include "billijk/case.hpp"
#include "review/need_profile.hpp"

#include <optional>
#include <string>
#include <vector>

namespace billijk::review {

/// One decision as the audit sees it.
struct AuditEntry {
    std::string scope; ///< "GM0489 jeugdwet begeleiding_individueel pgb <rule hashes>"
    NeedProfile profile;
    std::optional<Quantity> decided_budget; ///< what the worker proposes
    std::optional<Quantity> engine_budget;
};

struct Driver {
    std::string input;               ///< "request.rate"
    std::vector<std::string> values; ///< per member, in member order; "" when not read
};

struct EqualCaseGroup {
    std::vector<std::size_t> members; ///< indices into the audited entries, in input order
    std::vector<NeedItem> key;        ///< what the members agree on
    bool budgets_differ = false;
    std::vector<Driver> drivers; ///< non-need inputs that differ, by name
    /// Highest minus lowest decided budget, when every member has one in the same unit.
    std::optional<Quantity> spread;
};

/// Groups of two or more equal cases, ordered by their first member.
std::vector<EqualCaseGroup> group_equal_cases(std::vector<AuditEntry> const& entries);

} // namespace billijk::review
