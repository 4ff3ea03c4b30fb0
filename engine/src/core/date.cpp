// Civil dates as day counts; see billijk/date.hpp.
//
// Conversions use Howard Hinnant's days_from_civil / civil_from_days
// (http://howardhinnant.github.io/date_algorithms.html), exact for the proleptic Gregorian
// calendar.
#include "billijk/date.hpp"

#include <cassert>
#include <cstdio>

namespace billijk {

namespace {

struct Civil {
    std::int64_t year;
    unsigned month;
    unsigned day;
};

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2 ? 1 : 0;
    std::int64_t const era = (y >= 0 ? y : y - 399) / 400;
    auto const yoe = static_cast<unsigned>(y - era * 400);                // [0, 399]
    unsigned const doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; // [0, 365]
    unsigned const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

Civil civil_from_days(std::int64_t z) {
    z += 719468;
    std::int64_t const era = (z >= 0 ? z : z - 146096) / 146097;
    auto const doe = static_cast<unsigned>(z - era * 146097);                   // [0, 146096]
    unsigned const yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; // [0, 399]
    std::int64_t const y = static_cast<std::int64_t>(yoe) + era * 400;
    unsigned const doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    unsigned const mp = (5 * doy + 2) / 153;                      // [0, 11]
    unsigned const d = doy - (153 * mp + 2) / 5 + 1;              // [1, 31]
    unsigned const m = mp < 10 ? mp + 3 : mp - 9;                 // [1, 12]
    return Civil{y + (m <= 2 ? 1 : 0), m, d};
}

bool is_leap(int year) {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

unsigned days_in_month(int year, unsigned month) {
    static constexpr unsigned lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : lengths[month - 1];
}

} // namespace

bool Date::is_valid(int year, unsigned month, unsigned day) {
    return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

Date Date::from_ymd(int year, unsigned month, unsigned day) {
    assert(is_valid(year, month, day) && "Date::from_ymd needs a valid calendar date");
    Date d;
    d.days_ = days_from_civil(year, month, day);
    return d;
}

std::optional<Date> Date::parse(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    auto number = [&](std::size_t begin, std::size_t count) -> int {
        int v = 0;
        for (std::size_t i = begin; i < begin + count; ++i) {
            if (text[i] < '0' || text[i] > '9') {
                return -1;
            }
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    int const year = number(0, 4);
    int const month = number(5, 2);
    int const day = number(8, 2);
    if (year < 0 || month < 0 || day < 0 ||
        !is_valid(year, static_cast<unsigned>(month), static_cast<unsigned>(day))) {
        return std::nullopt;
    }
    return from_ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

int Date::year() const {
    return static_cast<int>(civil_from_days(days_).year);
}
unsigned Date::month() const {
    return civil_from_days(days_).month;
}
unsigned Date::day() const {
    return civil_from_days(days_).day;
}

Date Date::add_days(std::int64_t n) const {
    Date d;
    d.days_ = days_ + n;
    return d;
}

std::string Date::to_string() const {
    Civil const c = civil_from_days(days_);
    if (c.year < 0 || c.year > 9999) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u", static_cast<long long>(c.year),
                      c.month, c.day);
        return buffer;
    }
    // By hand for the usual four-digit year: dates are printed in every explanation note, and
    // snprintf was a tenth of an indication without explanations (bench/, callgrind).
    auto const year = static_cast<unsigned>(c.year);
    std::string out(10, '-');
    out[0] = static_cast<char>('0' + year / 1000);
    out[1] = static_cast<char>('0' + year / 100 % 10);
    out[2] = static_cast<char>('0' + year / 10 % 10);
    out[3] = static_cast<char>('0' + year % 10);
    out[5] = static_cast<char>('0' + c.month / 10);
    out[6] = static_cast<char>('0' + c.month % 10);
    out[8] = static_cast<char>('0' + c.day / 10);
    out[9] = static_cast<char>('0' + c.day % 10);
    return out;
}

int whole_years_between(Date from, Date to) {
    if (to < from) {
        return -whole_years_between(to, from);
    }
    Civil const a = civil_from_days(from.days_since_epoch());
    Civil const b = civil_from_days(to.days_since_epoch());
    int years = static_cast<int>(b.year - a.year);
    // The anniversary has not come yet this year. A 29 February birthday in a non-leap year:
    // 28 February is before it and 1 March after it, so it completes on 1 March.
    if (b.month < a.month || (b.month == a.month && b.day < a.day)) {
        --years;
    }
    return years;
}

std::int64_t days_inclusive(Date a, Date b) {
    return b.days_since_epoch() - a.days_since_epoch() + 1;
}

} // namespace billijk
