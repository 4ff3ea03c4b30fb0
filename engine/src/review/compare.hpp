// Compares what a case worker proposes with the engine's indication, field by field: status,
// form, quantity, rate, budget and period. Amounts are compared exactly, and a difference within
// the tolerance is shown but is not a finding; a different unit, or an amount on one side only,
// always is. When both sides refuse, nothing but the status is compared.
#pragma once

#include "billijk/indication.hpp"
#include "io/explain_text.hpp"
#include "review/decision.hpp"
#include "review/tolerance.hpp"

#include <string>
#include <vector>

namespace billijk::review {

enum class Verdict { equal, within_tolerance, deviation };

std::string_view to_string(Verdict v); ///< "equal", "within_tolerance", "deviation"

struct FieldComparison {
    std::string field;      ///< "status", "form", "quantity", "rate", "budget", "period"
    std::string proposed;   ///< "6656.00 eur/year", "granted", "" for none
    std::string engine;     ///< the engine's value in the same notation
    std::string difference; ///< proposed − engine for amounts with the same unit, else ""
    Verdict verdict = Verdict::equal;
    /// Why the engine has its value (derivation_lines), for fields that are not equal.
    std::vector<std::string> explanation;
};

/// Every compared field, in the order status, form, quantity, rate, budget, period.
std::vector<FieldComparison> compare(Proposal const& proposal, ProvisionResult const& engine,
                                     Tolerance const& tolerance, io::Language lang);

/// Compares two optional amounts (the building block of compare, exposed for tests).
FieldComparison compare_amounts(std::string field, std::optional<Quantity> const& proposed,
                                std::optional<Quantity> const& engine, Decimal const& tolerance);

} // namespace billijk::review
