// Intervals over exact decimals with open, closed and infinite ends, for the table checks
// (overlapping rows, gaps in a range column). Dates are compared by their day number.
//
//   Interval a = Interval::of(cell);            // "-" is (-inf, +inf), a value v is [v, v]
//   if (intersects(a, b)) ...
//   for (auto gap : gaps(intervals, hull)) ...   // the parts of hull no interval covers
#pragma once

#include "sema/ir.hpp"

#include <optional>
#include <string>
#include <vector>

namespace billijk::sema {

struct Bound {
    std::optional<Decimal> value; ///< absent = infinite (towards -inf for lower, +inf for upper)
    bool closed = false;
};

struct Interval {
    Bound lower, upper;
    /// The values a cell matches, when it is comparable (number or date); `any` → everything.
    static Interval of(Cell const& cell);
    bool empty() const;
    std::string to_string() const; ///< "[3, 5)", "[18, )", "(, 0)"
};

/// The key a scalar is ordered by: its number, or its day number for a date.
std::optional<Decimal> order_key(Scalar const& s);

bool intersects(Interval const& a, Interval const& b);
/// The smallest interval holding every given one (nullopt for none).
std::optional<Interval> hull(std::vector<Interval> const& intervals);
/// The maximal parts of `domain` that no interval covers, in order.
std::vector<Interval> gaps(std::vector<Interval> intervals, Interval const& domain);

} // namespace billijk::sema
