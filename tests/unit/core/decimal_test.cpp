#include "billijk/decimal.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

using billijk::ArithError;
using billijk::Checked;
using billijk::Decimal;
using billijk::Rounding;

namespace {

Decimal dec(std::string const& text) {
    auto d = Decimal::parse(text);
    INFO("parsing " << text);
    REQUIRE(d.has_value());
    return *d;
}

Decimal value_of(Checked const& c) {
    REQUIRE(c.value.has_value());
    return *c.value;
}

std::string text_of(Checked const& c) {
    return value_of(c).to_string();
}

std::string rounded(std::string const& x, std::string const& step, Rounding mode) {
    return text_of(dec(x).round(dec(step), mode));
}

bool fails_with(Checked const& c, ArithError error) {
    return !c.value && c.error == error;
}

// 2^127 - 1, the largest numerator (and a Mersenne prime).
std::string const max_text = "170141183460469231731687303715884105727";

} // namespace

TEST_CASE("decimal: parse accepts plain decimals and keeps the scale") {
    CHECK(dec("0").to_string() == "0");
    CHECK(dec("-12").to_string() == "-12");
    CHECK(dec("45.00").scale() == 2);
    CHECK(dec("45.00").to_string() == "45.00");
    CHECK(dec("0.6").scale() == 1);
    CHECK(dec("007").to_string() == "7");
    CHECK(dec("-0").is_zero());
    CHECK_FALSE(dec("-0").is_negative());
    CHECK(dec("-0.00").to_string() == "0.00");
    CHECK(dec("0.000000000000000001").scale() == 18);
    CHECK(dec("0.000000000000000001").to_string() == "0.000000000000000001");
    CHECK(dec(max_text).to_string() == max_text);
    CHECK(dec("-" + max_text).to_string() == "-" + max_text);
}

TEST_CASE("decimal: parse is strict") {
    for (char const* bad :
         {"", ".", "1.", ".5", "-.5", "+1", "-", "--1", "1e5", "1E5", "1,5", " 1", "1 ", "1.2.3",
          "0x10", "1_000", "12a", "-+1", "0.0000000000000000001"}) {
        INFO("text: '" << bad << "'");
        CHECK_FALSE(Decimal::parse(bad).has_value());
    }
    // Beyond 128 bits (and -2^127, which has no negation, is kept out as well).
    CHECK_FALSE(Decimal::parse("170141183460469231731687303715884105728").has_value());
    CHECK_FALSE(Decimal::parse("-170141183460469231731687303715884105728").has_value());
    CHECK_FALSE(Decimal::parse("1000000000000000000000000000000000000000").has_value());
    CHECK_FALSE(Decimal::parse("17014118346046923173168730371588410572.70").has_value());
}

TEST_CASE("decimal: the form of a decimal is told apart from its range") {
    for (char const* bad : {"", ".", "1.", ".5", "-.5", "+1", "-", "--1", "1e5", "1,5", " 1", "1 ",
                            "1.2.3", "0x10", "12a"}) {
        INFO("text: '" << bad << "'");
        CHECK_FALSE(Decimal::has_decimal_form(bad));
    }
    // Of the decimal form but out of range: parse refuses them for their size alone.
    for (char const* big : {"1000000000000000000000000000000000000000",
                            "-170141183460469231731687303715884105728", "0.0000000000000000001"}) {
        INFO("text: '" << big << "'");
        CHECK(Decimal::has_decimal_form(big));
        CHECK_FALSE(Decimal::parse(big).has_value());
    }
    for (char const* good : {"0", "-12", "45.00", "0.6"})
        CHECK(Decimal::has_decimal_form(good));
}

TEST_CASE("decimal: values are stored reduced with a positive denominator") {
    Decimal half = dec("0.50");
    CHECK(half.numerator() == 1);
    CHECK(half.denominator() == 2);
    CHECK(half.scale() == 2);
    Decimal neg = dec("-2.5");
    CHECK(neg.numerator() == -5);
    CHECK(neg.denominator() == 2);
    Decimal zero = dec("0.000");
    CHECK(zero.numerator() == 0);
    CHECK(zero.denominator() == 1);
    CHECK(Decimal{}.is_zero());
    CHECK(Decimal{}.scale() == 0);
    CHECK(Decimal::from_int(-5).to_string() == "-5");
    CHECK(Decimal::from_int(INT64_MIN).to_string() == "-9223372036854775808");
}

TEST_CASE("decimal: to_string") {
    CHECK(dec("27.000").to_string() == "27.000");
    // More digits than the scale when the exact value needs them.
    CHECK(text_of(div(dec("1"), dec("2"))) == "0.5");
    CHECK(text_of(div(dec("-1"), dec("2"))) == "-0.5");
    CHECK(text_of(div(dec("1"), dec("8"))) == "0.125");
    CHECK(text_of(div(dec("1.0"), dec("8"))) == "0.125");
    CHECK(text_of(div(dec("1.0000"), dec("8"))) == "0.1250");
    CHECK(dec("27.00").with_scale(0).to_string() == "27");
    CHECK(dec("0.5").with_scale(0).to_string() == "0.5");
    CHECK(dec("3").with_scale(2).to_string() == "3.00");
    // 2^-20: twenty decimals.
    Decimal tiny = dec("1");
    for (int i = 0; i < 20; ++i) {
        tiny = value_of(div(tiny, dec("2")));
    }
    CHECK(tiny.to_string() == "0.00000095367431640625");
}

