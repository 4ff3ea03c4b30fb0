// How an indication's JSON output is kept in `indications.output`: zstd-compressed (encoding
// "zstd"), or as it is (encoding "identity": rows written before schema 3).
//
// An explained indication is about 60 KB of JSON, most of it the same derivation texts again;
// compressed it is about a ninth of that. Uncompressed, a caseload of a million indications was
// a database of some 60 GB, and writing it was most of the time of `billijk batch --store`
// (docs/performance.md). The output's hash (`output_sha256`, the audit entry) is always over the
// JSON bytes themselves, so the encoding changes no hash and no replay.
//
// A batch run may compress with a dictionary trained on its first outputs (OutputDictionary):
// the outputs of one caseload share their structure, hashes and texts, so each compresses to a
// fraction of what it does alone, and faster. Such a frame names its dictionary by zstd id;
// decoding it needs a DictionaryFinder (store/output_dictionaries.hpp finds them in the store).
//
//   auto stored = encode_output(json);                     // {bytes, "zstd"}
//   auto back = decode_output(stored.bytes, stored.encoding, why);   // json, or an error
//   auto dict = OutputDictionary::train(samples);           // nullopt: too few samples
//   auto smaller = encode_output(json, &*dict);             // decodes with a finder of dict
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace billijk::store {

struct EncodedOutput {
    std::string bytes;
    std::string encoding; ///< "zstd"
};

/// A zstd dictionary for stored outputs. Immutable once made, and cheap to copy (shared); one
/// dictionary compresses on many threads at once.
class OutputDictionary {
  public:
    /// The largest dictionary trained: zstd's own default size.
    static constexpr std::size_t max_bytes = 110 * 1024;

    /// Trains a dictionary on `samples` (whole outputs). Deterministic: the same samples give
    /// the same bytes. Nullopt when zstd cannot train one (too few or too small samples).
    static std::optional<OutputDictionary> train(std::vector<std::string> const& samples);
    /// A dictionary from its stored bytes, or nullopt with `why` set when they are not one.
    static std::optional<OutputDictionary> load(std::string bytes, std::string& why);

    /// The id zstd writes into every frame compressed with this dictionary (never 0).
    std::uint32_t id() const;
    std::string const& bytes() const;

    /// The bytes and zstd's prepared forms: defined, and used, only in output_codec.cpp.
    struct Parts;
    Parts const& parts() const { return *parts_; }

  private:
    explicit OutputDictionary(std::shared_ptr<Parts const> parts) : parts_(std::move(parts)) {}
    std::shared_ptr<Parts const> parts_;
};

/// Where decoding finds the dictionary a frame names.
class DictionaryFinder {
  public:
    virtual ~DictionaryFinder() = default;
    /// The dictionary with zstd id `id`, or nullptr with `why` set.
    virtual OutputDictionary const* find(std::uint32_t id, std::string& why) = 0;
};

/// Compresses `json` as one whole frame, with `dictionary` when given (thread-safe).
EncodedOutput encode_output(std::string_view json, OutputDictionary const* dictionary = nullptr);

/// The JSON bytes, or nullopt with `why` set when the stored bytes cannot be decoded (an unknown
/// encoding, bytes that are not a whole zstd frame: the row was damaged or edited, or a frame
/// whose dictionary `dictionaries` does not have).
std::optional<std::string> decode_output(std::string_view stored, std::string_view encoding,
                                         std::string& why,
                                         DictionaryFinder* dictionaries = nullptr);

/// As decode_output, into `out`, whose memory is reused: `audit verify` decodes every stored
/// output in turn into one buffer. False with `why` set (and `out` unspecified) when the stored
/// bytes cannot be decoded.
bool decode_output_into(std::string_view stored, std::string_view encoding, std::string& out,
                        std::string& why, DictionaryFinder* dictionaries = nullptr);

} // namespace billijk::store
