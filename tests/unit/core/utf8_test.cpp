// core/utf8: which bytes start no UTF-8 sequence, and the message a CSV reader gives.
#include "core/utf8.hpp"

#include <catch2/catch.hpp>

#include <string>

using billijk::first_invalid_utf8;
using billijk::not_utf8;

TEST_CASE("UTF-8 text of every sequence length is accepted whole", "[io][utf8]") {
    for (std::string const& text :
         {std::string(), std::string("plain ASCII, \"quotes\"\t\x01"), std::string("caf\xC3\xA9"),
          std::string("\xE2\x82\xAC 5"), std::string("\xF0\x9F\x98\x80"),
          std::string("Gemeente \xE2\x80\x99s-Hertogenbosch")}) {
        CHECK(first_invalid_utf8(text) == text.size());
        CHECK_FALSE(not_utf8(text, "x"));
    }
}

TEST_CASE("The first byte that starts no UTF-8 sequence is found", "[io][utf8]") {
    CHECK(first_invalid_utf8("caf\xE9") == 3);                // Windows-1252 e-acute
    CHECK(first_invalid_utf8("\xC3\xA9t\xE9") == 3);          // after a valid sequence
    CHECK(first_invalid_utf8("x\xC3") == 1);                  // cut off
    CHECK(first_invalid_utf8("\xC0\xAF") == 0);               // overlong '/'
    CHECK(first_invalid_utf8("\xED\xA0\x80") == 0);           // a surrogate
    CHECK(first_invalid_utf8("\xF4\x90\x80\x80") == 0);       // above U+10FFFF
    CHECK(first_invalid_utf8("ab\x80") == 2);                 // a lone continuation byte
    CHECK(first_invalid_utf8(std::string("\0\xFF", 2)) == 1); // NUL is ASCII
}

TEST_CASE("A cell that is not UTF-8 gets a message with the byte and its position", "[io][utf8]") {
    auto const why = not_utf8("GM0489 Caf\xE9", billijk::csv_utf8_advice);
    REQUIRE(why);
    CHECK(*why == "is not UTF-8 text (byte 0xE9 at position 11); save the file as UTF-8 (a "
                  "spreadsheet's \"CSV UTF-8\")");
    CHECK(not_utf8("\x80", "x")->find("byte 0x80 at position 1") != std::string::npos);
}

TEST_CASE("A file name that is not UTF-8 is shown with its bytes escaped", "[io][utf8]") {
    CHECK(billijk::utf8_display("besluit\xE9.jsonl") == "besluit\\xE9.jsonl");
    CHECK(billijk::utf8_display("\xFF\xFE") == "\\xFF\\xFE");
    CHECK(billijk::utf8_display("caf\xC3\xA9 \xE9") == "caf\xC3\xA9 \\xE9");
    CHECK(billijk::utf8_display("") == "");
    CHECK(billijk::utf8_display("plain.csv") == "plain.csv");
}

TEST_CASE("A byte is named with two uppercase hex digits", "[io][utf8]") {
    std::string out = "0x";
    billijk::append_hex_byte(out, 0x0A);
    billijk::append_hex_byte(out, 0x00);
    billijk::append_hex_byte(out, 0xE9);
    billijk::append_hex_byte(out, 0xFF);
    CHECK(out == "0x0A00E9FF");
}
