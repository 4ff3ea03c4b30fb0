// The BSN pseudonym: keyed, deterministic, never leaves the BSN in clear.
#include "store/pseudonym.hpp"
#include "store_test_support.hpp"

#include "io/case_json.hpp"

#include <string>
#include <thread>

using namespace billijk;

TEST_CASE("a pseudonym key must be long enough, trailing newlines are not part of it",
          "[store][pseudonym]") {
    auto short_key = store::make_pseudonym_key("short\n", "key.txt");
    REQUIRE_FALSE(short_key);
    CHECK(short_key.diagnostics().items().front().id == "S0104");
    CHECK(short_key.diagnostics().items().front().message.find("key.txt") == 0);

    auto a = store::make_pseudonym_key("0123456789abcdef\n", "file");
    auto b = store::make_pseudonym_key("0123456789abcdef", "env");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(store::pseudonym(a.value(), "111222333") == store::pseudonym(b.value(), "111222333"));
}

TEST_CASE("HMAC-SHA256 matches the RFC 4231 test vectors, whatever came before",
          "[store][pseudonym]") {
    // RFC 4231, test cases 2 and 1, alternating: each thread reuses one MAC context, and a
    // new key must replace the previous one entirely.
    std::string const jefe = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    std::string const hi_there = "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";
    for (int round = 0; round < 2; ++round) {
        CHECK(store::hmac_sha256_hex("Jefe", "what do ya want for nothing?") == jefe);
        CHECK(store::hmac_sha256_hex(std::string(20, '\x0b'), "Hi There") == hi_there);
    }
    // The same key again and again (the context keeps its keyed state between them), then a
    // key that extends it: the MAC of each message is its own.
    CHECK(store::hmac_sha256_hex("Jefe", "what do ya want for nothing?") == jefe);
    CHECK(store::hmac_sha256_hex("Jefe", "something else") !=
          store::hmac_sha256_hex("Jefe", "what do ya want for nothing?"));
    CHECK(store::hmac_sha256_hex("Jefe", "what do ya want for nothing?") == jefe);
    CHECK(store::hmac_sha256_hex("Jefe2", "what do ya want for nothing?") != jefe);
    CHECK(store::hmac_sha256_hex("Jefe", "what do ya want for nothing?") == jefe);
    CHECK(store::hmac_sha256_hex(std::string(20, '\x0b'), "Hi There") == hi_there);
    CHECK(store::hmac_sha256_hex(std::string(20, '\x0b'), "Hi There") == hi_there);
    // And on another thread, with a context of its own.
    std::string other;
    std::thread([&] {
        other = store::hmac_sha256_hex("Jefe", "what do ya want for nothing?");
    }).join();
    CHECK(other == jefe);
}

TEST_CASE("pseudonyms depend on the key and the BSN", "[store][pseudonym]") {
    auto const k1 = test::test_key("first-key-0123456789");
    auto const k2 = test::test_key("second-key-0123456789");
    auto const p = store::pseudonym(k1, "111222333");
    CHECK(p.rfind("hmac-sha256:", 0) == 0);
    CHECK(p.size() == 12 + 64);
    CHECK(p != store::pseudonym(k2, "111222333"));
    CHECK(p != store::pseudonym(k1, "123456782"));
    CHECK(store::key_check(k1) != store::key_check(k2));
}

TEST_CASE("a stored case has every bsn member pseudonymised and nothing else changed",
          "[store][pseudonym]") {
    auto const key = test::test_key();
    std::string const text = test::sample_case("123456782");
    auto stored = store::pseudonymise_case(text, key);
    REQUIRE(stored);
    auto const& s = stored.value();
    CHECK(s.json.find("123456782") == std::string::npos);
    CHECK(s.json.find("111222333") == std::string::npos); // extra.bsn too
    CHECK(s.bsn_pseudonym == store::pseudonym(key, "123456782"));
    CHECK(s.json.find(s.bsn_pseudonym) != std::string::npos);
    CHECK(s.case_id == "BAR-2017-0001");
    // Without the BSNs the stored case is the case: the fingerprint's canonical text is equal.
    CHECK(io::canonical_case_json(s.json) == io::canonical_case_json(text));
}

TEST_CASE("a BSN in clear outside a bsn field is refused, naming the field, not the BSN",
          "[store][pseudonym]") {
    auto stored = store::pseudonymise_case(test::sample_case("123456782", "client 123456782"),
                                           test::test_key());
    REQUIRE_FALSE(stored);
    auto const& d = stored.diagnostics().items().front();
    CHECK(d.id == "S0106");
    CHECK(d.message.find("case_id") == 0);
    CHECK(d.message.find("123456782") == std::string::npos);
}

TEST_CASE("a replayed case carries a placeholder BSN and the engine reads it as the original",
          "[store][pseudonym]") {
    auto const key = test::test_key();
    std::string const text = test::sample_case("123456782");
    auto stored = store::pseudonymise_case(text, key);
    REQUIRE(stored);
    std::string const replay = store::case_for_replay(stored.value().json);
    CHECK(replay.find(std::string(store::replay_bsn)) != std::string::npos);
    CHECK(io::canonical_case_json(replay) == io::canonical_case_json(text));
    auto parsed = io::read_case(replay, "replay");
    REQUIRE(parsed);
    CHECK(parsed.value().bsn == store::replay_bsn);
}

TEST_CASE("the elfproef and BSN-like numbers in free text", "[store][pseudonym]") {
    CHECK(store::passes_elfproef("111222333"));
    CHECK(store::passes_elfproef(store::replay_bsn));
    CHECK_FALSE(store::passes_elfproef("111222334"));
    CHECK_FALSE(store::passes_elfproef("11122233"));
    CHECK(store::contains_bsn_like("client 111222333 needs more"));
    CHECK_FALSE(store::contains_bsn_like("client 1112223330 (10 digits)"));
    CHECK_FALSE(store::contains_bsn_like("budget 7000.00 for 2017"));
}
