// Which roundings turn an exact value into a published one: the explanations `billijk tables
// verify` offers for a published value that does not follow from its rule.
//
//   auto exact = *Decimal::parse("5323.875");
//   auto fits = tables::roundings_giving(exact, *Decimal::parse("5323.87"));
//   // fits: {down, 0.01}: truncation at cents (half-up, half-even and up give 5323.88)
//   tables::describe(fits[0]);   // "truncation (down) to cents"
//
// The candidates are the engine's four modes (rule language `round(x, step, mode)`): down
// (towards zero: truncation), half_up (ties away from zero), half_even (ties to the even
// neighbour), up (away from zero); each at three steps: cents (0.01), dimes (0.10), whole euros
// (1). For a negative value "down" and "up" keep their meaning towards / away from zero.
#pragma once

#include "billijk/decimal.hpp"

#include <string>
#include <vector>

namespace billijk::tables {

struct Way {
    Rounding mode = Rounding::half_up;
    Decimal step;
    friend bool operator==(Way const&, Way const&) = default;
};

/// Every candidate rounding, in the order they are tried and reported: per step (cents, dimes,
/// euros), per mode (down, half_up, half_even, up).
std::vector<Way> const& candidate_ways();

/// The candidates that round `exact` to exactly `published` (by value; scale is ignored).
std::vector<Way> roundings_giving(Decimal const& exact, Decimal const& published);

/// "truncation (down) to cents", "half-up to whole euros", "half-even to dimes", "up to cents".
std::string describe(Way const& way);

/// The rule language's spelling: "round(…, 0.01, down)" → "0.01, down".
std::string rule_spelling(Way const& way);

} // namespace billijk::tables