TEST_CASE("decimal: to_string and reduction on both sides of 64 bits") {
    // Numerators and denominators up to 2^64 take a 64-bit path, larger ones the 128-bit one;
    // both must give the same digits.
    CHECK(dec("18446744073709551615").to_string() == "18446744073709551615"); // 2^64 - 1
    CHECK(dec("18446744073709551616").to_string() == "18446744073709551616"); // 2^64
    CHECK(dec("-18446744073709551617.25").to_string() == "-18446744073709551617.25");
    // 5^28 needs 66 bits, 5^27 fits: 1/5^27 and 1/5^28 have 27 and 28 decimals.
    Decimal const five27 = value_of(div(dec("1"), dec("7450580596923828125")));
    CHECK(five27.is_finite_decimal());
    CHECK(five27.to_string() == "0.000000000000000000134217728");
    Decimal const five28 = value_of(div(five27, dec("5")));
    CHECK(five28.is_finite_decimal());
    CHECK(five28.to_string() == "0.0000000000000000000268435456");
    // 2^-70: a denominator beyond 64 bits with only twos.
    Decimal tiny = dec("1");
    for (int i = 0; i < 70; ++i)
        tiny = value_of(div(tiny, dec("2")));
    CHECK(tiny.is_finite_decimal());
    CHECK(tiny.to_string().size() == 2 + 70);
    CHECK(tiny.to_string().substr(0, 24) == "0.0000000000000000000008");
    // 1/(3 * 2^64) has no finite expansion; (2^64 * 3) / 3 reduces back to 2^64.
    Decimal const third_beyond = value_of(div(dec("1"), dec("55340232221128654848")));
    CHECK_FALSE(third_beyond.is_finite_decimal());
    CHECK(text_of(mul(dec("55340232221128654848"), value_of(div(dec("1"), dec("3"))))) ==
          "18446744073709551616");
}

TEST_CASE("decimal: to_string of values without a finite expansion") {
    CHECK(text_of(div(dec("1"), dec("3"))) == "0.333333\u2026");
    CHECK(text_of(div(dec("2"), dec("3"))) == "0.666667\u2026");
    CHECK(text_of(div(dec("-2"), dec("3"))) == "-0.666667\u2026");
    CHECK(text_of(div(dec("25"), dec("12"))) == "2.083333\u2026");
    CHECK(text_of(div(dec("1"), dec("7"))) == "0.142857\u2026");
    // Rounding carries into the integer part: 1 - 1/30000000 = 0.99999996666...
    CHECK(text_of(div(dec("29999999"), dec("30000000"))) == "1.000000\u2026");
    CHECK(text_of(div(dec("-59999999"), dec("30000000"))) == "-2.000000\u2026");
    CHECK_FALSE(value_of(div(dec("1"), dec("3"))).is_finite_decimal());
    CHECK(value_of(div(dec("1"), dec("80"))).is_finite_decimal());
    CHECK(dec("12.345").is_finite_decimal());
}

TEST_CASE("decimal: the rate example, 60% of 45.00 rounded to cents") {
    Decimal product = value_of(mul(dec("0.6"), dec("45.00")));
    CHECK(product.scale() == 3);
    CHECK(product.to_string() == "27.000");
    CHECK(product == dec("27"));
    CHECK(text_of(product.round(dec("0.01"), Rounding::half_up)) == "27.00");
}

TEST_CASE("decimal: 75% of 7098.50 in every mode") {
    Decimal x = value_of(mul(dec("0.75"), dec("7098.50")));
    CHECK(x.to_string() == "5323.8750");
    CHECK(x == dec("5323.875"));
    Decimal cent = dec("0.01");
    CHECK(text_of(x.round(cent, Rounding::down)) == "5323.87");
    CHECK(text_of(x.round(cent, Rounding::half_up)) == "5323.88");
    CHECK(text_of(x.round(cent, Rounding::half_even)) == "5323.88");
    CHECK(text_of(x.round(cent, Rounding::up)) == "5323.88");
}

TEST_CASE("decimal: rounding ties") {
    CHECK(rounded("0.125", "0.01", Rounding::half_up) == "0.13");
    CHECK(rounded("0.125", "0.01", Rounding::half_even) == "0.12");
    CHECK(rounded("0.135", "0.01", Rounding::half_even) == "0.14");
    CHECK(rounded("2.5", "1", Rounding::half_even) == "2");
    CHECK(rounded("3.5", "1", Rounding::half_even) == "4");
    CHECK(rounded("2.5", "1", Rounding::half_up) == "3");
    CHECK(rounded("-2.5", "1", Rounding::half_up) == "-3");
    CHECK(rounded("-2.5", "1", Rounding::half_even) == "-2");
    CHECK(rounded("-3.5", "1", Rounding::half_even) == "-4");
    CHECK(rounded("-0.125", "0.01", Rounding::half_up) == "-0.13");
    CHECK(rounded("-0.125", "0.01", Rounding::half_even) == "-0.12");
    CHECK(rounded("0.5", "1", Rounding::half_even) == "0");
    CHECK(rounded("-0.5", "1", Rounding::half_even) == "0");
}

TEST_CASE("decimal: rounding negative values") {
    CHECK(rounded("-1.25", "0.1", Rounding::half_up) == "-1.3");
    CHECK(rounded("-1.25", "0.1", Rounding::down) == "-1.2");
    CHECK(rounded("-1.25", "0.1", Rounding::up) == "-1.3");
    CHECK(rounded("-1.24", "0.1", Rounding::half_up) == "-1.2");
    CHECK(rounded("-1.26", "0.1", Rounding::half_up) == "-1.3");
    CHECK(rounded("-1.26", "0.1", Rounding::down) == "-1.2");
    CHECK(rounded("-1.21", "0.1", Rounding::up) == "-1.3");
    CHECK(rounded("-0.04", "0.1", Rounding::down) == "0.0");
    CHECK(rounded("-0.04", "0.1", Rounding::up) == "-0.1");
}

