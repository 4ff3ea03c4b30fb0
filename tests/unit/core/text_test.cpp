// billijk::Text: an explanation's text, its own or borrowed; it reads as a std::string_view.
#include "billijk/text.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <sstream>
#include <string>
#include <string_view>

using billijk::Text;

TEST_CASE("text: an owned text keeps its own copy") {
    std::string source = "hourly_rate";
    Text own = source;
    source = "changed";
    CHECK_FALSE(own.borrowed());
    CHECK(own == "hourly_rate");
    Text copy = own;
    CHECK(copy.data() != own.data());
    CHECK(copy == own);
    CHECK(Text().empty());
    CHECK(Text("").empty());
}

TEST_CASE("text: a borrowed text and its copies view the same characters") {
    std::string const cites = "Beleidsregels Jeugdhulp Barendrecht 2015 §2.12.1";
    Text seen = Text::borrow(cites);
    CHECK(seen.borrowed());
    CHECK(seen.data() == cites.data());
    Text copy = seen;
    CHECK(copy.data() == cites.data());
    Text moved = std::move(copy);
    CHECK(moved.data() == cites.data());
    CHECK(seen.size() == cites.size());
    CHECK(std::string(seen) == cites);
    CHECK(seen.str() == cites);
}

TEST_CASE("text: compares, concatenates and prints as its characters") {
    std::string const name = "hourly_rate";
    Text const borrowed = Text::borrow(name);
    Text const owned = std::string("hourly_rate");
    CHECK(borrowed == owned);
    CHECK(borrowed == "hourly_rate");
    CHECK(borrowed == name);
    CHECK(name == borrowed);
    CHECK(borrowed == std::string_view("hourly_rate"));
    CHECK_FALSE(borrowed == "hourly");
    CHECK(borrowed != "hourly");
    CHECK(Text("a") < Text("b"));
    CHECK("rule " + borrowed == "rule hourly_rate");
    CHECK(borrowed + " = 1" == "hourly_rate = 1");
    CHECK(borrowed + '!' == "hourly_rate!");
    std::string appended = "x: ";
    appended += borrowed;
    CHECK(appended == "x: hourly_rate");
    std::ostringstream out;
    out << borrowed;
    CHECK(out.str() == "hourly_rate");
    std::map<Text, int> by_text{{owned, 1}};
    CHECK(by_text.count(borrowed) == 1);
}

namespace {

template <class Argument>
concept borrowable = requires(Argument&& argument) {
    billijk::Text::borrow(std::forward<Argument>(argument));
};

} // namespace

TEST_CASE("text: only what outlives the view can be borrowed") {
    // Checked when compiling: a literal, a kept string and a view can be borrowed; a temporary
    // string and a bare pointer (perhaps a temporary's c_str()) cannot.
    STATIC_REQUIRE(borrowable<char const(&)[6]>);
    STATIC_REQUIRE(borrowable<std::string const&>);
    STATIC_REQUIRE(borrowable<std::string_view>);
    STATIC_REQUIRE_FALSE(borrowable<std::string>);
    STATIC_REQUIRE_FALSE(borrowable<char const*>);
    STATIC_REQUIRE_FALSE(borrowable<char*>);
    CHECK(billijk::Text::borrow("input").view() == "input");
    CHECK(billijk::Text::borrow("input").view().size() == 5);
}
