#include "io/json_writer.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstring>

namespace billijk::io {

JsonWriter::JsonWriter(int indent) : indent_(indent) {
    out_.reserve(4096);
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
    if (!level.empty)
        out_ += ',';
    level.empty = false;
    newline_and_indent(levels_.size());
    append_json_string(out_, name);
    out_ += indent_ < 0 ? ":" : ": ";
    after_key_ = true;
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

/// True when none of the 8 bytes at `at` needs a look: no control character, no quote, no
/// backslash, no byte of a multibyte sequence. Text is mostly such runs (bit tricks after
/// "Bit Twiddling Hacks", haszero and hasless: exact for whether any byte matches).
bool plain8(char const* at) {
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    constexpr std::uint64_t highs = 0x8080808080808080ull;
    std::uint64_t word;
    std::memcpy(&word, at, sizeof word);
    auto const has_zero = [&](std::uint64_t v) { return (v - ones) & ~v & highs; };
    std::uint64_t const below_space = (word - ones * 0x20) & ~word & highs;
    std::uint64_t const special = (word & highs) | below_space | has_zero(word ^ (ones * '"')) |
                                  has_zero(word ^ (ones * '\\'));
    return special == 0;
}

} // namespace

void append_json_string(std::string& out, std::string_view text) {
    // One pass: valid UTF-8 without control characters, the usual case (labels and citations
    // have "ë" and "§"), needs only '"' and '\\' escaped, and is appended in runs between them.
    // A control character or invalid UTF-8 sends the whole string to nlohmann, whose escapes and
    // replacement of invalid UTF-8 the output must match exactly.
    std::size_t const start = out.size();
    out += '"';
    std::size_t from = 0;
    for (std::size_t i = 0; i < text.size();) {
        while (i + 8 <= text.size() && plain8(text.data() + i))
            i += 8;
        if (i == text.size())
            break;
        auto const c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x80) {
            if (c == '"' || c == '\\') {
                out.append(text.substr(from, i - from));
                out += '\\';
                out += static_cast<char>(c);
                from = i + 1;
            }
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