TEST_CASE("decimal: rounding without a tie and exact multiples") {
    CHECK(rounded("1.26", "0.1", Rounding::half_even) == "1.3");
    CHECK(rounded("1.24", "0.1", Rounding::half_even) == "1.2");
    CHECK(rounded("1.21", "0.1", Rounding::up) == "1.3");
    CHECK(rounded("1.29", "0.1", Rounding::down) == "1.2");
    for (auto mode : {Rounding::half_up, Rounding::half_even, Rounding::down, Rounding::up}) {
        CHECK(rounded("1.20", "0.1", mode) == "1.2");
        CHECK(rounded("0", "0.01", mode) == "0.00");
        CHECK(rounded("-7", "1", mode) == "-7");
    }
}

TEST_CASE("decimal: rounding to other steps, the result has the step's scale") {
    CHECK(rounded("27", "0.01", Rounding::half_up) == "27.00");
    CHECK(rounded("1.1", "0.25", Rounding::half_up) == "1.00");
    CHECK(rounded("1.125", "0.25", Rounding::half_up) == "1.25");
    CHECK(rounded("1.125", "0.25", Rounding::half_even) == "1.00");
    CHECK(rounded("1.375", "0.25", Rounding::half_even) == "1.50");
    CHECK(rounded("12.5", "5", Rounding::half_up) == "15");
    CHECK(rounded("12.4", "5", Rounding::half_up) == "10");
    CHECK(rounded("11", "5", Rounding::up) == "15");
    CHECK(rounded("-11", "5", Rounding::up) == "-15");
    CHECK(rounded("1234.5678", "1", Rounding::half_up) == "1235");
    // A value without a finite expansion becomes exact.
    Decimal third = value_of(div(dec("1"), dec("3")));
    CHECK(text_of(third.round(dec("0.01"), Rounding::half_up)) == "0.33");
    CHECK(text_of(third.round(dec("0.01"), Rounding::up)) == "0.34");
    Decimal r = value_of(dec("2.675").round(dec("0.01"), Rounding::half_up));
    CHECK(r.scale() == 2);
    CHECK(r == dec("2.68"));
}

TEST_CASE("decimal: the rounding step must be positive") {
    CHECK(fails_with(dec("1.5").round(dec("0"), Rounding::half_up), ArithError::invalid_step));
    CHECK(fails_with(dec("1.5").round(dec("0.00"), Rounding::down), ArithError::invalid_step));
    CHECK(fails_with(dec("1.5").round(dec("-0.01"), Rounding::up), ArithError::invalid_step));
}

TEST_CASE("decimal: add, sub, mul and div are exact and set the scale") {
    Checked sum = add(dec("1.5"), dec("2.25"));
    CHECK(text_of(sum) == "3.75");
    CHECK(value_of(sum).scale() == 2);
    CHECK(value_of(add(dec("0.1"), dec("0.2"))) == dec("0.3"));
    CHECK(text_of(add(dec("0.1"), dec("0.2"))) == "0.3");
    CHECK(text_of(sub(dec("1"), dec("0.75"))) == "0.25");
    CHECK(text_of(sub(dec("0.75"), dec("1"))) == "-0.25");
    CHECK(text_of(sub(dec("2.50"), dec("2.5"))) == "0.00");
    CHECK(text_of(mul(dec("-1.5"), dec("2"))) == "-3.0");
    CHECK(text_of(mul(dec("-1.5"), dec("-0.2"))) == "0.30");
    CHECK(text_of(div(dec("45.00"), dec("0.6"))) == "75.00");
    CHECK(text_of(div(dec("27"), dec("0.60"))) == "45.00");
    CHECK(text_of(div(dec("-1"), dec("-4"))) == "0.25");
    CHECK(text_of(div(dec("1"), dec("-4"))) == "-0.25");
    Decimal third = value_of(div(dec("1"), dec("3")));
    CHECK(value_of(mul(third, dec("3"))) == dec("1"));
    CHECK(value_of(add(add(third, third).value.value(), third)) == dec("1"));
    CHECK(negate(dec("2.50")).to_string() == "-2.50");
    CHECK(negate(dec("-2.50")).to_string() == "2.50");
    CHECK(negate(dec("0")).is_zero());
}

TEST_CASE("decimal: the scale of a product is capped at 18") {
    Checked p = mul(dec("0.000000001"), dec("0.000000001"));
    CHECK(value_of(p).scale() == 18);
    CHECK(text_of(p) == "0.000000000000000001");
    Checked q = mul(dec("0.0000000001"), dec("0.000000001"));
    CHECK(value_of(q).scale() == 18);
    CHECK(text_of(q) == "0.0000000000000000001"); // the exact value needs 19 decimals
}

TEST_CASE("decimal: division by zero is reported") {
    CHECK(fails_with(div(dec("1"), dec("0")), ArithError::division_by_zero));
    CHECK(fails_with(div(dec("0"), dec("0.00")), ArithError::division_by_zero));
    CHECK(text_of(div(dec("0"), dec("5"))) == "0");
}

