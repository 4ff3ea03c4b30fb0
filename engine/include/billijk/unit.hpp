// Units of measure as types.
//
// A `Unit` is a product of powers of base units (eur, hour, minute, day, week, fourweeks,
// month, year, etmaal, zone, km, ride, meal). Multiplying and dividing quantities multiplies and
// divides their units; adding needs equal units. `percent` is dimensionless with a flag that
// only affects display. There are no implicit conversions: 60 minutes/hour is a parameter.
//
//   Unit rate = *Unit::parse_word("eur") / *Unit::parse_word("hour");
//   Unit hours_per_week = *Unit::parse_word("hours") / *Unit::parse_word("week");
//   (rate * hours_per_week).to_string();   // "eur/week"
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace billijk {

// clang-format off
enum class BaseUnit : std::uint8_t {
    eur, hour, minute, day, week, fourweeks, month, year, etmaal, zone, km, ride, meal,
};
// clang-format on
inline constexpr std::size_t base_unit_count = 13;

class Unit {
  public:
    Unit() = default; ///< dimensionless ("count")
    static Unit of(BaseUnit base);
    static Unit percent();
    /// "eur", "hours", "hour", "weeks", ... → the base unit; "count" → dimensionless;
    /// "percent" → percent. Unknown words give nullopt.
    static std::optional<Unit> parse_word(std::string_view word);
    /// A unit expression as written in rules, cases and plugins: unit words joined by '*' and
    /// '/', read left to right ("eur/hour", "hours/week", "eur/hour*hour"). nullopt when a word
    /// is unknown or the text is empty.
    static std::optional<Unit> parse(std::string_view text);
    /// True for every word parse_word accepts (they are reserved in the rule language).
    static bool is_unit_word(std::string_view word);

    bool is_dimensionless() const;
    bool is_percent() const { return percent_ && is_dimensionless(); }
    int exponent(BaseUnit base) const { return exps_[static_cast<std::size_t>(base)]; }

    /// Canonical text: "eur/hour", "hours/week", "eur/year", "zones/year", "etmalen", "eur",
    /// "count", "percent", "eur*hours/week". Base units in declaration order; numerator words
    /// plural (eur, km and fourweeks have no plural; etmaal → etmalen), joined by '*';
    /// denominator words singular, each after its own '/'. A power is its word repeated:
    /// hour^2 → "hours*hours", eur/hour^2 → "eur/hour/hour" (so the text parses back as a unit
    /// expression). Without a numerator: "count/week". Dimensionless: "count" or "percent".
    std::string to_string() const;
    /// Appends to_string() to `out` (an explained value renders its unit for every node).
    void append_to(std::string& out) const;

    /// Products keep the percent flag when either side has it; a quotient keeps it only when
    /// the dividend has it and the divisor does not (percent/percent is a plain count).
    /// The flag only matters for display, and only while the unit is dimensionless.

    friend Unit operator*(Unit const& a, Unit const& b);
    friend Unit operator/(Unit const& a, Unit const& b);
    /// Same dimensions (the percent flag is ignored).
    friend bool operator==(Unit const& a, Unit const& b) { return a.exps_ == b.exps_; }

  private:
    std::array<std::int8_t, base_unit_count> exps_{};
    bool percent_ = false;
};

} // namespace billijk
