// Exact decimal numbers for money and quantities.
//
// A `Decimal` is an exact rational number (128-bit numerator and denominator, always reduced)
// with a display scale: the number of decimals it was written or rounded with. Arithmetic is
// exact; rounding happens only where a rule asks for it, with a named mode and step. Overflow and
// division by zero are reported, never wrapped or hidden. There is no binary floating point here.
//
//   auto rate = *Decimal::parse("45.00");                 // scale 2
//   auto share = *Decimal::parse("0.6");
//   auto cap = mul(share, rate).value->round(*Decimal::parse("0.01"), Rounding::half_up);
//   cap.value->to_string();                                // "27.00"
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace billijk {

/// Signed 128-bit integer (a GCC/Clang extension; `__extension__` keeps -Wpedantic quiet).
__extension__ using Int128 = __int128;

enum class Rounding {
    half_up,   ///< ties away from zero ("afronden op hele centen", rekenkundig)
    half_even, ///< ties to the even neighbour (bankers' rounding)
    down,      ///< towards zero: truncation ("afkappen")
    up,        ///< away from zero ("naar boven afronden")
};
std::string_view to_string(Rounding mode);
std::optional<Rounding> rounding_from_name(std::string_view name); ///< "half_up", ...

enum class ArithError { overflow, division_by_zero, invalid_step };
std::string_view to_string(ArithError error);

class Decimal;
struct Checked; // defined after Decimal: std::optional needs a complete type

class Decimal {
  public:
    Decimal() = default; ///< zero, scale 0
    static Decimal from_int(std::int64_t v);
    /// Parses "-12", "45.00", "0.6". No exponent, no thousands separators, at most 18
    /// decimals. The scale is the number of digits after the point.
    static std::optional<Decimal> parse(std::string_view text);
    /// True when `text` has the form parse reads (-?[0-9]+(\.[0-9]+)?), whatever its size: such
    /// a text that parse refuses is out of range (too large, or more than 18 decimals).
    static bool has_decimal_form(std::string_view text);

    Int128 numerator() const { return num_; }
    Int128 denominator() const { return den_; }
    int scale() const { return scale_; }
    Decimal with_scale(int scale) const; ///< same value, other display scale

    bool is_zero() const { return num_ == 0; }
    bool is_negative() const { return num_ < 0; }
    /// True when the value has a finite decimal expansion (denominator 2^a 5^b).
    bool is_finite_decimal() const;

    /// Round to a multiple of `step` (> 0) with `mode`; the result's scale is the step's.
    Checked round(Decimal const& step, Rounding mode) const;

    /// Exact decimal text with max(scale, digits needed) decimals: "27.00", "-0.5".
    /// A value without a finite expansion is shown with 6 decimals (rounded half-up) and
    /// a trailing "…", e.g. "2.083333…"; callers that need exactness check is_finite_decimal().
    std::string to_string() const;
    /// Appends to_string() to `out` (an explained value renders a number per node).
    void append_to(std::string& out) const;

    friend bool operator==(Decimal const& a, Decimal const& b) {
        return a.num_ == b.num_ && a.den_ == b.den_;
    }
    friend std::strong_ordering operator<=>(Decimal const& a, Decimal const& b);

    friend Checked add(Decimal const& a, Decimal const& b); ///< scale = max
    friend Checked sub(Decimal const& a, Decimal const& b); ///< scale = max
    friend Checked mul(Decimal const& a, Decimal const& b); ///< scale = min(sum, 18)
    friend Checked div(Decimal const& a, Decimal const& b); ///< scale = max; error on zero
    friend Decimal negate(Decimal const& a);

  private:
    Int128 num_ = 0;
    Int128 den_ = 1;
    int scale_ = 0;
    friend class DecimalBuilder;
};

/// Outcome of a checked operation: a value, or why there is none.
struct Checked {
    std::optional<Decimal> value;
    ArithError error = ArithError::overflow; ///< meaningful only when !value
};

} // namespace billijk