TEST_CASE("decimal: overflow is reported, never wrapped") {
    Decimal big = dec(max_text);
    Decimal e38 = dec("100000000000000000000000000000000000000");
    CHECK(fails_with(mul(e38, dec("10")), ArithError::overflow));
    CHECK(fails_with(mul(e38, dec("1.7015")), ArithError::overflow));
    CHECK(fails_with(add(e38, e38), ArithError::overflow));
    CHECK(fails_with(add(big, dec("1")), ArithError::overflow));
    CHECK(fails_with(sub(negate(big), dec("1")), ArithError::overflow));
    CHECK(fails_with(sub(negate(big), dec("0.5")), ArithError::overflow));
    CHECK(fails_with(div(big, dec("0.1")), ArithError::overflow));
    CHECK(fails_with(mul(big, big), ArithError::overflow));
    // Denominators overflow too: 10^-20 * 10^-20.
    Decimal small = value_of(div(dec("1"), dec("100000000000000000000")));
    CHECK(fails_with(mul(small, small), ArithError::overflow));
    CHECK(fails_with(big.round(dec("0.01"), Rounding::half_up), ArithError::overflow));
    // Close to the limit but fine.
    CHECK(text_of(sub(big, dec("1"))) == "170141183460469231731687303715884105726");
    CHECK(text_of(add(negate(big), dec("1"))) == "-170141183460469231731687303715884105726");
    CHECK(value_of(mul(big, dec("1"))) == big);
    CHECK(value_of(div(big, big)) == dec("1"));
    CHECK(text_of(big.round(dec("1"), Rounding::up)) == max_text);
    // Cross-reduction avoids spurious overflow: (big/3) * 3, (big/7) * (7/big).
    Decimal big_third = value_of(div(big, dec("3")));
    CHECK(value_of(mul(big_third, dec("3"))) == big);
    CHECK(value_of(mul(value_of(div(big, dec("7"))), value_of(div(dec("7"), big)))) == dec("1"));
}

TEST_CASE("decimal: comparisons are exact") {
    CHECK(dec("0.5") == dec("0.50"));
    CHECK((dec("0.5") <=> dec("0.50")) == std::strong_ordering::equal);
    CHECK(dec("-1") < dec("0"));
    CHECK(dec("0") < dec("0.000001"));
    CHECK(dec("-0.000001") < dec("0"));
    CHECK(dec("-2") < dec("-1.5"));
    CHECK(dec("45.00") > dec("44.99"));
    Decimal third = value_of(div(dec("1"), dec("3")));
    CHECK(dec("0.3333") < third);
    CHECK(third < dec("0.3334"));
    CHECK(negate(third) < dec("-0.3333"));
    CHECK(dec("-0.3334") < negate(third));
    CHECK(dec("1") != third);
}

TEST_CASE("decimal: comparisons of large values need more than 128 bits") {
    Decimal big = dec(max_text);
    Decimal big_minus_1 = dec("170141183460469231731687303715884105726");
    Decimal big_minus_2 = dec("170141183460469231731687303715884105725");
    // a = 1 + 1/(big-1) < b = 1 + 1/(big-2); the cross products are near 2^254.
    Decimal a = value_of(div(big, big_minus_1));
    Decimal b = value_of(div(big_minus_1, big_minus_2));
    CHECK(a.denominator() == big_minus_1.numerator());
    CHECK(a < b);
    CHECK(b > a);
    CHECK(a > dec("1"));
    CHECK(negate(a) > negate(b));
    CHECK(negate(b) < negate(a));
    CHECK((a <=> a) == std::strong_ordering::equal);
    CHECK(big > big_minus_1);
    CHECK(negate(big) < negate(big_minus_1));
    CHECK(negate(big) < dec("0"));
    CHECK(big > a);
    // A tiny difference between huge fractions: big/(big-1) vs (big-1)/(big-2) and their
    // reciprocals.
    Decimal ra = value_of(div(dec("1"), a));
    Decimal rb = value_of(div(dec("1"), b));
    CHECK(ra > rb);
    CHECK(ra < dec("1"));
}

TEST_CASE("decimal: rounding mode names") {
    CHECK(billijk::rounding_from_name("half_up") == Rounding::half_up);
    CHECK(billijk::rounding_from_name("half_even") == Rounding::half_even);
    CHECK(billijk::rounding_from_name("down") == Rounding::down);
    CHECK(billijk::rounding_from_name("up") == Rounding::up);
    for (char const* bad : {"", "HALF_UP", "half-up", "halfup", "nearest", "up "}) {
        CHECK_FALSE(billijk::rounding_from_name(bad).has_value());
    }
    for (auto mode : {Rounding::half_up, Rounding::half_even, Rounding::down, Rounding::up}) {
        CHECK(billijk::rounding_from_name(billijk::to_string(mode)) == mode);
    }
    CHECK(billijk::to_string(ArithError::division_by_zero) == "division by zero");
    CHECK_FALSE(billijk::to_string(ArithError::overflow).empty());
    CHECK_FALSE(billijk::to_string(ArithError::invalid_step).empty());
}

// ---------------------------------------------------------------------------------------------
// The 64-bit fast paths against a reference: below is the general 128-bit algorithm of
// decimal.cpp as it was before the fast paths (128-bit divisions, checked 128-bit products, a
// 256-bit comparison, digit-by-digit long division), working on the numerator and denominator
// that Decimal exposes. Every operation must give the same reduced value, scale and error.

