// Exact rationals with checked 128-bit arithmetic; see billijk/decimal.hpp.
//
// Invariants of every Decimal: den_ > 0, gcd(|num_|, den_) == 1, and num_ != INT128_MIN (so that
// negation and magnitudes never overflow). Every operation that could break them goes through
// DecimalBuilder::make, which reports overflow instead, or, where the result is reduced by
// construction (the fast paths of add and mul), through DecimalBuilder::raw after the same checks.
//
// add, mul (and so sub, div and round), comparison, reduction and to_string first try a path for
// operands whose parts fit in 64 bits, where a division is one instruction instead of a library
// call; each gives exactly the general path's result, scale and error (decimal_test.cpp checks
// them against a copy of the general algorithm).
#include "billijk/decimal.hpp"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace billijk {

namespace {

__extension__ using UInt128 = unsigned __int128;

constexpr Int128 int128_max = static_cast<Int128>(~UInt128{0} >> 1);
constexpr Int128 int128_min = -int128_max - 1;
constexpr int max_scale = 18;

UInt128 magnitude(Int128 v) {
    return v < 0 ? UInt128{0} - static_cast<UInt128>(v) : UInt128(v);
}

/// True when `v` fits in 64 bits: there the CPU divides in one instruction, where a 128-bit
/// division is a library call (__udivti3) of a hundred or more. Amounts almost always fit.
bool fits64(UInt128 v) {
    return (v >> 64) == 0;
}

/// True when `v` fits in a signed 64-bit integer.
bool fits_int64(Int128 v) {
    return v == static_cast<std::int64_t>(v);
}

/// The number of trailing zero bits of `v` > 0.
int trailing_zero_bits(UInt128 v) {
    auto const low = static_cast<std::uint64_t>(v);
    return low != 0 ? __builtin_ctzll(low)
                    : 64 + __builtin_ctzll(static_cast<std::uint64_t>(v >> 64));
}

std::uint64_t gcd64(std::uint64_t x, std::uint64_t y) {
    while (y != 0) {
        auto const t = x % y;
        x = y;
        y = t;
    }
    return x;
}

UInt128 gcd(UInt128 a, UInt128 b) {
    while (b != 0) {
        if (fits64(a) && fits64(b)) {
            return gcd64(static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(b));
        }
        UInt128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/// gcd of two values that satisfy the Decimal invariant (never INT128_MIN), as a signed value.
Int128 gcd_signed(Int128 a, Int128 b) {
    return static_cast<Int128>(gcd(magnitude(a), magnitude(b)));
}

// Checked operations that also treat INT128_MIN as overflow (it has no negation).
bool checked_mul(Int128 a, Int128 b, Int128& out) {
    return !__builtin_mul_overflow(a, b, &out) && out != int128_min;
}
bool checked_add(Int128 a, Int128 b, Int128& out) {
    return !__builtin_add_overflow(a, b, &out) && out != int128_min;
}

/// The signed value with magnitude `mag` <= INT128_MAX and the given sign (zero stays zero).
Int128 with_sign(UInt128 mag, bool negative) {
    return negative ? -static_cast<Int128>(mag) : static_cast<Int128>(mag);
}

/// A magnitude that a checked signed operation accepts: at most INT128_MAX. This is exactly
/// checked_mul/checked_add's condition on the true result, whose magnitude is `mag`: the result
/// fits in 128 bits and is not INT128_MIN.
bool fits_checked(UInt128 mag) {
    return mag <= static_cast<UInt128>(int128_max);
}

template <typename T> std::strong_ordering compare(T a, T b) {
    return a < b   ? std::strong_ordering::less
           : a > b ? std::strong_ordering::greater
                   : std::strong_ordering::equal;
}

Checked failure(ArithError error) {
    return Checked{std::nullopt, error};
}

/// The exact 256-bit product of two unsigned 128-bit values as {high, low}.
std::pair<UInt128, UInt128> mul_wide(UInt128 x, UInt128 y) {
    auto const x0 = static_cast<std::uint64_t>(x);
    auto const x1 = static_cast<std::uint64_t>(x >> 64);
    auto const y0 = static_cast<std::uint64_t>(y);
    auto const y1 = static_cast<std::uint64_t>(y >> 64);
    UInt128 const p00 = UInt128{x0} * y0;
    UInt128 const p01 = UInt128{x0} * y1;
    UInt128 const p10 = UInt128{x1} * y0;
    UInt128 const p11 = UInt128{x1} * y1;
    // At most 3 * (2^64 - 1): no overflow.
    UInt128 const mid =
        (p00 >> 64) + static_cast<std::uint64_t>(p01) + static_cast<std::uint64_t>(p10);
    UInt128 const low = (mid << 64) | static_cast<std::uint64_t>(p00);
    UInt128 const high = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    return {high, low};
}

std::string digits_of(UInt128 v) {
    if (fits64(v)) {
        return std::to_string(static_cast<std::uint64_t>(v));
    }
    std::string out;
    while (v != 0) {
        out.push_back(static_cast<char>('0' + static_cast<int>(v % 10)));
        v /= 10;
    }
    std::reverse(out.begin(), out.end());
    return out;
}

/// One step of long division: returns floor(10 * rem / den) and sets rem = 10 * rem mod den.
/// Needs rem < den < 2^127; never forms 10 * rem, so it cannot overflow.
int next_digit(UInt128& rem, UInt128 den) {
    UInt128 acc = 0;
    int digit = 0;
    for (int i = 0; i < 10; ++i) {
        acc += rem; // acc < den and rem < den, so acc + rem < 2^128
        if (acc >= den) {
            acc -= den;
            ++digit;
        }
    }
    rem = acc;
    return digit;
}

/// next_digit for a denominator that fits in 64 bits: one division when 10 * rem fits too.
int next_digit64(std::uint64_t& rem, std::uint64_t den) {
    if (den <= UINT64_MAX / 10) {
        std::uint64_t const ten_rem = rem * 10; // rem < den <= (2^64 - 1) / 10
        rem = ten_rem % den;
        return static_cast<int>(ten_rem / den);
    }
    UInt128 wide = rem;
    int const digit = next_digit(wide, den);
    rem = static_cast<std::uint64_t>(wide);
    return digit;
}

/// Appends the decimal digits of `v`, as digits_of does, without a temporary string.
void append_digits(std::string& out, std::uint64_t v) {
    char buffer[20];
    auto const end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
    out.append(buffer, end);
}

/// Decimal::to_string's digits of mag/den (after the sign) when both fit in 64 bits: the same
/// steps in 64-bit arithmetic.
void append_digits64(std::string& out, std::uint64_t mag, std::uint64_t den, int scale) {
    std::uint64_t int_part = mag / den;
    std::uint64_t rem = mag % den;

    // is_finite_decimal() and the count of twos and fives in one pass.
    int const twos = __builtin_ctzll(den);
    std::uint64_t odd = den >> twos;
    int fives = 0;
    while (odd % 5 == 0) {
        odd /= 5;
        ++fives;
    }
    if (odd == 1) {
        int const decimals = std::max({scale, twos, fives});
        append_digits(out, int_part);
        if (decimals > 0) {
            out.push_back('.');
            for (int i = 0; i < decimals; ++i) {
                out.push_back(static_cast<char>('0' + next_digit64(rem, den)));
            }
        }
        return;
    }

    constexpr int shown = 6;
    char frac[shown];
    for (char& c : frac) {
        c = static_cast<char>('0' + next_digit64(rem, den));
    }
    if (rem >= den - rem) { // half-up on the magnitude (a non-finite value is never a tie)
        int i = shown - 1;
        for (; i >= 0 && frac[i] == '9'; --i) {
            frac[i] = '0';
        }
        if (i >= 0) {
            ++frac[i];
        } else {
            ++int_part; // den >= 3 here, so int_part < 2^63: no overflow
        }
    }
    append_digits(out, int_part);
    out.push_back('.');
    out.append(frac, shown);
    out += "\u2026";
}

/// Whether rounding a magnitude with remainder `rem` > 0 (and `rest` to the next multiple) goes
/// away from zero; `odd`: the truncated quotient is odd (for half_even ties).
template <typename Magnitude>
bool rounds_away(Rounding mode, Magnitude rem, Magnitude rest, bool odd) {
    switch (mode) {
    case Rounding::down:
        return false;
    case Rounding::up:
        return true;
    case Rounding::half_up:
        return rem >= rest;
    case Rounding::half_even:
        return rem > rest || (rem == rest && odd);
    }
    return false;
}

} // namespace

/// Builds Decimals from raw parts while keeping the class invariants.
class DecimalBuilder {
  public:
    /// num/den with den > 0 (neither INT128_MIN): reduced.
    static Decimal make(Int128 num, Int128 den, int scale) {
        UInt128 const mag = magnitude(num);
        if (fits64(mag | static_cast<UInt128>(den))) {
            auto const m = static_cast<std::uint64_t>(mag);
            auto const n = static_cast<std::uint64_t>(den);
            std::uint64_t const g = gcd64(m, n); // >= 1 since den >= 1
            return raw(with_sign(m / g, num < 0), n / g, scale);
        }
        Int128 const g = gcd_signed(num, den);
        return raw(num / g, den / g, scale);
    }
    /// num/den that already satisfy the invariants (den > 0, reduced, num != INT128_MIN).
    static Decimal raw(Int128 num, Int128 den, int scale) {
        Decimal d;
        d.num_ = num;
        d.den_ = den;
        d.scale_ = scale;
        return d;
    }
    static Checked ok(Int128 num, Int128 den, int scale) {
        return Checked{make(num, den, scale), ArithError::overflow};
    }
    static Checked ok_raw(Int128 num, Int128 den, int scale) {
        return Checked{raw(num, den, scale), ArithError::overflow};
    }
};

std::string_view to_string(Rounding mode) {
    switch (mode) {
    case Rounding::half_up:
        return "half_up";
    case Rounding::half_even:
        return "half_even";
    case Rounding::down:
        return "down";
    case Rounding::up:
        return "up";
    }
    return "?";
}

std::optional<Rounding> rounding_from_name(std::string_view name) {
    for (auto mode : {Rounding::half_up, Rounding::half_even, Rounding::down, Rounding::up}) {
        if (to_string(mode) == name) {
            return mode;
        }
    }
    return std::nullopt;
}

std::string_view to_string(ArithError error) {
    switch (error) {
    case ArithError::overflow:
        return "arithmetic overflow";
    case ArithError::division_by_zero:
        return "division by zero";
    case ArithError::invalid_step:
        return "rounding step must be positive";
    }
    return "?";
}

Decimal Decimal::from_int(std::int64_t v) {
    return DecimalBuilder::make(v, 1, 0);
}

bool Decimal::has_decimal_form(std::string_view text) {
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t i = text.starts_with('-') ? 1 : 0;
    std::size_t const int_begin = i;
    while (i < text.size() && is_digit(text[i]))
        ++i;
    if (i == int_begin)
        return false;
    if (i == text.size())
        return true;
    if (text[i] != '.')
        return false;
    std::size_t const frac_begin = ++i;
    while (i < text.size() && is_digit(text[i]))
        ++i;
    return i > frac_begin && i == text.size();
}

std::optional<Decimal> Decimal::parse(std::string_view text) {
    std::size_t i = 0;
    bool const negative = !text.empty() && text[0] == '-';
    if (negative) {
        ++i;
    }
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    Int128 num = 0;
    std::size_t const int_begin = i;
    for (; i < text.size() && is_digit(text[i]); ++i) {
        if (!checked_mul(num, 10, num) || !checked_add(num, text[i] - '0', num)) {
            return std::nullopt;
        }
    }
    if (i == int_begin) {
        return std::nullopt; // "", "-", ".5", "+1", ...
    }
    int scale = 0;
    Int128 den = 1;
    if (i < text.size() && text[i] == '.') {
        ++i;
        std::size_t const frac_begin = i;
        for (; i < text.size() && is_digit(text[i]); ++i) {
            if (i - frac_begin >= max_scale) {
                return std::nullopt;
            }
            if (!checked_mul(num, 10, num) || !checked_add(num, text[i] - '0', num)) {
                return std::nullopt;
            }
            den *= 10; // at most 10^18
        }
        if (i == frac_begin) {
            return std::nullopt; // "1."
        }
        scale = static_cast<int>(i - frac_begin);
    }
    if (i != text.size()) {
        return std::nullopt;
    }
    return DecimalBuilder::make(negative ? -num : num, den, scale);
}

Decimal Decimal::with_scale(int scale) const {
    Decimal d = *this;
    d.scale_ = std::max(scale, 0);
    return d;
}

bool Decimal::is_finite_decimal() const {
    if (fits64(static_cast<UInt128>(den_))) {
        auto d = static_cast<std::uint64_t>(den_);
        while (d % 2 == 0) {
            d /= 2;
        }
        while (d % 5 == 0) {
            d /= 5;
        }
        return d == 1;
    }
    Int128 d = den_;
    while (d % 2 == 0) {
        d /= 2;
    }
    while (d % 5 == 0) {
        d /= 5;
    }
    return d == 1;
}

Checked Decimal::round(Decimal const& step, Rounding mode) const {
    if (step.num_ <= 0) {
        return failure(ArithError::invalid_step);
    }
    Checked ratio = div(*this, step);
    if (!ratio.value) {
        return ratio;
    }
    Int128 const n = ratio.value->num_;
    Int128 const d = ratio.value->den_;
    UInt128 const n_mag = magnitude(n);
    if (fits64(n_mag | static_cast<UInt128>(d))) {
        // The same steps on the magnitude in 64 bits: |k| = |n| / d, rem = |n| % d.
        auto const m = static_cast<std::uint64_t>(n_mag);
        auto const dd = static_cast<std::uint64_t>(d);
        std::uint64_t q = m / dd;
        std::uint64_t const rem = m % dd;
        if (rem != 0 && rounds_away(mode, rem, dd - rem, q % 2 != 0)) {
            ++q; // rem != 0 means dd >= 2, so q < 2^63: no overflow
        }
        Checked result = mul(DecimalBuilder::raw(with_sign(q, n < 0), 1, 0), step);
        if (result.value) {
            result.value->scale_ = step.scale_;
        }
        return result;
    }
    Int128 k = n / d; // truncated towards zero
    Int128 const r = n % d;
    if (r != 0) {
        UInt128 const rem = magnitude(r);
        UInt128 const rest = static_cast<UInt128>(d) - rem; // distance to the next multiple
        if (rounds_away(mode, rem, rest, k % 2 != 0) && !checked_add(k, n < 0 ? -1 : 1, k)) {
            return failure(ArithError::overflow);
        }
    }
    Checked result = mul(DecimalBuilder::make(k, 1, 0), step);
    if (result.value) {
        result.value->scale_ = step.scale_;
    }
    return result;
}

std::string Decimal::to_string() const {
    std::string out;
    append_to(out);
    return out;
}

void Decimal::append_to(std::string& out) const {
    if (num_ < 0) {
        out.push_back('-');
    }
    if (fits64(magnitude(num_) | static_cast<UInt128>(den_))) {
        append_digits64(out, static_cast<std::uint64_t>(magnitude(num_)),
                        static_cast<std::uint64_t>(den_), scale_);
        return;
    }
    UInt128 const den = static_cast<UInt128>(den_);
    UInt128 const mag = magnitude(num_);
    UInt128 int_part = mag / den;
    UInt128 rem = mag % den;

    if (is_finite_decimal()) {
        // den = 2^twos * 5^fives here: the twos are its trailing zero bits, and what is left
        // is a power of five.
        int const twos = trailing_zero_bits(den);
        int fives = 0;
        for (UInt128 d = den >> twos; d > 1;
             d = fits64(d) ? static_cast<std::uint64_t>(d) / 5 : d / 5) {
            ++fives;
        }
        int const decimals = std::max({scale_, twos, fives});
        out += digits_of(int_part);
        if (decimals > 0) {
            out.push_back('.');
            for (int i = 0; i < decimals; ++i) {
                out.push_back(static_cast<char>('0' + next_digit(rem, den)));
            }
        }
        return;
    }

    constexpr int shown = 6;
    std::string frac;
    for (int i = 0; i < shown; ++i) {
        frac.push_back(static_cast<char>('0' + next_digit(rem, den)));
    }
    if (rem >= den - rem) { // half-up on the magnitude (a non-finite value is never a tie)
        int i = shown - 1;
        for (; i >= 0 && frac[static_cast<std::size_t>(i)] == '9'; --i) {
            frac[static_cast<std::size_t>(i)] = '0';
        }
        if (i >= 0) {
            ++frac[static_cast<std::size_t>(i)];
        } else {
            ++int_part; // int_part < 2^127: no overflow
        }
    }
    out += digits_of(int_part);
    out.push_back('.');
    out += frac;
    out += "\u2026";
}

std::strong_ordering operator<=>(Decimal const& a, Decimal const& b) {
    if (a.den_ == b.den_) {
        return compare(a.num_, b.num_); // den > 0
    }
    if (fits_int64(a.num_) && fits_int64(b.num_) && fits_int64(a.den_) && fits_int64(b.den_)) {
        // The signed cross products are below 2^126 in magnitude.
        return compare(
            Int128{static_cast<std::int64_t>(a.num_)} * static_cast<std::int64_t>(b.den_),
            Int128{static_cast<std::int64_t>(b.num_)} * static_cast<std::int64_t>(a.den_));
    }
    int const sa = (a.num_ > 0) - (a.num_ < 0);
    int const sb = (b.num_ > 0) - (b.num_ < 0);
    if (sa != sb || sa == 0) {
        return sa <=> sb;
    }
    UInt128 const a_mag = magnitude(a.num_);
    UInt128 const b_mag = magnitude(b.num_);
    auto const a_den = static_cast<UInt128>(a.den_);
    auto const b_den = static_cast<UInt128>(b.den_);
    if (fits64(a_mag | b_mag | a_den | b_den)) {
        // Both cross products fit in 128 bits.
        UInt128 const left =
            UInt128{static_cast<std::uint64_t>(a_mag)} * static_cast<std::uint64_t>(b_den);
        UInt128 const right =
            UInt128{static_cast<std::uint64_t>(b_mag)} * static_cast<std::uint64_t>(a_den);
        std::strong_ordering const by_magnitude = compare(left, right);
        return sa > 0 ? by_magnitude : 0 <=> by_magnitude;
    }
    // Same nonzero sign: compare |a.num| * b.den with |b.num| * a.den exactly in 256 bits.
    auto const left = mul_wide(magnitude(a.num_), static_cast<UInt128>(b.den_));
    auto const right = mul_wide(magnitude(b.num_), static_cast<UInt128>(a.den_));
    std::strong_ordering const by_magnitude =
        left.first != right.first    ? (left.first < right.first ? std::strong_ordering::less
                                                                 : std::strong_ordering::greater)
        : left.second < right.second ? std::strong_ordering::less
        : left.second > right.second ? std::strong_ordering::greater
                                     : std::strong_ordering::equal;
    return sa > 0 ? by_magnitude : 0 <=> by_magnitude;
}

Checked add(Decimal const& a, Decimal const& b) {
    if (fits_int64(a.num_) && fits_int64(b.num_) && fits_int64(a.den_) && fits_int64(b.den_)) {
        // The general path below with 64-bit operands. |a.num| <= 2^63 and db < 2^63, so
        // |a.num * db| < 2^126, likewise for b, and their sum and a.den * db stay below 2^127:
        // none of the general path's overflow checks can fail.
        auto const ad = static_cast<std::uint64_t>(a.den_);
        auto const bd = static_cast<std::uint64_t>(b.den_);
        std::uint64_t const g = ad == bd ? ad : gcd64(ad, bd);
        auto const da = static_cast<std::int64_t>(ad / g);
        auto const db = static_cast<std::int64_t>(bd / g);
        Int128 const num = Int128{static_cast<std::int64_t>(a.num_)} * db +
                           Int128{static_cast<std::int64_t>(b.num_)} * da;
        int const scale = std::max(a.scale_, b.scale_);
        // Reduce. With den = g * da * db: num is coprime to da (da divides a.den, which is
        // coprime to a.num, and da is coprime to db) and to db likewise, so
        // gcd(num, den) = gcd(num, g), and g fits in 64 bits.
        std::uint64_t g2 = 1;
        if (g != 1) {
            UInt128 const mag = magnitude(num);
            g2 = gcd64(static_cast<std::uint64_t>(fits64(mag) ? mag : mag % g), g);
        }
        if (g2 == 1) {
            return DecimalBuilder::ok_raw(num, Int128{static_cast<std::int64_t>(ad)} * db, scale);
        }
        auto const divisor = static_cast<std::int64_t>(g2); // 2 <= g2 <= g < 2^63
        Int128 const reduced =
            fits_int64(num) ? Int128{static_cast<std::int64_t>(num) / divisor} : num / divisor;
        return DecimalBuilder::ok_raw(reduced, Int128{static_cast<std::int64_t>(ad / g2)} * db,
                                      scale);
    }
    Int128 const g = gcd_signed(a.den_, b.den_);
    Int128 const da = a.den_ / g;
    Int128 const db = b.den_ / g;
    Int128 left = 0;
    Int128 right = 0;
    Int128 num = 0;
    Int128 den = 0;
    if (!checked_mul(a.num_, db, left) || !checked_mul(b.num_, da, right) ||
        !checked_add(left, right, num) || !checked_mul(a.den_, db, den)) {
        return failure(ArithError::overflow);
    }
    return DecimalBuilder::ok(num, den, std::max(a.scale_, b.scale_));
}

Checked sub(Decimal const& a, Decimal const& b) {
    return add(a, negate(b));
}

Checked mul(Decimal const& a, Decimal const& b) {
    UInt128 const a_mag = magnitude(a.num_);
    UInt128 const b_mag = magnitude(b.num_);
    auto const a_den = static_cast<UInt128>(a.den_);
    auto const b_den = static_cast<UInt128>(b.den_);
    if (fits64(a_mag | b_mag | a_den | b_den)) {
        // The general path below in 64 bits. The cross-reduced factors are pairwise coprime
        // (a and b are reduced), so the product needs no further reduction; and the general
        // path's checked_mul fails exactly when a product's magnitude exceeds INT128_MAX.
        auto const an = static_cast<std::uint64_t>(a_mag);
        auto const bn = static_cast<std::uint64_t>(b_mag);
        auto const ad = static_cast<std::uint64_t>(a_den);
        auto const bd = static_cast<std::uint64_t>(b_den);
        std::uint64_t const g1 = gcd64(an, bd);
        std::uint64_t const g2 = gcd64(bn, ad);
        UInt128 const num = UInt128{an / g1} * (bn / g2);
        UInt128 const den = UInt128{ad / g2} * (bd / g1);
        if (!fits_checked(num) || !fits_checked(den)) {
            return failure(ArithError::overflow);
        }
        return DecimalBuilder::ok_raw(with_sign(num, (a.num_ < 0) != (b.num_ < 0)),
                                      static_cast<Int128>(den),
                                      std::min(a.scale_ + b.scale_, max_scale));
    }
    // Cross-reduce first so that the products are as small as they can be.
    Int128 const g1 = gcd_signed(a.num_, b.den_); // >= 1 since b.den_ >= 1
    Int128 const g2 = gcd_signed(b.num_, a.den_);
    Int128 num = 0;
    Int128 den = 0;
    if (!checked_mul(a.num_ / g1, b.num_ / g2, num) ||
        !checked_mul(a.den_ / g2, b.den_ / g1, den)) {
        return failure(ArithError::overflow);
    }
    return DecimalBuilder::ok(num, den, std::min(a.scale_ + b.scale_, max_scale));
}

Checked div(Decimal const& a, Decimal const& b) {
    if (b.num_ == 0) {
        return failure(ArithError::division_by_zero);
    }
    // The reciprocal of a reduced fraction is reduced; b.num_ != INT128_MIN, so |b.num_| fits.
    Decimal reciprocal;
    reciprocal.num_ = b.num_ < 0 ? -b.den_ : b.den_;
    reciprocal.den_ = b.num_ < 0 ? -b.num_ : b.num_;
    reciprocal.scale_ = 0;
    Checked result = mul(a, reciprocal);
    if (result.value) {
        result.value->scale_ = std::max(a.scale_, b.scale_);
    }
    return result;
}

Decimal negate(Decimal const& a) {
    Decimal d = a;
    d.num_ = -a.num_; // never INT128_MIN, see the invariants
    return d;
}

} // namespace billijk
