// How an indication's JSON output is kept in `indications.output`: zstd-compressed (encoding
// "zstd"), or as it is (encoding "identity": rows written before schema 3).
//
// An explained indication is about 60 KB of JSON, most of it the same derivation texts again;
// compressed it is about a ninth of that. Uncompressed, a caseload of a million indications was
// a database of some 60 GB, and writing it was most of the time of `billijk batch --store`
// (docs/performance.md). The output's hash (`output_sha256`, the audit entry) is always over the
// JSON bytes themselves, so the encoding changes no hash and no replay.
//
//   auto stored = encode_output(json);          // {bytes, "zstd"}
//   auto back = decode_output(stored.bytes, stored.encoding);   // json, or an error
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace billijk::store {

struct EncodedOutput {
    std::string bytes;
    std::string encoding; ///< "zstd"
};

EncodedOutput encode_output(std::string_view json);

/// The JSON bytes, or nullopt with `why` set when the stored bytes cannot be decoded (an unknown
/// encoding, or bytes that are not a whole zstd frame: the row was damaged or edited).
std::optional<std::string> decode_output(std::string_view stored, std::string_view encoding,
                                         std::string& why);

/// As decode_output, into `out`, whose memory is reused: `audit verify` decodes every stored
/// output in turn into one buffer. False with `why` set (and `out` unspecified) when the stored
/// bytes cannot be decoded.
bool decode_output_into(std::string_view stored, std::string_view encoding, std::string& out,
                        std::string& why);

} // namespace billijk::store