namespace {

__extension__ using Int128 = __int128;
__extension__ using UInt128 = unsigned __int128;

constexpr Int128 i128_max = static_cast<Int128>(~UInt128{0} >> 1);
constexpr Int128 i128_min = -i128_max - 1;
constexpr UInt128 two64 = UInt128{1} << 64;

std::string int_text(Int128 v) {
    bool const negative = v < 0;
    UInt128 m = negative ? UInt128{0} - static_cast<UInt128>(v) : static_cast<UInt128>(v);
    std::string out;
    do {
        out.push_back(static_cast<char>('0' + static_cast<int>(m % 10)));
        m /= 10;
    } while (m != 0);
    if (negative) {
        out.push_back('-');
    }
    return std::string(out.rbegin(), out.rend());
}

struct Ref {
    Int128 num = 0;
    Int128 den = 1;
    int scale = 0;
};

// A reference outcome: a value, or an error.
struct RefResult {
    std::optional<Ref> value;
    ArithError error = ArithError::overflow;
};

UInt128 ref_mag(Int128 v) {
    return v < 0 ? UInt128{0} - static_cast<UInt128>(v) : static_cast<UInt128>(v);
}

UInt128 ref_gcd(UInt128 a, UInt128 b) { // 128-bit Euclid only
    while (b != 0) {
        UInt128 const t = a % b;
        a = b;
        b = t;
    }
    return a;
}

Ref ref_make(Int128 num, Int128 den, int scale) {
    auto const g = static_cast<Int128>(ref_gcd(ref_mag(num), ref_mag(den)));
    return Ref{num / g, den / g, scale};
}

bool ref_checked_mul(Int128 a, Int128 b, Int128& out) {
    return !__builtin_mul_overflow(a, b, &out) && out != i128_min;
}
bool ref_checked_add(Int128 a, Int128 b, Int128& out) {
    return !__builtin_add_overflow(a, b, &out) && out != i128_min;
}

RefResult ref_fail(ArithError e) {
    return RefResult{std::nullopt, e};
}

RefResult ref_add(Ref const& a, Ref const& b) {
    auto const g = static_cast<Int128>(ref_gcd(ref_mag(a.den), ref_mag(b.den)));
    Int128 const da = a.den / g;
    Int128 const db = b.den / g;
    Int128 left = 0, right = 0, num = 0, den = 0;
    if (!ref_checked_mul(a.num, db, left) || !ref_checked_mul(b.num, da, right) ||
        !ref_checked_add(left, right, num) || !ref_checked_mul(a.den, db, den)) {
        return ref_fail(ArithError::overflow);
    }
    return RefResult{ref_make(num, den, std::max(a.scale, b.scale)), ArithError::overflow};
}

RefResult ref_mul(Ref const& a, Ref const& b) {
    auto const g1 = static_cast<Int128>(ref_gcd(ref_mag(a.num), ref_mag(b.den)));
    auto const g2 = static_cast<Int128>(ref_gcd(ref_mag(b.num), ref_mag(a.den)));
    Int128 num = 0, den = 0;
    if (!ref_checked_mul(a.num / g1, b.num / g2, num) ||
        !ref_checked_mul(a.den / g2, b.den / g1, den)) {
        return ref_fail(ArithError::overflow);
    }
    return RefResult{ref_make(num, den, std::min(a.scale + b.scale, 18)), ArithError::overflow};
}

RefResult ref_div(Ref const& a, Ref const& b) {
    if (b.num == 0) {
        return ref_fail(ArithError::division_by_zero);
    }
    Ref const reciprocal{b.num < 0 ? -b.den : b.den, b.num < 0 ? -b.num : b.num, 0};
    RefResult r = ref_mul(a, reciprocal);
    if (r.value) {
        r.value->scale = std::max(a.scale, b.scale);
    }
    return r;
}

std::pair<UInt128, UInt128> ref_mul_wide(UInt128 x, UInt128 y) { // schoolbook, 32-bit limbs
    std::uint64_t xs[4], ys[4], out[8] = {};
    for (int i = 0; i < 4; ++i) {
        xs[i] = static_cast<std::uint32_t>(x >> (32 * i));
        ys[i] = static_cast<std::uint32_t>(y >> (32 * i));
    }
    for (int i = 0; i < 4; ++i) {
        std::uint64_t carry = 0;
        for (int j = 0; j < 4; ++j) {
            std::uint64_t const t = xs[i] * ys[j] + out[i + j] + carry; // < 2^64
            out[i + j] = static_cast<std::uint32_t>(t);
            carry = t >> 32;
        }
        out[i + 4] += carry;
    }
    UInt128 low = 0, high = 0;
    for (int i = 3; i >= 0; --i) {
        low = (low << 32) | out[i];
        high = (high << 32) | out[i + 4];
    }
    return {high, low};
}

int ref_cmp(Ref const& a, Ref const& b) {
    int const sa = (a.num > 0) - (a.num < 0);
    int const sb = (b.num > 0) - (b.num < 0);
    if (sa != sb || sa == 0) {
        return sa < sb ? -1 : sa > sb ? 1 : 0;
    }
    auto const l = ref_mul_wide(ref_mag(a.num), static_cast<UInt128>(b.den));
    auto const r = ref_mul_wide(ref_mag(b.num), static_cast<UInt128>(a.den));
    int const by_mag = l.first != r.first     ? (l.first < r.first ? -1 : 1)
                       : l.second != r.second ? (l.second < r.second ? -1 : 1)
                                              : 0;
    return sa > 0 ? by_mag : -by_mag;
}

RefResult ref_round(Ref const& x, Ref const& step, Rounding mode) {
    if (step.num <= 0) {
        return ref_fail(ArithError::invalid_step);
    }
    RefResult ratio = ref_div(x, step);
    if (!ratio.value) {
        return ratio;
    }
    Int128 const n = ratio.value->num;
    Int128 const d = ratio.value->den;
    Int128 k = n / d;
    Int128 const r = n % d;
    if (r != 0) {
        UInt128 const rem = ref_mag(r);
        UInt128 const rest = static_cast<UInt128>(d) - rem;
        bool away = false;
        switch (mode) {
        case Rounding::down:
            away = false;
            break;
        case Rounding::up:
            away = true;
            break;
        case Rounding::half_up:
            away = rem >= rest;
            break;
        case Rounding::half_even:
            away = rem > rest || (rem == rest && k % 2 != 0);
            break;
        }
        if (away && !ref_checked_add(k, n < 0 ? -1 : 1, k)) {
            return ref_fail(ArithError::overflow);
        }
    }
    RefResult result = ref_mul(Ref{k, 1, 0}, step);
    if (result.value) {
        result.value->scale = step.scale;
    }
    return result;
}

int ref_next_digit(UInt128& rem, UInt128 den) {
    UInt128 acc = 0;
    int digit = 0;
    for (int i = 0; i < 10; ++i) {
        acc += rem;
        if (acc >= den) {
            acc -= den;
            ++digit;
        }
    }
    rem = acc;
    return digit;
}

std::string ref_to_string(Ref const& v) {
    std::string out = v.num < 0 ? "-" : "";
    auto const den = static_cast<UInt128>(v.den);
    UInt128 const mag = ref_mag(v.num);
    UInt128 int_part = mag / den;
    UInt128 rem = mag % den;
    UInt128 d = den;
    int twos = 0, fives = 0;
    for (; d % 2 == 0; d /= 2) {
        ++twos;
    }
    for (; d % 5 == 0; d /= 5) {
        ++fives;
    }
    if (d == 1) {
        int const decimals = std::max({v.scale, twos, fives});
        out += int_text(static_cast<Int128>(int_part));
        if (decimals > 0) {
            out.push_back('.');
            for (int i = 0; i < decimals; ++i) {
                out.push_back(static_cast<char>('0' + ref_next_digit(rem, den)));
            }
        }
        return out;
    }
    std::string frac;
    for (int i = 0; i < 6; ++i) {
        frac.push_back(static_cast<char>('0' + ref_next_digit(rem, den)));
    }
    if (rem >= den - rem) {
        int i = 5;
        for (; i >= 0 && frac[static_cast<std::size_t>(i)] == '9'; --i) {
            frac[static_cast<std::size_t>(i)] = '0';
        }
        if (i >= 0) {
            ++frac[static_cast<std::size_t>(i)];
        } else {
            ++int_part;
        }
    }
    return out + int_text(static_cast<Int128>(int_part)) + "." + frac + "\u2026";
}

Ref ref_of(Decimal const& d) {
    return Ref{d.numerator(), d.denominator(), d.scale()};
}

/// The Decimal num/den (|num| and den < 2^127, den > 0) with the given scale, built through
/// parse and div; checked against the reference's reduction.
Decimal make_dec(Int128 num, Int128 den, int scale) {
    Decimal const value = value_of(div(dec(int_text(num)), dec(int_text(den)))).with_scale(scale);
    Ref const expected = ref_make(num, den, scale);
    INFO(int_text(num) << "/" << int_text(den));
    REQUIRE(value.numerator() == expected.num);
    REQUIRE(value.denominator() == expected.den);
    return value;
}

std::string describe(Decimal const& d) {
    return int_text(d.numerator()) + "/" + int_text(d.denominator()) + " scale " +
           std::to_string(d.scale());
}
std::string describe(RefResult const& r) {
    if (!r.value) {
        return std::string("error ") + std::string(billijk::to_string(r.error));
    }
    return int_text(r.value->num) + "/" + int_text(r.value->den) + " scale " +
           std::to_string(r.value->scale);
}
std::string describe(Checked const& c) {
    return c.value ? describe(*c.value)
                   : std::string("error ") + std::string(billijk::to_string(c.error));
}

bool same(Checked const& c, RefResult const& r) {
    if (c.value.has_value() != r.value.has_value()) {
        return false;
    }
    if (!c.value) {
        return c.error == r.error;
    }
    return c.value->numerator() == r.value->num && c.value->denominator() == r.value->den &&
           c.value->scale() == r.value->scale;
}

int sign_of(std::strong_ordering o) {
    return o < 0 ? -1 : o > 0 ? 1 : 0;
}

/// Every operation on a and b (and a, b alone) against the reference.
void check_against_reference(Decimal const& a, Decimal const& b) {
    Ref const ra = ref_of(a);
    Ref const rb = ref_of(b);
    INFO("a = " << describe(a) << ", b = " << describe(b));
    CHECK(a.to_string() == ref_to_string(ra));
    CHECK(b.to_string() == ref_to_string(rb));
    CHECK(sign_of(a <=> b) == ref_cmp(ra, rb));
    CHECK(sign_of(b <=> a) == ref_cmp(rb, ra));
    auto expect = [](char const* op, Checked const& got, RefResult const& want) {
        INFO(op << ": got " << describe(got) << ", want " << describe(want));
        CHECK(same(got, want));
        if (got.value && want.value) {
            CHECK(got.value->to_string() == ref_to_string(*want.value));
        }
    };
    expect("add", add(a, b), ref_add(ra, rb));
    expect("sub", sub(a, b), ref_add(ra, Ref{-rb.num, rb.den, rb.scale}));
    expect("mul", mul(a, b), ref_mul(ra, rb));
    expect("div", div(a, b), ref_div(ra, rb));
    expect("div reversed", div(b, a), ref_div(rb, ra));
    for (auto mode : {Rounding::half_up, Rounding::half_even, Rounding::down, Rounding::up}) {
        INFO("mode " << billijk::to_string(mode));
        expect("round", a.round(b, mode), ref_round(ra, rb, mode));
        Decimal const step = b.is_negative() ? negate(b) : b;
        expect("round by |b|", a.round(step, mode), ref_round(ra, ref_of(step), mode));
    }
}

} // namespace

