// The fast JSON parser reads exactly what nlohmann's reads, to the same tree, or declines: on the
// golden cases, on edge cases of the grammar, and on thousands of mutated texts.
#include "io/json_tree.hpp"
#include "io/json_tree_fast.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using namespace billijk;
using io::JsonNode;

namespace {

/// Whenever the fast parser accepts `text`, nlohmann's accepts it too, without a duplicate key,
/// and both give the same tree. Returns whether the fast parser accepted.
bool agrees(std::string const& text, std::size_t max_depth = io::default_max_json_depth) {
    auto const fast = io::parse_json_tree_fast(text, max_depth);
    if (!fast)
        return false;
    auto const reference = io::parse_json_tree_with_nlohmann(text, max_depth);
    INFO("text: " << text);
    REQUIRE(reference.root);
    CHECK(reference.duplicates.empty());
    CHECK(*fast == *reference.root);
    return true;
}

std::vector<std::string> golden_cases() {
    std::vector<std::string> out;
    auto const root = std::filesystem::path(BILLIJK_SOURCE_DIR) / "tests" / "golden";
    for (auto const& entry : std::filesystem::recursive_directory_iterator(root))
        if (entry.path().filename() == "case.json") {
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            out.push_back(text.str());
        }
    std::sort(out.begin(), out.end()); // the same order, so the same mutations, every run
    return out;
}

} // namespace

TEST_CASE("io: the fast JSON parser reads every golden case as nlohmann does", "[io][json]") {
    auto const cases = golden_cases();
    REQUIRE(cases.size() > 50);
    std::size_t accepted = 0, valid = 0;
    for (auto const& text : cases) {
        accepted += agrees(text) ? 1 : 0;
        auto const reference = io::parse_json_tree_with_nlohmann(text);
        valid += reference.root && reference.duplicates.empty() ? 1 : 0;
    }
    // Plain case files (no escapes): the fast parser reads every valid one; invalid-json is not.
    CHECK(valid * 10 > cases.size() * 9);
    CHECK(accepted == valid);
}

TEST_CASE("io: the fast JSON parser declines what it leaves to nlohmann", "[io][json]") {
    for (std::string const text : {"1e-999", // underflows: nlohmann's (it reads 0)
                                   "1e5",
                                   "1E-5",
                                   "2.5e+3",

                                   "",
                                   " ",
                                   "-0",
                                   "[-0]",
                                   "1e999",
                                   "[-1E400]",
                                   "123456789012345678901234567890",
                                   "-9223372036854775809",
                                   "18446744073709551616",
                                   "\"\\u00e9\"",
                                   "\"\\ud83d\\ude00\"",
                                   "\xEF\xBB\xBF{}",
                                   "{\"a\":1,\"a\":2}",
                                   "[1,]",
                                   "{\"a\":1,}",
                                   "[01]",
                                   "[1.]",
                                   "[.5]",
                                   "[+1]",
                                   "[1e]",
                                   "\"\x01\"",
                                   "\"\xC0\x80\"",
                                   "\"\xED\xA0\x80\"",
                                   "\"\xF4\x90\x80\x80\"",
                                   "\"\xE0\x9F\xBF\"",
                                   "\"abc",
                                   "[\"\\x\"]",
                                   "{1:2}",
                                   "{\"a\" 1}",
                                   "[true false]",
                                   "tru",
                                   "nul",
                                   "[1] [2]",
                                   "{\"a\":[}",
                                   "\"\\\"",
                                   "[\"a\"\"b\"]"}) {
        INFO("text: " << text);
        CHECK_FALSE(io::parse_json_tree_fast(text, io::default_max_json_depth));
    }
}

TEST_CASE("io: the fast JSON parser reads the grammar's plain forms as nlohmann does",
          "[io][json]") {
    for (std::string const text :
         {"{}", "[]", " \t\r\n{ } ", "null", "true", "false", "0", "-1", "16.00", "-0.0",
          "-9223372036854775808", "18446744073709551615", "\"a\\/b\\\"c\\\\d\\b\\f\\n\\r\\t\"",
          "\"\x7f\"", "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"",
          "{\"a\":{\"b\":[1,{\"c\":null}],\"d\":\"\"},\"e\":[[],{}]}", "[1, 2 , 3 ,4]",
          "{\"rate\": 16.00, \"amount\": \"2\"}"}) {
        INFO("text: " << text);
        CHECK(agrees(text));
    }
}

