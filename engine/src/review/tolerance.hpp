// How far a proposed amount may lie from the engine's before the review calls it a finding:
// `--tolerance budget=1.00,rate=0.00,quantity=0`, each in the field's own unit (euro per year
// for a yearly budget, euro per hour for an hourly rate, hours per week ...). Fields not named
// have tolerance 0: any difference is a finding.
//
//   auto t = parse_tolerance("budget=1.00");      // FieldResult<Tolerance>
//   t.budget == Decimal::parse("1.00")
#pragma once

#include "billijk/decimal.hpp"
#include "review/proposal_fields.hpp"

#include <string_view>

namespace billijk::review {

struct Tolerance {
    Decimal quantity;
    Decimal rate;
    Decimal budget;
};

/// Comma-separated `field=amount` with field quantity, rate or budget (each at most once) and a
/// non-negative decimal amount. An empty text is all zeros.
FieldResult<Tolerance> parse_tolerance(std::string_view text);

} // namespace billijk::review