TEST_CASE("decimal: fast paths agree with the 128-bit reference at the 64-bit boundaries") {
    // Magnitudes on both sides of 2^63 and 2^64, and small ones, as numerators and denominators.
    std::vector<UInt128> const parts = {1,
                                        3,
                                        10,
                                        two64 / 2 - 1,
                                        two64 / 2,
                                        two64 / 2 + 1,
                                        two64 - 1,
                                        two64,
                                        two64 + 1,
                                        10000000000000000000u,
                                        static_cast<UInt128>(i128_max)};
    std::vector<Decimal> values;
    for (UInt128 n : parts) {
        for (UInt128 d : parts) {
            for (int sign : {1, -1}) {
                values.push_back(make_dec(sign * static_cast<Int128>(n), static_cast<Int128>(d),
                                          sign > 0 ? 2 : 0));
            }
        }
    }
    values.push_back(dec("0"));
    values.push_back(dec("0.01"));
    values.push_back(dec("-0.5"));
    for (Decimal const& a : values) {
        for (Decimal const& b : values) {
            check_against_reference(a, b);
        }
    }
}

TEST_CASE("decimal: the INT128_MIN rule at the edge of the 64-bit fast paths") {
    Int128 const p63 = static_cast<Int128>(two64 / 2); // 2^63
    // a = -2^63/(2^63-1), b = -2^63/(2^63+1): all parts fit in 64 bits, and
    // a + b = -2^127/(2^126-1), whose numerator would be INT128_MIN: overflow, as is +2^127.
    Decimal const a = make_dec(-p63, p63 - 1, 0);
    Decimal const b = make_dec(-p63, p63 + 1, 0);
    CHECK(fails_with(add(a, b), ArithError::overflow));
    CHECK(fails_with(add(negate(a), negate(b)), ArithError::overflow));
    CHECK(fails_with(sub(a, negate(b)), ArithError::overflow));
    // Just inside: -(2^63-1)/(2^63+1) instead of b gives -(2^127-2^63+1)/(2^126-1).
    Decimal const b2 = make_dec(-(p63 - 1), p63 + 1, 0);
    Decimal const sum = value_of(add(a, b2));
    CHECK(sum.numerator() == -(i128_max - p63 + 2));
    CHECK(sum.denominator() == (Int128{1} << 126) - 1);
    check_against_reference(a, b);
    check_against_reference(a, b2);
    // The extremes of the signed 64-bit path of add: -2^63/(2^63-1) + -2^63/(2^63-3) is
    // -(2^127 - 2^65)/((2^63-1)(2^63-3)); (2^63-1)/(2^63-2) + (2^63-1)/(2^63-3) likewise.
    Decimal const c = make_dec(-p63, p63 - 3, 0);
    Decimal const sum2 = value_of(add(a, c));
    CHECK(sum2.numerator() == -static_cast<Int128>((UInt128{1} << 127) - (UInt128{1} << 65)));
    CHECK(sum2.denominator() == (p63 - 1) * (p63 - 3));
    check_against_reference(a, c);
    check_against_reference(negate(a), negate(c));
    check_against_reference(make_dec(p63 - 1, p63 - 2, 0), make_dec(p63 - 1, p63 - 3, 0));
    check_against_reference(make_dec(-p63, 1, 0), make_dec(-p63, 1, 0));
    check_against_reference(make_dec(-p63, 1, 0), make_dec(p63 - 1, 1, 0));
    // Products of two 64-bit magnitudes: (2^64-1) * 2^63 = 2^127 - 2^63 fits, with either sign;
    // (2^64-1) * (2^63+1) > 2^127 - 1 does not; (2^64-1)^2 does not either.
    Decimal const max64 = make_dec(static_cast<Int128>(two64 - 1), 1, 0);
    CHECK(value_of(mul(max64, make_dec(-p63, 1, 0))).numerator() ==
          -static_cast<Int128>((two64 - 1) * (two64 / 2)));
    CHECK(value_of(mul(negate(max64), make_dec(-p63, 1, 0))).numerator() ==
          static_cast<Int128>((two64 - 1) * (two64 / 2)));
    CHECK(fails_with(mul(max64, make_dec(p63 + 1, 1, 0)), ArithError::overflow));
    CHECK(fails_with(mul(negate(max64), make_dec(p63 + 1, 1, 0)), ArithError::overflow));
    CHECK(fails_with(mul(max64, max64), ArithError::overflow));
    // Denominators overflow the same way: 1/(2^64-1) squared.
    Decimal const inv = make_dec(1, static_cast<Int128>(two64 - 1), 0);
    CHECK(fails_with(mul(inv, inv), ArithError::overflow));
    CHECK(value_of(mul(inv, make_dec(1, p63, 0))).denominator() ==
          static_cast<Int128>((two64 - 1) * (two64 / 2)));
    // -2^63 * 2^64 is -2^127 (general path): overflow as well.
    CHECK(fails_with(mul(make_dec(-p63, 1, 0), make_dec(static_cast<Int128>(two64), 1, 0)),
                     ArithError::overflow));
    // Division into the boundary: 2^63 / (1/(2^64-1)).
    CHECK(value_of(div(make_dec(p63, 1, 0), inv)).numerator() ==
          static_cast<Int128>((two64 - 1) * (two64 / 2)));
    CHECK(fails_with(div(max64, inv), ArithError::overflow));
}

