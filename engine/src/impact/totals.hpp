// Totals of an impact run: per municipality and provision, and the distribution of the yearly
// budget changes over fixed buckets (so that two runs can be compared bucket by bucket).
//
//   auto totals = impact::totals_of(rows);           // E1101 when a sum overflows
//   auto buckets = impact::distribution_of(rows);
#pragma once

#include "billijk/result.hpp"
#include "impact/model.hpp"

#include <vector>

namespace billijk::impact {

/// Sorted by municipality, then provision. Budget sums hold only budgets in eur/year.
Result<std::vector<Total>> totals_of(std::vector<ProvisionImpact> const& rows);

/// The bucket edges in eur/year: a change c falls in "below -2000.00" (c < -2000), "-2000.00 to
/// -1000.00" (-2000 <= c < -1000), "-1000.00 to 0.00" (-1000 <= c < 0), "no change" (c = 0),
/// "0.00 to 1000.00" (0 < c <= 1000), "1000.00 to 2000.00" (1000 < c <= 2000) or "above
/// 2000.00" (c > 2000). Rows without a yearly budget on both sides are not counted.
std::vector<Bucket> distribution_of(std::vector<ProvisionImpact> const& rows);

/// True when `q` is a yearly amount in euro (eur/year).
bool is_yearly_euro(Quantity const& q);

} // namespace billijk::impact
