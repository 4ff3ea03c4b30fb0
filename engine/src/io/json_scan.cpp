#include "io/json_scan.hpp"

#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace billijk::io {

namespace {

/// The bytes of an 8-byte word that need a look, as a mask with the high bit of each such byte:
/// a control character, a quote, a backslash, a byte of a multibyte sequence (bit tricks after
/// "Bit Twiddling Hacks", haszero and hasless). Bits above a marked byte may be marked wrongly
/// (a borrow runs upwards), but the lowest marked byte is always a real one, so the first byte
/// that needs a look is countr_zero(mask) / 8 (little-endian), and a zero mask is exact.
std::uint64_t special_bytes(std::uint64_t word) {
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    constexpr std::uint64_t highs = 0x8080808080808080ull;
    auto const has_zero = [&](std::uint64_t v) { return (v - ones) & ~v & highs; };
    std::uint64_t const below_space = (word - ones * 0x20) & ~word & highs;
    return (word & highs) | below_space | has_zero(word ^ (ones * '"')) |
           has_zero(word ^ (ones * '\\'));
}

/// The 8 bytes at `at` as a word whose lowest byte is the first.
std::uint64_t word_at(unsigned char const* at) {
    std::uint64_t word = 0;
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(&word, at, sizeof word);
    } else {
        for (std::size_t k = 8; k-- > 0;)
            word = (word << 8) | at[k];
    }
    return word;
}

#if defined(__SSE2__)
/// The bytes among the 16 at `at` that need a look, one bit each (exact; SSE2 is part of every
/// x86-64 processor).
unsigned special_bytes16(unsigned char const* at) {
    __m128i const v = _mm_loadu_si128(reinterpret_cast<__m128i const*>(at));
    // Signed, bytes from 0x80 are negative: "less than a space" catches them and the controls.
    __m128i const low_or_high = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
    __m128i const quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
    __m128i const backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
    return static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(low_or_high, _mm_or_si128(quote, backslash))));
}
#endif

} // namespace

std::size_t first_special(std::string_view text, std::size_t from) {
    auto const* bytes = reinterpret_cast<unsigned char const*>(text.data());
    std::size_t const size = text.size();
    std::size_t i = from;
#if defined(__SSE2__)
    if (size - from >= 16) {
        for (; i + 16 <= size; i += 16)
            if (auto const mask = special_bytes16(bytes + i))
                return i + static_cast<std::size_t>(std::countr_zero(mask));
        if (i == size)
            return size;
        // The last sixteen bytes, overlapping bytes before `i`, whose bits are cleared (exact).
        std::size_t const last = size - 16;
        auto const mask = special_bytes16(bytes + last) & (~0u << (i - last));
        return mask ? last + static_cast<std::size_t>(std::countr_zero(mask)) : size;
    }
#endif
    if (size - i < 8) {
        for (; i < size; ++i)
            if (needs_look(bytes[i]))
                return i;
        return size;
    }
    for (; i + 8 <= size; i += 8)
        if (auto const mask = special_bytes(word_at(bytes + i)))
            return i + static_cast<std::size_t>(std::countr_zero(mask)) / 8;
    if (i == size)
        return size;
    // The last eight bytes, overlapping bytes before `i`, whose marks are cleared. A byte before
    // `i` that needed a look (one just escaped) can mark the bytes after it wrongly, so the byte
    // found here is only a candidate.
    std::size_t const last = size - 8;
    auto const mask =
        special_bytes(word_at(bytes + last)) & (~std::uint64_t{0} << ((i - last) * 8));
    return mask ? last + static_cast<std::size_t>(std::countr_zero(mask)) / 8 : size;
}

} // namespace billijk::io
