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

TEST_CASE("optional text: a borrowed text views its string, and so do its copies") {
    std::string const source = "begeleiding_individueel";
    OptionalText view = OptionalText::borrow(source);
    CHECK(view.borrowed());
    CHECK(&view.str() == &source); // no copy
    OptionalText copy = view;
    CHECK(copy.borrowed());
    CHECK(&copy.str() == &source);
    OptionalText assigned;
    assigned = copy;
    CHECK(&assigned.str() == &source);
    OptionalText moved = std::move(copy);
    CHECK(&moved.str() == &source);
    CHECK(copy.empty()); // NOLINT(bugprone-use-after-move): the moved-from state is the contract

    // An owned text stays owned through copies; a view of it views that copy's string.
    OptionalText owned = std::string("toezicht");
    CHECK_FALSE(owned.borrowed());
    OptionalText owned_copy = owned;
    CHECK_FALSE(owned_copy.borrowed());
    CHECK(&owned_copy.str() != &owned.str());
    OptionalText of_owned = OptionalText::borrow(owned);
    CHECK(&of_owned.str() == &owned.str());
    // Assigning an owned text over a borrowed one (and back) keeps each its own.
    view = owned;
    CHECK_FALSE(view.borrowed());
    CHECK(view == "toezicht");
    view = OptionalText::borrow(source);
    CHECK(view == source);
    std::string const nothing;
    CHECK(OptionalText::borrow(nothing).empty()); // (a temporary does not compile: deleted)
}

TEST_CASE("optional text: a borrowed scalar reads as the scalar it views") {
    billijk::sema::Scalar member;
    member.type = billijk::sema::Type::enumeration("provider");
    member.text = "informal";
    auto view = billijk::sema::borrowed(member);
    CHECK(view == member);
    CHECK(view.text.borrowed());
    CHECK(view.type.enum_name.borrowed());
    CHECK(&view.text.str() == &member.text.str());
    CHECK(view.to_string() == "informal");
    CHECK(view.type == member.type);
}
