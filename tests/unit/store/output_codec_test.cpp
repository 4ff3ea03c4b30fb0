// Stored outputs are compressed: they read back byte for byte, damaged bytes are a clear error
// (never a crash or a wrong output), and rows from before schema 3 stay readable.
#include "store/audit.hpp"
#include "store/decisions.hpp"
#include "store/output_codec.hpp"
#include "store/records.hpp"
#include "store_test_support.hpp"

#include <SQLiteCpp/Database.h>

using namespace billijk;

namespace {

/// An output shaped like an explained indication: the same derivation text many times.
std::string repetitive_output() {
    std::string out = "{\n  \"provisions\": [\n";
    for (int i = 0; i < 200; ++i)
        out += "    {\"cites\": \"Beleidsregels Jeugdhulp Barendrecht 2015 \\u00a72.12.1\", "
               "\"formula\": \"round(60% * " +
               std::to_string(40 + i % 7) + ".00 eur/hour, 0.01, half_up)\"},\n";
    return out + "  ]\n}\n";
}

std::string decode(std::string_view bytes, std::string_view encoding, std::string& why) {
    auto out = store::decode_output(bytes, encoding, why);
    return out ? *out : "<" + why + ">";
}

} // namespace

namespace {

/// A zstd frame header that claims `size` bytes of content, followed by nothing: what a damaged
/// header looks like to the decoder (magic, a descriptor for a single segment with a 4-byte
/// content size, the size little-endian).
std::string header_claiming(std::uint32_t size) {
    std::string frame = {'\x28', '\xB5', '\x2F', '\xFD', '\xA0'};
    for (int shift = 0; shift < 32; shift += 8)
        frame.push_back(static_cast<char>((size >> shift) & 0xFFu));
    return frame;
}

} // namespace

TEST_CASE("a damaged frame header claiming a huge output is refused without keeping memory",
          "[store][codec]") {
    std::string why;
    std::string buffer;
    // Above the limit: refused before anything is allocated.
    CHECK_FALSE(store::decode_output_into(header_claiming(1u << 30), "zstd", buffer, why));
    CHECK(why == "the stored output is not a whole zstd frame");
    CHECK(buffer.capacity() < (1u << 20));
    // Below the limit but not in the frame: decoding fails, and the buffer does not keep the
    // 32 MiB the header asked for.
    CHECK_FALSE(store::decode_output_into(header_claiming(32u << 20), "zstd", buffer, why));
    CHECK(why.find("cannot be decompressed") != std::string::npos);
    CHECK(buffer.capacity() < (1u << 20));
    // The same buffer still decodes a whole output afterwards.
    auto encoded = store::encode_output(repetitive_output());
    REQUIRE(store::decode_output_into(encoded.bytes, "zstd", buffer, why));
    CHECK(buffer == repetitive_output());
}

TEST_CASE("an output is compressed and decoded byte for byte", "[store][codec]") {
    std::string const json = repetitive_output();
    auto const encoded = store::encode_output(json);
    CHECK(encoded.encoding == "zstd");
    CHECK(encoded.bytes.size() * 5 < json.size());
    std::string why;
    CHECK(decode(encoded.bytes, encoded.encoding, why) == json);
    CHECK(decode(store::encode_output("").bytes, "zstd", why).empty());
    CHECK(decode("{\"as\": \"written\"}", "identity", why) == "{\"as\": \"written\"}");
}

TEST_CASE("outputs decoded one after another into one buffer are each whole", "[store][codec]") {
    std::string const big = repetitive_output();
    std::string const small = "{\"n\": 1}";
    std::string buffer, why;
    for (auto const* json : {&big, &small, &big}) {
        REQUIRE(store::decode_output_into(store::encode_output(*json).bytes, "zstd", buffer, why));
        CHECK(buffer == *json); // no tail of the longer output before it
    }
    std::string truncated = store::encode_output(big).bytes;
    truncated.resize(truncated.size() / 2);
    CHECK_FALSE(store::decode_output_into(truncated, "zstd", buffer, why));
    REQUIRE(store::decode_output_into(small, "identity", buffer, why));
    CHECK(buffer == small);
}

