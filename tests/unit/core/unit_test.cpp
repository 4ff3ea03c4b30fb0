#include "billijk/unit.hpp"

#include <catch2/catch.hpp>

#include <string>

using billijk::BaseUnit;
using billijk::Unit;

namespace {

Unit word(std::string const& text) {
    auto u = Unit::parse_word(text);
    INFO("word " << text);
    REQUIRE(u.has_value());
    return *u;
}

/// Parses "eur/hour*hour" left to right, as the rule language does.
Unit expr(std::string const& text) {
    Unit result;
    char op = '*';
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '*' || text[i] == '/') {
            Unit const w = word(text.substr(start, i - start));
            result = op == '*' ? result * w : result / w;
            if (i < text.size()) {
                op = text[i];
            }
            start = i + 1;
        }
    }
    return result;
}

} // namespace

TEST_CASE("unit: every spelling of the rule language is a unit word") {
    struct Case {
        char const* singular;
        char const* plural;
        BaseUnit base;
    };
    for (Case c : {Case{"eur", "eur", BaseUnit::eur}, Case{"hour", "hours", BaseUnit::hour},
                   Case{"minute", "minutes", BaseUnit::minute}, Case{"day", "days", BaseUnit::day},
                   Case{"week", "weeks", BaseUnit::week},
                   Case{"fourweeks", "fourweeks", BaseUnit::fourweeks},
                   Case{"month", "months", BaseUnit::month}, Case{"year", "years", BaseUnit::year},
                   Case{"etmaal", "etmalen", BaseUnit::etmaal},
                   Case{"zone", "zones", BaseUnit::zone}, Case{"km", "km", BaseUnit::km},
                   Case{"ride", "rides", BaseUnit::ride}, Case{"meal", "meals", BaseUnit::meal}}) {
        INFO(c.singular);
        CHECK(word(c.singular) == Unit::of(c.base));
        CHECK(word(c.plural) == Unit::of(c.base));
        CHECK(Unit::is_unit_word(c.singular));
        CHECK(Unit::is_unit_word(c.plural));
        CHECK(word(c.singular).exponent(c.base) == 1);
        CHECK_FALSE(word(c.singular).is_dimensionless());
    }
    CHECK(word("count").is_dimensionless());
    CHECK_FALSE(word("count").is_percent());
    CHECK(word("percent").is_dimensionless());
    CHECK(word("percent").is_percent());
    CHECK(Unit::is_unit_word("count"));
    CHECK(Unit::is_unit_word("percent"));
}

TEST_CASE("unit: other words are not units") {
    for (char const* bad : {"", "eurs", "kms", "etmaals", "Hours", "EUR", "hour ", "uur", "%",
                            "fourweek", "hours/week", "bool", "date"}) {
        INFO("word '" << bad << "'");
        CHECK_FALSE(Unit::parse_word(bad).has_value());
        CHECK_FALSE(Unit::is_unit_word(bad));
    }
}

TEST_CASE("unit: arithmetic follows the units") {
    CHECK(expr("eur/hour") * expr("hours/week") == expr("eur/week"));
    CHECK(expr("hours/week") * expr("weeks/year") == expr("hours/year"));
    CHECK(expr("percent") * expr("eur/hour") == expr("eur/hour"));
    CHECK(expr("eur/hour*hour") == expr("eur"));
    CHECK(expr("eur") / expr("eur") == Unit{});
    CHECK_FALSE(expr("eur") == expr("hours"));
    CHECK_FALSE(expr("eur/hour") == expr("eur/week"));
    CHECK_FALSE(expr("hours/week") == expr("weeks/hour"));
    CHECK(expr("eur/week") / expr("eur/hour") == expr("hours/week"));
    Unit squared = expr("hour*hours");
    CHECK(squared.exponent(BaseUnit::hour) == 2);
    CHECK(expr("eur/hour/hour").exponent(BaseUnit::hour) == -2);
    // Equality ignores the percent flag.
    CHECK(Unit::percent() == Unit{});
}

TEST_CASE("unit: canonical text") {
    CHECK(expr("eur/hour").to_string() == "eur/hour");
    CHECK(expr("hour/weeks").to_string() == "hours/week");
    CHECK((expr("eur/hour") * expr("hours/week")).to_string() == "eur/week");
    CHECK(expr("eur/years").to_string() == "eur/year");
    CHECK(expr("zone/year").to_string() == "zones/year");
    CHECK(expr("km/year").to_string() == "km/year");
    CHECK(expr("minute/week").to_string() == "minutes/week");
    CHECK(expr("day").to_string() == "days");
    CHECK(expr("eur").to_string() == "eur");
    CHECK(expr("km").to_string() == "km");
    CHECK(expr("etmaal").to_string() == "etmalen");
    CHECK(expr("etmalen/week").to_string() == "etmalen/week");
    CHECK(expr("eur/etmalen").to_string() == "eur/etmaal");
    CHECK(expr("fourweeks").to_string() == "fourweeks");
    CHECK(expr("eur/fourweeks").to_string() == "eur/fourweeks");
    CHECK(expr("ride/month").to_string() == "rides/month");
    CHECK(expr("meal/days").to_string() == "meals/day");
    CHECK(expr("count").to_string() == "count");
    CHECK(Unit{}.to_string() == "count");
    CHECK(expr("percent").to_string() == "percent");
    CHECK((expr("eur") / expr("eur")).to_string() == "count");
    // Several numerator units: declaration order, all plural.
    CHECK(expr("hours*eur").to_string() == "eur*hours");
    CHECK(expr("hours*eur/week").to_string() == "eur*hours/week");
    CHECK(expr("zones*rides/month/year").to_string() == "zones*rides/month/year");
    // Powers repeat the word, so the text reads back as the same unit.
    CHECK(expr("hour*hour").to_string() == "hours*hours");
    CHECK(expr("eur/hour/hour").to_string() == "eur/hour/hour");
    CHECK(expr("eur/hour/hour") == expr(expr("eur/hour/hour").to_string()));
    // No numerator left.
    CHECK((Unit{} / expr("week")).to_string() == "count/week");
    CHECK(expr("count/week") == Unit{} / expr("week"));
    // Percent of something is that something.
    CHECK((expr("percent") * expr("eur/hour")).to_string() == "eur/hour");
}