TEST_CASE("decimal: fast-path results are reduced") {
    // Cross-reduction in mul, and the gcd with the common denominator in add.
    Decimal const a = make_dec(6, 35, 2); // 0.1714...
    Decimal const b = make_dec(14, 15, 2);
    CHECK(value_of(mul(a, b)).numerator() == 4);
    CHECK(value_of(mul(a, b)).denominator() == 25);
    // 1/6 + 1/3 = 1/2; 1/6 + 5/6 = 1; 3/10 - 1/10 = 1/5; 1/4 - 1/4 = 0/1.
    CHECK(value_of(add(make_dec(1, 6, 0), make_dec(1, 3, 0))) == make_dec(1, 2, 0));
    CHECK(value_of(add(make_dec(1, 6, 0), make_dec(5, 6, 0))).denominator() == 1);
    CHECK(value_of(sub(make_dec(3, 10, 0), make_dec(1, 10, 0))).denominator() == 5);
    Decimal const zero = value_of(sub(make_dec(1, 4, 0), make_dec(1, 4, 0)));
    CHECK(zero.numerator() == 0);
    CHECK(zero.denominator() == 1);
    // (2^64-1)/10 + (2^64-1)/10 = (2^64-1)/5.
    Decimal const big_tenth = make_dec(static_cast<Int128>(two64 - 1), 10, 0);
    CHECK(value_of(add(big_tenth, big_tenth)) == make_dec(static_cast<Int128>(two64 - 1), 5, 0));
    // All parts below 2^63: (2^62+1)/(3*2^58) + 11/(15*2^58) = (5*2^62+16)/(15*2^58). That
    // numerator exceeds 64 bits and shares 48 with the denominator, which its low 64 bits
    // (2^62+16) do not show: 16 only.
    Int128 const p58 = Int128{1} << 58;
    Decimal const s =
        value_of(add(make_dec((Int128{1} << 62) + 1, 3 * p58, 0), make_dec(11, 15 * p58, 0)));
    CHECK(s.numerator() == (5 * (Int128{1} << 62) + 16) / 48);
    CHECK(s.denominator() == 5 * (Int128{1} << 54));
    check_against_reference(big_tenth, make_dec(static_cast<Int128>(two64 - 3), 15, 0));
}

