#include "io/json_writer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace billijk::io {

namespace {

/// The length of the UTF-8 sequence (2 to 4 bytes) that starts at `i` with a byte >= 0x80, or 0
/// when it is not strict UTF-8 as nlohmann decodes it: no overlong forms, no surrogates, at most
/// U+10FFFF.
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
    auto const c = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
        code = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        code = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        code = c & 0x07u;
    } else {
        return 0;
    }
    if (i + length > text.size())
        return 0;
    for (std::size_t k = 1; k < length; ++k) {
        auto const b = static_cast<unsigned char>(text[i + k]);
        if ((b & 0xC0u) != 0x80u)
            return 0;
        code = (code << 6) | (b & 0x3Fu);
    }
    if (length == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF)))
        return 0;
    if (length == 4 && (code < 0x10000 || code > 0x10FFFF))
        return 0;
    return length;
}

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

bool needs_look(unsigned char c) {
    return c < 0x20 || c >= 0x80 || c == '"' || c == '\\';
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

/// The index of the first byte at or after `from` that may need a look, or text.size() when no
/// byte does. The caller checks the byte it gets: see the last word below.
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

} // namespace

JsonWriter::JsonWriter(int indent) : indent_(indent) {
    out_.reserve(4096);
}

JsonWriter::JsonWriter(int indent, std::string before) : out_(std::move(before)), indent_(indent) {
    out_.reserve(out_.size() + 4096);
}

void JsonWriter::newline_and_indent(std::size_t depth) {
    if (indent_ < 0)
        return;
    out_ += '\n';
    out_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (levels_.empty())
        return;
    auto& level = levels_.back();
    if (!level.empty)
        out_ += ',';
    level.empty = false;
    newline_and_indent(levels_.size());
}

void JsonWriter::begin_object() {
    before_value();
    out_ += '{';
    levels_.push_back({true, true});
}

void JsonWriter::begin_array() {
    before_value();
    out_ += '[';
    levels_.push_back({false, true});
}

void JsonWriter::end_object() {
    bool const empty = levels_.back().empty;
    levels_.pop_back();
    if (!empty)
        newline_and_indent(levels_.size());
    out_ += '}';
}

void JsonWriter::end_array() {
    bool const empty = levels_.back().empty;
    levels_.pop_back();
    if (!empty)
        newline_and_indent(levels_.size());
    out_ += ']';
}

void JsonWriter::key(std::string_view name) {
    auto& level = levels_.back();
    bool const comma = !level.empty;
    level.empty = false;
    after_key_ = true;
    if (indent_ < 0 && name.size() <= 60 && first_special(name, 0) == name.size()) {
        // The usual case, one of the program's own member names on one line: `,"name":` in
        // one append (an explained indication has about a thousand of them).
        char buffer[64];
        std::size_t length = 0;
        if (comma)
            buffer[length++] = ',';
        buffer[length++] = '"';
        std::memcpy(buffer + length, name.data(), name.size());
        length += name.size();
        buffer[length++] = '"';
        buffer[length++] = ':';
        out_.append(buffer, length);
        return;
    }
    if (comma)
        out_ += ',';
    newline_and_indent(levels_.size());
    append_json_string(out_, name);
    if (indent_ < 0)
        out_ += ':';
    else
        out_.append(": ", 2);
}

void JsonWriter::string(std::string_view text) {
    before_value();
    append_json_string(out_, text);
}

void JsonWriter::boolean(bool value) {
    before_value();
    out_ += value ? "true" : "false";
}

void JsonWriter::null() {
    before_value();
    out_ += "null";
}

void JsonWriter::integer(std::int64_t value) {
    before_value();
    char buffer[24];
    auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    out_.append(buffer, end);
}

void JsonWriter::repeat(Written const& value) {
    before_value();
    // Appended from out_ itself: reserve first, so that the source stays where it is.
    out_.reserve(out_.size() + value.length_ + 256);
    std::size_t const depth = levels_.size();
    if (indent_ < 0 || depth == value.depth_) {
        out_.append(out_.data() + value.from_, value.length_);
        return;
    }
    // Pretty output at another depth: every line after the first is indented by the depth
    // difference more or less. A JSON string holds no raw newline, so each '\n' starts a line.
    auto const step = static_cast<std::ptrdiff_t>(indent_);
    std::ptrdiff_t const shift =
        (static_cast<std::ptrdiff_t>(depth) - static_cast<std::ptrdiff_t>(value.depth_)) * step;
    std::size_t at = value.from_;
    std::size_t const end = value.from_ + value.length_;
    while (at < end) {
        auto const* newline =
            static_cast<char const*>(std::memchr(out_.data() + at, '\n', end - at));
        std::size_t const line_end =
            newline ? static_cast<std::size_t>(newline - out_.data()) : end;
        if (line_end == end) {
            out_.reserve(out_.size() + (end - at));
            out_.append(out_.data() + at, end - at);
            break;
        }
        out_.reserve(out_.size() + (line_end + 1 - at) + 256);
        out_.append(out_.data() + at, line_end + 1 - at);
        std::size_t spaces = 0;
        at = line_end + 1;
        while (at < end && out_[at] == ' ') {
            ++spaces;
            ++at;
        }
        out_.append(static_cast<std::size_t>(static_cast<std::ptrdiff_t>(spaces) + shift), ' ');
    }
}

void append_json_string(std::string& out, std::string_view text) {
    // Valid UTF-8 without control characters, the usual case (labels and citations have "ë" and
    // "§"), needs only '"' and '\\' escaped, and is appended in runs between the bytes that need
    // a look. A control character or invalid UTF-8 sends the whole string to nlohmann, whose
    // escapes and replacement of invalid UTF-8 the output must match exactly.
    std::size_t const start = out.size();
    out += '"';
    std::size_t from = 0;
    for (std::size_t i = first_special(text, 0); i < text.size(); i = first_special(text, i)) {
        auto const c = static_cast<unsigned char>(text[i]);
        if (c == '"' || c == '\\') {
            out.append(text.substr(from, i - from));
            out += '\\';
            out += static_cast<char>(c);
            from = ++i;
            continue;
        }
        if (!needs_look(c)) { // a candidate that needs nothing (first_special)
            ++i;
            continue;
        }
        std::size_t const length = c < 0x20 ? 0 : utf8_sequence(text, i);
        if (length == 0) {
            out.resize(start);
            out += nlohmann::json(std::string(text))
                       .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            return;
        }
        i += length;
    }
    out.append(text.substr(from));
    out += '"';
}

} // namespace billijk::io