TEST_CASE("unit: every pair of base units and powers reads back from its text") {
    // Each base unit with each other one and with powers up to a long text: every text reads
    // back as the unit, and append_to appends exactly to_string().
    auto power = [](BaseUnit base, int exponent) {
        Unit u;
        for (int k = 0; k < exponent; ++k)
            u = u * Unit::of(base);
        for (int k = 0; k > exponent; --k)
            u = u / Unit::of(base);
        return u;
    };
    for (std::size_t a = 0; a < billijk::base_unit_count; ++a) {
        for (std::size_t b = 0; b < billijk::base_unit_count; ++b) {
            for (int ea : {-2, -1, 1, 2, 30}) {
                for (int eb : {-1, 1, 3}) {
                    Unit const u =
                        power(static_cast<BaseUnit>(a), ea) * power(static_cast<BaseUnit>(b), eb);
                    std::string const text = u.to_string();
                    INFO(a << "^" << ea << " * " << b << "^" << eb << ": " << text);
                    auto const back = Unit::parse(text);
                    REQUIRE(back);
                    CHECK(*back == u);
                    std::string appended = "x ";
                    u.append_to(appended);
                    CHECK(appended == "x " + text);
                }
            }
        }
    }
}

TEST_CASE("unit: one base unit over another is written plural over singular") {
    // These texts come from a table made at compile time: every entry against the spellings.
    struct Words {
        char const* singular;
        char const* plural;
    };
    Words const words[] = {{"eur", "eur"},      {"hour", "hours"}, {"minute", "minutes"},
                           {"day", "days"},     {"week", "weeks"}, {"fourweeks", "fourweeks"},
                           {"month", "months"}, {"year", "years"}, {"etmaal", "etmalen"},
                           {"zone", "zones"},   {"km", "km"},      {"ride", "rides"},
                           {"meal", "meals"}};
    REQUIRE(std::size(words) == billijk::base_unit_count);
    for (std::size_t up = 0; up < billijk::base_unit_count; ++up) {
        Unit const alone = Unit::of(static_cast<BaseUnit>(up));
        CHECK(alone.to_string() == words[up].plural);
        CHECK((Unit{} / alone).to_string() == std::string("count/") + words[up].singular);
        CHECK((Unit::percent() * alone).to_string() == words[up].plural);
        for (std::size_t down = 0; down < billijk::base_unit_count; ++down) {
            if (down == up)
                continue;
            Unit const u = alone / Unit::of(static_cast<BaseUnit>(down));
            INFO(up << " / " << down);
            CHECK(u.to_string() == std::string(words[up].plural) + "/" + words[down].singular);
        }
    }
}

TEST_CASE("unit: the percent flag through arithmetic") {
    Unit const pct = Unit::percent();
    Unit const count = Unit{};
    Unit const eur = Unit::of(BaseUnit::eur);
    CHECK((pct * count).is_percent());
    CHECK((count * pct).is_percent());
    CHECK((pct * pct).is_percent());
    CHECK_FALSE((pct / pct).is_percent());
    CHECK((pct / count).is_percent());
    CHECK_FALSE((count / pct).is_percent());
    CHECK_FALSE((eur / eur).is_percent());
    // 60% of a rate, divided by that rate: a share again.
    Unit const rate = eur / Unit::of(BaseUnit::hour);
    CHECK(((pct * rate) / rate).is_percent());
    CHECK_FALSE((pct * rate).is_percent());
}

TEST_CASE("unit expressions parse left to right", "[unit]") {
    using billijk::Unit;
    REQUIRE(Unit::parse("eur/hour"));
    CHECK(Unit::parse("eur/hour")->to_string() == "eur/hour");
    CHECK(Unit::parse("hours/week")->to_string() == "hours/week");
    CHECK(Unit::parse("eur/hour*hour")->to_string() == "eur");
    CHECK_FALSE(Unit::parse("euro/hour"));
    CHECK_FALSE(Unit::parse("eur/"));
    CHECK_FALSE(Unit::parse(""));
    CHECK_FALSE(Unit::parse("date"));
}
