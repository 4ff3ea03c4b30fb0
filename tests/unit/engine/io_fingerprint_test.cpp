// SHA-256 and the indication fingerprint.
#include "billijk/version.hpp"
#include "io/fingerprint.hpp"
#include "io_sample_indication.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace billijk;

TEST_CASE("sha256_hex matches the FIPS 180-2 test vectors", "[io][fingerprint]") {
    CHECK(io::sha256_hex("abc") ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(io::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(io::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("append_field writes name=length:value lines no value can imitate", "[io][fingerprint]") {
    std::string a, b;
    io::append_field(a, "x", "1\ny=1:2");
    io::append_field(b, "x", "1");
    io::append_field(b, "y", "2");
    CHECK(a == "x=7:1\ny=1:2\n");
    CHECK(b == "x=1:1\ny=1:2\n");
    CHECK(a != b);
}

TEST_CASE("the fingerprint text names engine, rules, date and case", "[io][fingerprint]") {
    Indication ind;
    ind.reference_date = *Date::parse("2017-06-01");
    ind.rules = {{"barendrecht.jeugd", "2015-01-01..2017-12-31", "sha256:aa"}};
    std::string const engine = engine_name;
    CHECK(io::fingerprint_text(ind, R"({"a":1})") == "fingerprint=21:billijk.fingerprint/1\n"
                                                     "engine=" +
                                                         std::to_string(engine.size()) + ":" +
                                                         engine +
                                                         "\n"
                                                         "rule_language=1:" +
                                                         std::to_string(rule_language_version) +
                                                         "\n"
                                                         "rules=1:1\n"
                                                         "package=17:barendrecht.jeugd\n"
                                                         "version=22:2015-01-01..2017-12-31\n"
                                                         "hash=9:sha256:aa\n"
                                                         "reference_date=10:2017-06-01\n"
                                                         "case=7:{\"a\":1}\n");
}

TEST_CASE("the fingerprint changes with what determined the result, and only that",
          "[io][fingerprint]") {
    Indication const ind = test::sample_indication();
    std::string const canonical = R"({"case_id":"BAR-2017-0042"})";
    std::string const fp = io::fingerprint(ind, canonical);
    CHECK(fp.rfind("sha256:", 0) == 0);
    CHECK(fp.size() == 7 + 64);
    CHECK(io::fingerprint(ind, canonical) == fp);

    Indication other = ind;
    other.fingerprint = "sha256:something else";
    other.provisions.clear();
    CHECK(io::fingerprint(other, canonical) == fp);

    other = ind;
    other.rules[0].hash = "sha256:cccc";
    CHECK(io::fingerprint(other, canonical) != fp);
    other = ind;
    other.reference_date = *Date::parse("2017-06-02");
    CHECK(io::fingerprint(other, canonical) != fp);
    CHECK(io::fingerprint(ind, R"({"case_id":"BAR-2017-0043"})") != fp);
    // A package name cannot leak into the version field and give the same text.
    other = ind;
    other.rules[0].package = "barendrecht.jeugd\nversion=1:x";
    CHECK(io::fingerprint(other, canonical) != fp);
}

TEST_CASE("the fingerprint is the SHA-256 of its text whatever was fingerprinted before",
          "[io][fingerprint]") {
    // fingerprint() keeps the digest of the rules and plugins between calls: a different list,
    // in any order of calls and on any thread, must not reuse the state of another.
    Indication const a = test::sample_indication();
    Indication b = a;
    b.rules[0].hash = "sha256:bbbb";
    Indication c = a;
    c.plugins.clear();
    Indication d = a;
    d.plugins[0].sha256 += "0"; // differs only in the last byte of the prefix
    std::vector<std::string> const cases = {R"({"case_id":"1"})", R"({"case_id":"22"})", ""};
    auto expected = [](Indication const& ind, std::string const& canonical) {
        return "sha256:" + io::sha256_hex(io::fingerprint_text(ind, canonical));
    };
    std::set<std::string> distinct;
    for (Indication const* ind :
         std::vector<Indication const*>{&a, &a, &b, &a, &c, &c, &d, &a, &d}) {
        for (auto const& canonical : cases) {
            auto const fp = io::fingerprint(*ind, canonical);
            CHECK(fp == expected(*ind, canonical));
            distinct.insert(fp);
        }
    }
    CHECK(distinct.size() == 4 * cases.size());

    std::string on_thread;
    std::thread([&] { on_thread = io::fingerprint(b, cases[0]); }).join();
    CHECK(on_thread == expected(b, cases[0]));
    CHECK(io::fingerprint(a, cases[0]) == expected(a, cases[0]));
}
