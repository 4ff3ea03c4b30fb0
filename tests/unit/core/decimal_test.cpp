#include "billijk/decimal.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

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

TEST_CASE("decimal: rounding to other steps; the result has the step's scale") {
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
