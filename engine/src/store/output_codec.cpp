#include "store/output_codec.hpp"

#include <zdict.h>
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
    void operator()(ZSTD_CDict* dictionary) const { ZSTD_freeCDict(dictionary); }
    void operator()(ZSTD_DDict* dictionary) const { ZSTD_freeDDict(dictionary); }
};

} // namespace

struct OutputDictionary::Parts {
    std::string bytes;
    std::uint32_t id = 0;
    // Prepared once: making a CDict digests the dictionary for the compression level, which
    // is what makes a dictionary pay off on outputs of a few kilobytes.
    std::unique_ptr<ZSTD_CDict, ContextDeleter> compress;
    std::unique_ptr<ZSTD_DDict, ContextDeleter> decompress;
};

std::optional<OutputDictionary> OutputDictionary::train(std::vector<std::string> const& samples) {
    std::string joined;
    std::vector<std::size_t> sizes;
    for (auto const& sample : samples) {
        joined += sample;
        sizes.push_back(sample.size());
    }
    std::string bytes(max_bytes, '\0');
    // ZDICT_trainFromBuffer runs fastCover on one thread with fixed parameters: the same
    // samples give the same dictionary (and the same id, a hash of its content).
    std::size_t const size =
        ZDICT_trainFromBuffer(bytes.data(), bytes.size(), joined.data(), sizes.data(),
                              static_cast<unsigned>(sizes.size()));
    if (ZDICT_isError(size))
        return std::nullopt;
    bytes.resize(size);
    std::string why;
    return load(std::move(bytes), why);
}

std::optional<OutputDictionary> OutputDictionary::load(std::string bytes, std::string& why) {
    auto parts = std::make_shared<Parts>();
    parts->id = ZDICT_getDictID(bytes.data(), bytes.size());
    if (parts->id == 0) {
        why = "the stored dictionary is not a zstd dictionary";
        return std::nullopt;
    }
    parts->compress.reset(ZSTD_createCDict(bytes.data(), bytes.size(), compression_level));
    parts->decompress.reset(ZSTD_createDDict(bytes.data(), bytes.size()));
    if (!parts->compress || !parts->decompress) {
        why = "zstd cannot read the stored dictionary";
        return std::nullopt;
    }
    parts->bytes = std::move(bytes);
    return OutputDictionary(std::move(parts));
}

std::uint32_t OutputDictionary::id() const {
    return parts_->id;
}

std::string const& OutputDictionary::bytes() const {
    return parts_->bytes;
}

EncodedOutput encode_output(std::string_view json, OutputDictionary const* dictionary) {
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
    // With a dictionary the frame names it by id (zstd's default), for decode_output_into.
    std::size_t const size =
        dictionary != nullptr
            ? ZSTD_compress_usingCDict(context.get(), buffer.data(), buffer.size(), json.data(),
                                       json.size(), dictionary->parts().compress.get())
            : ZSTD_compressCCtx(context.get(), buffer.data(), buffer.size(), json.data(),
                                json.size(), compression_level);
    if (ZSTD_isError(size)) // only with a too small buffer, which compressBound rules out
        throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(size));
    return {std::string(buffer.data(), size), "zstd"};
}

std::optional<std::string> decode_output(std::string_view stored, std::string_view encoding,
                                         std::string& why, DictionaryFinder* dictionaries) {
    std::string out;
    if (!decode_output_into(stored, encoding, out, why, dictionaries))
        return std::nullopt;
    return out;
}

bool decode_output_into(std::string_view stored, std::string_view encoding, std::string& out,
                        std::string& why, DictionaryFinder* dictionaries) {
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
    ZSTD_DDict const* dictionary = nullptr;
    if (std::uint32_t const id = ZSTD_getDictID_fromFrame(stored.data(), stored.size()); id != 0) {
        OutputDictionary const* found = nullptr;
        if (dictionaries == nullptr)
            why = "the stored output needs compression dictionary " + std::to_string(id) +
                  ", and none was given";
        else
            found = dictionaries->find(id, why);
        if (found == nullptr)
            return false;
        dictionary = found->parts().decompress.get();
    }
    // One decompression context per thread, kept, as for compressing: ZSTD_decompress
    // allocates and frees ~100 KB of context per call, a fifth of `audit verify`'s time
    // (perf). Each call decodes one whole, independent frame.
    thread_local std::unique_ptr<ZSTD_DCtx, ContextDeleter> context(ZSTD_createDCtx());
    if (!context)
        throw std::runtime_error("zstd: cannot create a decompression context");
    out.resize(static_cast<std::size_t>(size));
    std::size_t const got =
        dictionary != nullptr ? ZSTD_decompress_usingDDict(context.get(), out.data(), out.size(),
                                                           stored.data(), stored.size(), dictionary)
                              : ZSTD_decompressDCtx(context.get(), out.data(), out.size(),
                                                    stored.data(), stored.size());
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