TEST_CASE("decimal: rounding ties in every mode near 2^63 and 2^64") {
    Int128 const p63 = static_cast<Int128>(two64 / 2);
    // (2k+1)/2 for k near 2^62, 2^63 (odd and even k), and a tie with step 0.01.
    for (Int128 k : {Int128{0}, Int128{1}, Int128{2}, p63 / 2 - 1, p63 / 2, p63 - 2, p63 - 1, p63,
                     static_cast<Int128>(two64) - 2}) {
        for (int sign : {1, -1}) {
            Decimal const half = make_dec(sign * (2 * k + 1), 2, 1);
            for (Decimal const& step : {dec("1"), dec("0.5"), dec("2"), dec("0.01")}) {
                check_against_reference(half, step);
            }
        }
    }
    CHECK(text_of(make_dec(2 * (p63 - 1) + 1, 2, 1).round(dec("1"), Rounding::half_even)) ==
          "9223372036854775808");
    CHECK(text_of(make_dec(2 * (p63 - 2) + 1, 2, 1).round(dec("1"), Rounding::half_even)) ==
          "9223372036854775806");
    CHECK(text_of(make_dec(-(2 * (p63 - 1) + 1), 2, 1).round(dec("1"), Rounding::half_up)) ==
          "-9223372036854775808");
    // Rounding up from just below 2^64 leaves the 64-bit range.
    CHECK(
        text_of(make_dec(static_cast<Int128>(2 * two64 - 1), 2, 0).round(dec("1"), Rounding::up)) ==
        "18446744073709551616");
}

TEST_CASE("decimal: to_string of 64-bit values with large denominators") {
    // Denominators above (2^64-1)/10, where 10 * remainder no longer fits in 64 bits.
    for (UInt128 d :
         {UInt128{1844674407370955161u}, UInt128{1844674407370955162u}, two64 - 1, two64 / 2 + 1,
          UInt128{7450580596923828125u} /* 5^27 */, two64 / 2 /* 2^63 */, UInt128{3} << 62}) {
        for (UInt128 n : {UInt128{1}, d - 1, d / 2, d / 3 + 1, two64 - 1}) {
            for (int sign : {1, -1}) {
                Decimal const v =
                    make_dec(sign * static_cast<Int128>(n), static_cast<Int128>(d), 3);
                CHECK(v.to_string() == ref_to_string(ref_of(v)));
            }
        }
    }
    CHECK(make_dec(1, static_cast<Int128>(two64 / 2), 0).to_string() ==
          "0.000000000000000000108420217248550443400745280086994171142578125");
    CHECK(make_dec(static_cast<Int128>(two64 - 1), static_cast<Int128>(two64 - 2), 0).to_string() ==
          "1.000000\u2026");
}

TEST_CASE("decimal: randomized differential test against the 128-bit reference") {
    std::mt19937_64 rng(20261127);
    auto pick = [&rng](std::uint64_t n) {
        return std::uniform_int_distribution<std::uint64_t>(0, n - 1)(rng);
    };
    auto part = [&]() -> UInt128 {
        switch (pick(10)) {
        case 0:
        case 1:
            return pick(1000);
        case 2: { // 2^a 5^b times a small factor: finite decimals, shared factors
            UInt128 v = 1 + pick(20);
            for (auto n = pick(30); n > 0; --n) {
                v *= pick(2) ? 2 : 5;
            }
            return v;
        }
        case 3:
            return (UInt128{1} << 32) - 3 + pick(7);
        case 4:
            return two64 / 2 - 3 + pick(7);
        case 5:
            return two64 - 4 + pick(8);
        case 6:
            return rng();
        case 7:
            return rng() >> pick(64);
        case 8:
            return ((UInt128{rng()} << 64) | rng()) >> (1 + pick(64));
        default:
            return static_cast<UInt128>(i128_max) - pick(5);
        }
    };
    auto value = [&]() {
        UInt128 n = part();
        UInt128 d = part();
        if (d == 0) {
            d = 1;
        }
        Int128 const num = pick(2) ? -static_cast<Int128>(n) : static_cast<Int128>(n);
        return make_dec(num, static_cast<Int128>(d), static_cast<int>(pick(5)));
    };
    for (int i = 0; i < 3000; ++i) {
        Decimal const a = value();
        Decimal const b = value();
        check_against_reference(a, b);
        // Identities on the way: (a * b) / b == a when nothing overflows.
        Checked const product = mul(a, b);
        if (product.value && !b.is_zero()) {
            CHECK(value_of(div(*product.value, b)) == a);
        }
    }
}
