// sema::OptionalText: reads as the string it holds, empty costs nothing, copies are independent.
#include "sema/ir.hpp"
#include "sema/optional_text.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>

using billijk::sema::OptionalText;

TEST_CASE("optional text: an empty text reads as the empty string") {
    OptionalText none;
    CHECK(none.empty());
    CHECK(none.size() == 0);
    CHECK(none.str().empty());
    CHECK(none == "");
    OptionalText from_empty = std::string();
    CHECK(from_empty.empty()); // an empty string is stored as no string
    CHECK(from_empty == none);
}

TEST_CASE("optional text: a text reads, compares and concatenates as its string") {
    OptionalText t = std::string("informal");
    CHECK_FALSE(t.empty());
    CHECK(t.size() == 8);
    std::string const& s = t;
    CHECK(s == "informal");
    CHECK(t == "informal");
    CHECK(t == std::string("informal"));
    CHECK_FALSE(t == "formal");
    CHECK("zorg: " + t == "zorg: informal");
    CHECK(t + "!" == "informal!");
    CHECK(OptionalText("a") < OptionalText("b"));
}

TEST_CASE("optional text: copies of a text are independent, a moved-from text is empty") {
    OptionalText a = std::string("begeleiding");
    OptionalText b = a;
    a = "toezicht";
    CHECK(b == "begeleiding");
    CHECK(a == "toezicht");
    OptionalText c = std::move(a);
    CHECK(c == "toezicht");
    CHECK(a.empty()); // NOLINT(bugprone-use-after-move): the moved-from state is the contract
    auto const& same = b;
    b = same; // self-assignment keeps the text
    CHECK(b == "begeleiding");
}

TEST_CASE("optional text: scalars with texts compare by text, and copy them") {
    billijk::sema::Scalar member;
    member.type = billijk::sema::Type::enumeration("provider");
    member.text = "informal";
    auto copy = member;
    CHECK(copy == member);
    copy.text = "professional";
    CHECK_FALSE(copy == member);
    CHECK(member.to_string() == "informal");
    CHECK(member.type.enum_name == "provider");
}