TEST_CASE("damaged stored bytes or an unknown encoding are an error, not an output",
          "[store][codec]") {
    auto encoded = store::encode_output(repetitive_output());
    std::string why;
    CHECK_FALSE(store::decode_output("{}", "zstd", why));
    CHECK(why.find("zstd") != std::string::npos);
    auto truncated = encoded.bytes.substr(0, encoded.bytes.size() / 2);
    CHECK_FALSE(store::decode_output(truncated, "zstd", why));
    auto flipped = encoded.bytes;
    flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x5A);
    auto decoded = store::decode_output(flipped, "zstd", why);
    // zstd's frame checksum is off by default: a flipped literal may decode, but never to the
    // original, and the audit hash over the decoded bytes then names the entry.
    if (decoded)
        CHECK(*decoded != repetitive_output());
    CHECK_FALSE(store::decode_output(encoded.bytes, "gzip", why));
    CHECK(why == "unknown output encoding 'gzip'");
}

TEST_CASE("a stored indication is kept compressed and read back as JSON", "[store][codec]") {
    test::TempDatabase t;
    auto record = test::sample_record();
    record.output = repetitive_output();
    auto id = store::store_indication(t.db, record, test::test_key(), "2024-01-01T00:00:00Z");
    REQUIRE(id);
    SQLite::Statement row(t.db.sql(),
                          "SELECT length(output), output_encoding FROM indications WHERE id = ?");
    row.bind(1, id.value());
    REQUIRE(row.executeStep());
    CHECK(row.getColumn(0).getInt64() * 5 < static_cast<std::int64_t>(record.output.size()));
    CHECK(row.getColumn(1).getString() == "zstd");
    auto back = store::load_indication(t.db, id.value());
    REQUIRE(back);
    CHECK(back.value().output == record.output);
}

TEST_CASE("an undecodable stored output: load and decide fail clearly, audit verify names it",
          "[store][codec]") {
    test::TempDatabase t;
    auto const key = test::test_key();
    REQUIRE(store::store_indication(t.db, test::sample_record("111222333"), key, "t"));
    REQUIRE(store::store_indication(t.db, test::sample_record("123456782"), key, "t"));
    t.db.sql().exec("UPDATE indications SET output = CAST('not a frame' AS BLOB) WHERE id = 2");

    auto loaded = store::load_indication(t.db, 2);
    REQUIRE_FALSE(loaded);
    auto const& d = loaded.diagnostics().items().front();
    CHECK(d.id == "S0111");
    CHECK(d.message.find("indication 2") != std::string::npos);

    auto decided = store::record_decision(t.db, 2, {{"", "status", "refused"}}, "committee",
                                          "2024-02-01", "t");
    REQUIRE_FALSE(decided);
    CHECK(decided.diagnostics().items().front().id == "S0111");

    auto report = store::verify_audit(t.db);
    REQUIRE(report);
    REQUIRE(report.value().broken);
    CHECK(report.value().broken->subject == "indication 2");
    CHECK(report.value().broken->problem.find("output") != std::string::npos);
}

TEST_CASE("an output stored before schema 3 is read as it was written", "[store][codec]") {
    test::TempDatabase t;
    auto const record = test::sample_record();
    REQUIRE(store::store_indication(t.db, record, test::test_key(), "t"));
    // What migration 3 leaves on an older row: the JSON bytes, marked identity.
    SQLite::Statement old(t.db.sql(), "UPDATE indications SET output = CAST(? AS BLOB), "
                                      "output_encoding = 'identity' WHERE id = 1");
    old.bind(1, record.output);
    old.exec();
    test::check_loads_and_verifies(t.db, 1, record.output);
}
