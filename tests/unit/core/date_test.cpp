#include "billijk/date.hpp"

#include <catch2/catch.hpp>

#include <string>

using billijk::Date;
using billijk::days_inclusive;
using billijk::whole_years_between;

namespace {

Date date(std::string const& text) {
    auto d = Date::parse(text);
    INFO("date " << text);
    REQUIRE(d.has_value());
    return *d;
}

} // namespace

TEST_CASE("date: parse accepts exactly YYYY-MM-DD") {
    Date d = date("2017-06-01");
    CHECK(d.year() == 2017);
    CHECK(d.month() == 6);
    CHECK(d.day() == 1);
    CHECK(d.to_string() == "2017-06-01");
    CHECK(date("1000-01-01").to_string() == "1000-01-01");
    CHECK(date("9999-12-31").to_string() == "9999-12-31");
    CHECK(date("2016-02-29").to_string() == "2016-02-29");
    CHECK(date("2000-02-29").to_string() == "2000-02-29");
    CHECK(date("2017-12-31").day() == 31);
}

TEST_CASE("date: parse rejects other shapes and impossible dates") {
    for (char const* bad : {"",           "2017-6-01",        "2017-06-1",   "20170601",
                            "2017/06/01", "2017-06-01 ",      " 2017-06-01", "+017-06-01",
                            "2017-06-0a", "2017-06-01T00:00", "17-06-01",    "02017-06-01",
                            "2017-06--1", "2017-02-30",       "2017-02-29",  "1900-02-29",
                            "2100-02-29", "2017-13-01",       "2017-00-10",  "2017-01-00",
                            "2017-04-31", "2017-06-32",       "2017-1a-01",  "-017-06-01",
                            "2017_06_01"}) {
        INFO("text '" << bad << "'");
        CHECK_FALSE(Date::parse(bad).has_value());
    }
}

TEST_CASE("date: validity and leap years") {
    CHECK(Date::is_valid(2016, 2, 29));
    CHECK(Date::is_valid(2000, 2, 29));
    CHECK_FALSE(Date::is_valid(1900, 2, 29));
    CHECK_FALSE(Date::is_valid(2017, 2, 29));
    CHECK(Date::is_valid(2017, 2, 28));
    CHECK_FALSE(Date::is_valid(2017, 0, 1));
    CHECK_FALSE(Date::is_valid(2017, 13, 1));
    CHECK_FALSE(Date::is_valid(2017, 1, 0));
    CHECK_FALSE(Date::is_valid(2017, 11, 31));
    CHECK(Date::is_valid(2017, 12, 31));
    CHECK(Date::from_ymd(2016, 2, 29) == date("2016-02-29"));
}

TEST_CASE("date: days since the epoch") {
    CHECK(Date{}.to_string() == "1970-01-01");
    CHECK(Date{}.days_since_epoch() == 0);
    CHECK(date("1970-01-02").days_since_epoch() == 1);
    CHECK(date("1969-12-31").days_since_epoch() == -1);
    CHECK(date("2000-03-01").days_since_epoch() == 11017);
    CHECK(date("1000-01-01").days_since_epoch() == -354285);
    CHECK(date("9999-12-31").days_since_epoch() == 2932896);
}

TEST_CASE("date: add_days") {
    CHECK(date("2017-06-01").add_days(30).to_string() == "2017-07-01");
    CHECK(date("2016-02-28").add_days(1).to_string() == "2016-02-29");
    CHECK(date("2017-02-28").add_days(1).to_string() == "2017-03-01");
    CHECK(date("2017-12-31").add_days(1).to_string() == "2018-01-01");
    CHECK(date("2018-01-01").add_days(-1).to_string() == "2017-12-31");
    CHECK(date("2016-03-01").add_days(-1).to_string() == "2016-02-29");
    CHECK(date("2017-01-01").add_days(365).to_string() == "2018-01-01");
    CHECK(date("2016-01-01").add_days(365).to_string() == "2016-12-31");
}

