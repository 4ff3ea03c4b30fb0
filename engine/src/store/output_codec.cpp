#include "store/output_codec.hpp"

#include <zstd.h>

#include <stdexcept>

namespace billijk::store {

namespace {

// Level 1: the fastest; level 3 (zstd's default) saves another 5% of an explained indication
// at about half the speed, and the store writes in the batch's critical path.
constexpr int compression_level = 1;

// A decoded output larger than this is refused rather than allocated: no indication comes near
// it, and a damaged frame header must not make us allocate gigabytes.
constexpr unsigned long long max_output_bytes = 1ull << 30;

} // namespace

EncodedOutput encode_output(std::string_view json) {
    EncodedOutput out;
    out.encoding = "zstd";
    out.bytes.resize(ZSTD_compressBound(json.size()));
    std::size_t const size = ZSTD_compress(out.bytes.data(), out.bytes.size(), json.data(),
                                           json.size(), compression_level);
    if (ZSTD_isError(size)) // only with a too small buffer, which compressBound rules out
        throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(size));
    out.bytes.resize(size);
    return out;
}

std::optional<std::string> decode_output(std::string_view stored, std::string_view encoding,
                                         std::string& why) {
    if (encoding == "identity")
        return std::string(stored);
    if (encoding != "zstd") {
        why = "unknown output encoding '" + std::string(encoding) + "'";
        return std::nullopt;
    }
    unsigned long long const size = ZSTD_getFrameContentSize(stored.data(), stored.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
        size > max_output_bytes) {
        why = "the stored output is not a whole zstd frame";
        return std::nullopt;
    }
    std::string out(static_cast<std::size_t>(size), '\0');
    std::size_t const got = ZSTD_decompress(out.data(), out.size(), stored.data(), stored.size());
    if (ZSTD_isError(got) || got != size) {
        why = "the stored output cannot be decompressed: " +
              std::string(ZSTD_isError(got) ? ZSTD_getErrorName(got) : "wrong size");
        return std::nullopt;
    }
    return out;
}

} // namespace billijk::store
