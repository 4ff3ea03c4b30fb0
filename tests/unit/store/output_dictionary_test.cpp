// A batch run's compression dictionary: trained deterministically, it makes each output of the
// run a fraction of its size alone; a frame compressed with one names it, and decoding without
// it (or with a damaged copy) is a clear error, never a wrong output.
#include "store/audit.hpp"
#include "store/output_codec.hpp"
#include "store/output_dictionaries.hpp"
#include "store/records.hpp"
#include "store_test_support.hpp"

#include <SQLiteCpp/Database.h>

using namespace billijk;

namespace {

/// An output shaped like an unexplained indication of one caseload: the same structure,
/// texts and plugin hash, with its own case id, amounts and fingerprint.
std::string caseload_output(int n) {
    std::string const fingerprint = io::sha256_hex("case " + std::to_string(n));
    return "{\n  \"case_id\": \"BENCH-" + std::to_string(n) +
           "\",\n  \"engine\": \"billijk 0.1.0\",\n  \"fingerprint\": \"sha256:" + fingerprint +
           "\",\n  \"plugins\": [\n    {\n      \"abi\": \"1.0\",\n      \"municipality\": "
           "\"GM0489\",\n      \"name\": \"Barendrecht\",\n      \"sha256\": "
           "\"8ae7e294f014dbbe8a62ffdec4f90ce14128fc925bd44b9c84862a0acb3886a9\",\n      "
           "\"version\": \"2015.1\"\n    }\n  ],\n  \"provisions\": [\n    {\n      \"budget\": "
           "{\n        \"amount\": \"" +
           std::to_string(1000 + (n * 37) % 5000) +
           ".00\",\n        \"unit\": \"eur/year\"\n      },\n      \"form\": \"pgb\",\n      "
           "\"hours\": \"" +
           std::to_string(n % 40) +
           "\",\n      \"provision\": \"begeleiding_individueel\",\n      \"status\": \"" +
           (n % 5 == 0 ? "refused" : "granted") + "\"\n    }\n  ]\n}\n";
}

std::vector<std::string> caseload_outputs(int first, int count) {
    std::vector<std::string> out;
    for (int n = first; n < first + count; ++n)
        out.push_back(caseload_output(n));
    return out;
}

/// Finds exactly one dictionary.
struct OneDictionary final : store::DictionaryFinder {
    store::OutputDictionary const* dictionary;
    explicit OneDictionary(store::OutputDictionary const& d) : dictionary(&d) {}
    store::OutputDictionary const* find(std::uint32_t id, std::string& why) override {
        if (id == dictionary->id())
            return dictionary;
        why = "not this one";
        return nullptr;
    }
};

} // namespace

TEST_CASE("a trained dictionary makes an output a fraction of its size, and decodes it back",
          "[store][codec][dictionary]") {
    auto const dictionary = store::OutputDictionary::train(caseload_outputs(0, 300));
    REQUIRE(dictionary);
    CHECK(dictionary->id() != 0);
    CHECK(dictionary->bytes().size() <= store::OutputDictionary::max_bytes);

    std::string const json = caseload_output(5000); // not among the samples
    auto const alone = store::encode_output(json);
    auto const with = store::encode_output(json, &*dictionary);
    CHECK(with.encoding == "zstd");
    CHECK(with.bytes.size() * 2 < alone.bytes.size());

    OneDictionary finder(*dictionary);
    std::string why;
    auto back = store::decode_output(with.bytes, with.encoding, why, &finder);
    REQUIRE(back);
    CHECK(*back == json);
    // A frame without a dictionary still decodes with a finder at hand.
    CHECK(store::decode_output(alone.bytes, alone.encoding, why, &finder) == json);
}

TEST_CASE("a frame that names a dictionary is not decoded without it",
          "[store][codec][dictionary]") {
    auto const dictionary = store::OutputDictionary::train(caseload_outputs(0, 300));
    REQUIRE(dictionary);
    auto const other = store::OutputDictionary::train(caseload_outputs(1000, 300));
    REQUIRE(other);
    REQUIRE(other->id() != dictionary->id());
    auto const with = store::encode_output(caseload_output(7), &*dictionary);

    std::string why;
    CHECK_FALSE(store::decode_output(with.bytes, with.encoding, why));
    CHECK(why == "the stored output needs compression dictionary " +
                     std::to_string(dictionary->id()) + ", and none was given");
    OneDictionary wrong(*other);
    CHECK_FALSE(store::decode_output(with.bytes, with.encoding, why, &wrong));
    CHECK(why == "not this one");
}