TEST_CASE("date: every day from 1600 to 2400 round-trips") {
    Date d = date("1600-01-01");
    Date const end = date("2400-12-31");
    int year = 1600;
    unsigned month = 1;
    unsigned day = 1;
    std::int64_t count = 0;
    while (d <= end) {
        REQUIRE(d.year() == year);
        REQUIRE(d.month() == month);
        REQUIRE(d.day() == day);
        REQUIRE(Date::from_ymd(year, month, day) == d);
        // Advance the civil triple independently of the day count.
        if (Date::is_valid(year, month, day + 1)) {
            ++day;
        } else if (month < 12) {
            ++month;
            day = 1;
        } else {
            ++year;
            month = 1;
            day = 1;
        }
        d = d.add_days(1);
        ++count;
    }
    CHECK(count == 292560); // two 400-year cycles of 146097 days, then 2400 (a leap year)
    CHECK(Date::parse(date("2400-02-29").to_string()) == date("2400-02-29"));
}

TEST_CASE("date: comparisons") {
    CHECK(date("2017-06-01") < date("2017-06-02"));
    CHECK(date("2016-12-31") < date("2017-01-01"));
    CHECK(date("2017-06-01") == date("2017-06-01"));
    CHECK(date("2017-06-01") >= date("2017-05-31"));
}

TEST_CASE("date: whole years between (age on a date)") {
    CHECK(whole_years_between(date("2010-03-14"), date("2017-06-01")) == 7);
    Date const birth = date("2000-06-15");
    CHECK(whole_years_between(birth, date("2018-06-14")) == 17); // the day before
    CHECK(whole_years_between(birth, date("2018-06-15")) == 18); // the birthday
    CHECK(whole_years_between(birth, date("2018-06-16")) == 18); // the day after
    CHECK(whole_years_between(birth, date("2018-05-20")) == 17); // earlier month
    CHECK(whole_years_between(birth, date("2018-07-01")) == 18); // later month
    CHECK(whole_years_between(birth, birth) == 0);
    CHECK(whole_years_between(birth, date("2001-06-14")) == 0);
    CHECK(whole_years_between(birth, date("2001-06-15")) == 1);
    CHECK(whole_years_between(date("2017-12-31"), date("2018-01-01")) == 0);
    CHECK(whole_years_between(date("2017-01-01"), date("2017-12-31")) == 0);
    CHECK(whole_years_between(date("2017-01-01"), date("2018-01-01")) == 1);
}

TEST_CASE("date: a 29 February birthday completes on 1 March in non-leap years") {
    Date const birth = date("2008-02-29");
    CHECK(whole_years_between(birth, date("2017-02-28")) == 8);
    CHECK(whole_years_between(birth, date("2017-03-01")) == 9);
    CHECK(whole_years_between(birth, date("2016-02-28")) == 7);
    CHECK(whole_years_between(birth, date("2016-02-29")) == 8);
    CHECK(whole_years_between(birth, date("2016-03-01")) == 8);
    CHECK(whole_years_between(birth, date("2009-02-28")) == 0);
    CHECK(whole_years_between(birth, date("2009-03-01")) == 1);
    CHECK(whole_years_between(date("1996-02-29"), date("2100-02-28")) == 103);
    CHECK(whole_years_between(date("1996-02-29"), date("2100-03-01")) == 104);
}

TEST_CASE("date: whole years between is negative backwards") {
    CHECK(whole_years_between(date("2017-06-01"), date("2010-03-14")) == -7);
    CHECK(whole_years_between(date("2018-06-15"), date("2000-06-15")) == -18);
    CHECK(whole_years_between(date("2018-06-14"), date("2000-06-15")) == -17);
    CHECK(whole_years_between(date("2017-06-02"), date("2017-06-01")) == 0);
}

TEST_CASE("date: days inclusive") {
    CHECK(days_inclusive(date("2017-06-01"), date("2017-06-01")) == 1);
    CHECK(days_inclusive(date("2017-06-01"), date("2017-06-02")) == 2);
    CHECK(days_inclusive(date("2017-01-01"), date("2017-12-31")) == 365);
    CHECK(days_inclusive(date("2016-01-01"), date("2016-12-31")) == 366);
    CHECK(days_inclusive(date("2016-02-01"), date("2016-02-29")) == 29);
    CHECK(days_inclusive(date("2015-01-01"), date("2017-12-31")) == 1096);
    CHECK(days_inclusive(date("2017-06-02"), date("2017-06-01")) == 0);
    CHECK(days_inclusive(date("2017-06-03"), date("2017-06-01")) == -1);
}
