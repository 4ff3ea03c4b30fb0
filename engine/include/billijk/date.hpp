// Civil dates without time zones or clocks.
//
// A `Date` is a proleptic Gregorian calendar day. Evaluation never reads the clock: the
// reference date is always an input.
//
//   auto d = *Date::parse("2017-06-01");
//   d.add_days(30).to_string();                 // "2017-07-01"
//   whole_years_between(*Date::parse("2010-03-14"), d);  // 7
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace billijk {

class Date {
  public:
    Date() = default; ///< 1970-01-01
    /// Strict "YYYY-MM-DD"; impossible dates (2017-02-30) and other shapes give nullopt.
    static std::optional<Date> parse(std::string_view text);
    static Date from_ymd(int year, unsigned month, unsigned day); ///< asserts validity
    static bool is_valid(int year, unsigned month, unsigned day);

    int year() const;
    unsigned month() const;
    unsigned day() const;
    std::int64_t days_since_epoch() const { return days_; }
    Date add_days(std::int64_t n) const;
    std::string to_string() const; ///< "YYYY-MM-DD"

    friend auto operator<=>(Date const&, Date const&) = default;

  private:
    std::int64_t days_ = 0;
};

/// Whole years completed from `from` to `to` (age on a date); a 29 February birthday counts as
/// completed on 1 March in non-leap years. Negative when `to` is before `from`.
int whole_years_between(Date from, Date to);
/// Number of days from a to b counting both ends (a == b gives 1): b - a + 1, so 0 when b is
/// the day before a and negative further back.
std::int64_t days_inclusive(Date a, Date b);

} // namespace billijk