TEST_CASE("training is deterministic, and needs enough samples", "[store][codec][dictionary]") {
    auto const a = store::OutputDictionary::train(caseload_outputs(0, 200));
    auto const b = store::OutputDictionary::train(caseload_outputs(0, 200));
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->bytes() == b->bytes());
    CHECK(a->id() == b->id());
    CHECK_FALSE(store::OutputDictionary::train({"{}", "{}"}));
    CHECK_FALSE(store::OutputDictionary::train({}));

    std::string why;
    CHECK_FALSE(store::OutputDictionary::load("not a dictionary", why));
    CHECK(why == "the stored dictionary is not a zstd dictionary");
    auto const reloaded = store::OutputDictionary::load(a->bytes(), why);
    REQUIRE(reloaded);
    CHECK(reloaded->id() == a->id());
}

TEST_CASE("the store keeps a dictionary by id, and finds it only while its bytes are whole",
          "[store][codec][dictionary]") {
    test::TempDatabase t;
    auto const dictionary = store::OutputDictionary::train(caseload_outputs(0, 300));
    REQUIRE(dictionary);
    REQUIRE(store::put_output_dictionary(t.db.sql(), *dictionary));
    CHECK(store::put_output_dictionary(t.db.sql(), *dictionary)); // kept already: still usable

    std::string why;
    store::StoredDictionaries found(t.db.sql());
    auto const* d = found.find(dictionary->id(), why);
    REQUIRE(d != nullptr);
    CHECK(d->bytes() == dictionary->bytes());
    CHECK(found.find(dictionary->id() ^ 1u, why) == nullptr);
    CHECK(why.find("which the store does not have") != std::string::npos);

    // Another dictionary under the same id is refused: the run then compresses without one.
    auto const other = store::OutputDictionary::train(caseload_outputs(1000, 300));
    REQUIRE(other);
    SQLite::Statement claim(t.db.sql(), "INSERT INTO meta(key, value) VALUES (?, 'f00d')");
    claim.bind(1, "output_dictionary:" + std::to_string(other->id()));
    claim.exec();
    CHECK_FALSE(store::put_output_dictionary(t.db.sql(), *other));

    // Damaged bytes are found by their hash, before zstd reads them.
    t.db.sql().exec("UPDATE blobs SET data = CAST('damaged' AS BLOB) WHERE sha256 = '" +
                    io::sha256_hex(dictionary->bytes()) + "'");
    store::StoredDictionaries fresh(t.db.sql());
    CHECK(fresh.find(dictionary->id(), why) == nullptr);
    CHECK(why == "the bytes of compression dictionary " + std::to_string(dictionary->id()) +
                     " do not match their hash");
}

TEST_CASE("an indication compressed with a stored dictionary loads and verifies, and without the "
          "dictionary it is an error",
          "[store][codec][dictionary]") {
    test::TempDatabase t;
    auto const record = test::sample_record();
    REQUIRE(store::store_indication(t.db, record, test::test_key(), "t"));
    std::vector<std::string> samples = caseload_outputs(0, 150);
    samples.insert(samples.end(), 150, record.output);
    auto const dictionary = store::OutputDictionary::train(samples);
    REQUIRE(dictionary);
    REQUIRE(store::put_output_dictionary(t.db.sql(), *dictionary));
    // As `batch --store` writes it: the same JSON, compressed with the run's dictionary.
    SQLite::Statement row(t.db.sql(), "UPDATE indications SET output = ? WHERE id = 1");
    auto const encoded = store::encode_output(record.output, &*dictionary);
    row.bind(1, encoded.bytes.data(), static_cast<int>(encoded.bytes.size()));
    row.exec();

    test::check_loads_and_verifies(t.db, 1, record.output);

    t.db.sql().exec("DELETE FROM meta WHERE key LIKE 'output_dictionary:%'");
    auto lost = store::load_indication(t.db, 1);
    REQUIRE_FALSE(lost);
    CHECK(lost.diagnostics().items().front().id == "S0111");
    CHECK(lost.diagnostics().items().front().message.find("compression dictionary") !=
          std::string::npos);
    auto broken = store::verify_audit(t.db);
    REQUIRE(broken);
    REQUIRE(broken.value().broken);
    CHECK(broken.value().broken->subject == "indication 1");
}
