// Runtime values: a determined constant (bool, number with unit, date, text, enumeration member)
// or *undetermined* with the reasons why ("missing request.rate"). Undetermined is a value, not
// an error: it spreads through every computation that uses it.
//
//   Value v = Value::of(scalar);
//   Value u = Value::undetermined({"missing fact pgb_capable"});
//   u.to_string();   // "undetermined: missing fact pgb_capable"
#pragma once

#include "sema/ir.hpp"

#include <optional>
#include <string>
#include <vector>

namespace billijk::eval {

struct Value {
    std::optional<sema::Scalar> scalar; ///< absent = undetermined
    std::vector<std::string> reasons;   ///< why undetermined, each once, in order found

    static Value of(sema::Scalar s) { return {std::move(s), {}}; }
    static Value undetermined(std::vector<std::string> why) {
        return {std::nullopt, std::move(why)};
    }
    static Value undetermined(std::string why) { return undetermined(std::vector{std::move(why)}); }
    static Value boolean(bool b);
    static Value number(Decimal d, Unit u);

    bool determined() const { return scalar.has_value(); }
    /// "27.00 eur/hour", "60%", "true", "2017-06-01", "informal",
    /// "undetermined: missing request.rate; missing fact x".
    std::string to_string() const;
    /// Appends to_string() to `out`.
    void append_to(std::string& out) const;
};

/// Adds the reasons of `from` to `into` (each reason once).
void add_reasons(std::vector<std::string>& into, std::vector<std::string> const& from);

} // namespace billijk::eval
