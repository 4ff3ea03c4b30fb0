// Which rounding would explain a published value that does not follow from its rule.
//
// The rule is read as `round(X, step, mode)` (its stated rounding) or as a plain X. Tried, in
// this order: X itself (no rounding), X rounded every candidate way (tables/rounding.hpp) instead
// of the stated way ("the end result"), and every arithmetic part of X (a product, quotient, sum
// or difference inside it) rounded every candidate way before the rest of X and the stated
// rounding are applied ("an intermediate"). Every way that gives the published value is a Fit.
//
//   auto a = tables::analyse(probe, rule_decl, published);
//   a.exact;   // X for this row: 5323.875
//   a.fits;    // {end result, truncation (down) to cents}
#pragma once

#include "eval/rule_probe.hpp"
#include "tables/rounding.hpp"

#include <optional>
#include <string>
#include <vector>

namespace billijk::tables {

struct Fit {
    /// Empty: the end result is rounded this way instead of the stated way. Otherwise the source
    /// text of the intermediate that is rounded this way (the stated rounding still follows).
    std::string intermediate;
    std::optional<Way> way; ///< absent: the exact value, without any rounding
};

struct Analysis {
    std::optional<Decimal> exact; ///< X for this row (absent when undetermined)
    std::optional<Way> stated;    ///< the rule's own rounding, when it is `round(X, step, mode)`
    std::vector<Fit> fits;
};

Analysis analyse(eval::RuleProbe& probe, sema::RuleDecl const& rule, Decimal const& published);

/// "truncation (down) to cents of the end result", "half-up to cents of the intermediate
/// `a * b`, then the rest of the rule as stated", "no rounding: the exact value".
std::string describe(Fit const& fit);

} // namespace billijk::tables
