#include "store/output_codec.hpp"

#include <zstd.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <vector>

namespace billijk::store {

namespace {

// Level 1: the fastest; level 3 (zstd's default) saves another 5% of an explained indication
// at about half the speed, and the store writes in the batch's critical path.
constexpr int compression_level = 1;

// A decoded output larger than this is refused rather than allocated: a damaged frame header
// must not make us allocate what it claims. The largest golden output is 92 KB (a split period
// of many parts); 64 MiB leaves room for 700 times that.
constexpr unsigned long long max_output_bytes = 64ull << 20;

struct ContextDeleter {
    void operator()(ZSTD_CCtx* context) const { ZSTD_freeCCtx(context); }
    void operator()(ZSTD_DCtx* context) const { ZSTD_freeDCtx(context); }
};

} // namespace

EncodedOutput encode_output(std::string_view json) {
    // One compression context per thread, kept: ZSTD_compress sets up and frees a context on
    // every call, which cost more than compressing (perf on batch --store). The context carries
    // no data from one output to the next: each call compresses one whole, independent frame.
    thread_local std::unique_ptr<ZSTD_CCtx, ContextDeleter> context(ZSTD_createCCtx());
    if (!context)
        throw std::runtime_error("zstd: cannot create a compression context");
    // The same for the worst-case buffer: allocating and zeroing ~64 KB per output, to keep
    // ~7 KB of it, was a tenth of a stored indication.
    thread_local std::vector<char> buffer;
    buffer.resize(std::max(buffer.size(), ZSTD_compressBound(json.size())));
    std::size_t const size = ZSTD_compressCCtx(context.get(), buffer.data(), buffer.size(),
                                               json.data(), json.size(), compression_level);
    if (ZSTD_isError(size)) // only with a too small buffer, which compressBound rules out
        throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(size));
    return {std::string(buffer.data(), size), "zstd"};
}

std::optional<std::string> decode_output(std::string_view stored, std::string_view encoding,
                                         std::string& why) {
    std::string out;
    if (!decode_output_into(stored, encoding, out, why))
        return std::nullopt;
    return out;
}

bool decode_output_into(std::string_view stored, std::string_view encoding, std::string& out,
                        std::string& why) {
    if (encoding == "identity") {
        out.assign(stored);
        return true;
    }
    if (encoding != "zstd") {
        why = "unknown output encoding '" + std::string(encoding) + "'";
        return false;
    }
    unsigned long long const size = ZSTD_getFrameContentSize(stored.data(), stored.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
        size > max_output_bytes) {
        why = "the stored output is not a whole zstd frame";
        return false;
    }
    // One decompression context per thread, kept, as for compressing: ZSTD_decompress
    // allocates and frees ~100 KB of context per call, a fifth of `audit verify`'s time
    // (perf). Each call decodes one whole, independent frame.
    thread_local std::unique_ptr<ZSTD_DCtx, ContextDeleter> context(ZSTD_createDCtx());
    if (!context)
        throw std::runtime_error("zstd: cannot create a decompression context");
    out.resize(static_cast<std::size_t>(size));
    std::size_t const got =
        ZSTD_decompressDCtx(context.get(), out.data(), out.size(), stored.data(), stored.size());
    if (ZSTD_isError(got) || got != size) {
        why = "the stored output cannot be decompressed: " +
              std::string(ZSTD_isError(got) ? ZSTD_getErrorName(got) : "wrong size");
        // A damaged header can claim far more than the frame holds: give that memory back now,
        // not when the caller's reused buffer (RecordReader::scratch) goes.
        out.clear();
        out.shrink_to_fit();
        return false;
    }
    return true;
}

} // namespace billijk::store