TEST_CASE("io: the fast JSON parser finds a special byte at every offset of a string",
          "[io][json]") {
    // Strings are skipped sixteen bytes at a time up to the first byte that needs a look: one
    // escape, multibyte sequence, bad byte or escape left to nlohmann at every offset of strings up
    // to 40 bytes long, with the string first in the document and followed by more, so that blocks
    // cross its end.
    std::vector<std::string> const valid = {"\\\"", "\\\\",     "\\n",          "\\/",
                                            "\x7F", "\xC3\xAB", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"};
    std::vector<std::string> const declined = {
        std::string(1, '\0'), "\x1F", "\xFF", "\xC3", "\xE2\x82", "\xED\xA0\x80", "\\x", "\\u00e9"};
    for (std::size_t length = 0; length <= 40; ++length) {
        for (std::size_t at = 0; at <= length; ++at) {
            for (std::string const& after : {std::string(), std::string(",\"next\":\"value\"")}) {
                auto text = [&](std::string const& piece) {
                    return "{\"k\":\"" + std::string(at, 'x') + piece +
                           std::string(length - at, 'y') + "\"" + after + "}";
                };
                for (auto const& piece : valid)
                    CHECK(agrees(text(piece)));
                for (auto const& piece : declined) {
                    INFO("text: " << text(piece));
                    CHECK_FALSE(io::parse_json_tree_fast(text(piece), io::default_max_json_depth));
                }
            }
        }
    }
}

TEST_CASE("io: the fast JSON parser reads long fractions but leaves exponents to nlohmann",
          "[io][json]") {
    CHECK(agrees("[" + std::string(300, '9') + ".5]"));
    CHECK_FALSE(io::parse_json_tree_fast(std::string(301, '9') + ".5", io::default_max_json_depth));
    CHECK_FALSE(io::parse_json_tree_fast("[1.5e2]", io::default_max_json_depth));
    CHECK(io::parse_json_tree("[1.5e2]").root->items.front().text == "1.5e2");
}

TEST_CASE("io: the fast JSON parser stops at the same depth", "[io][json]") {
    auto nested = [](std::size_t depth) {
        return std::string(depth, '[') + std::string(depth, ']');
    };
    CHECK(agrees(nested(100), 100));
    CHECK_FALSE(io::parse_json_tree_fast(nested(101), 100));
    CHECK_FALSE(io::parse_json_tree_with_nlohmann(nested(101), 100).root);
    std::string big_object = "{";
    for (int i = 0; i < 100; ++i)
        big_object += (i > 0 ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
    big_object += "}";
    // Too many members to search for a repeated one: nlohmann's, with the same result.
    CHECK_FALSE(io::parse_json_tree_fast(big_object, 100));
    CHECK(io::parse_json_tree(big_object).root->keys.size() == 100);
}

TEST_CASE("io: on mutated golden cases the fast JSON parser agrees with nlohmann or declines",
          "[io][json]") {
    auto const cases = golden_cases();
    std::string const alphabet =
        "{}[],:\"\\-+0123456789.eEtfnul \t\n/bru\x01\x7f\x80\xA9\xC3\xE2\xED\xF0";
    std::mt19937 random(20261127);
    std::size_t accepted = 0, tried = 0;
    for (int round = 0; round < 40; ++round)
        for (auto const& original : cases) {
            std::string text = original;
            int const edits = 1 + static_cast<int>(random() % 3);
            for (int e = 0; e < edits && !text.empty(); ++e) {
                std::size_t const at = random() % text.size();
                char const c = alphabet[random() % alphabet.size()];
                switch (random() % 4) {
                case 0:
                    text.erase(at, 1);
                    break;
                case 1:
                    text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c);
                    break;
                case 2:
                    text[at] = c;
                    break;
                default:
                    text.resize(at);
                    break;
                }
            }
            ++tried;
            accepted += agrees(text) ? 1 : 0;
        }
    // Many mutations leave valid JSON (a changed digit or letter in a string): those are compared.
    CHECK(accepted * 10 > tried);
}
