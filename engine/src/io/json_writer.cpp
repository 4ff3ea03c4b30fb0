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

/// Strict UTF-8 (no overlong forms, no surrogates, at most U+10FFFF), as nlohmann decodes it.
bool valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        auto const c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
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
            return false;
        }
        if (i + length > text.size())
            return false;
        for (std::size_t k = 1; k < length; ++k) {
            auto const b = static_cast<unsigned char>(text[i + k]);
            if ((b & 0xC0u) != 0x80u)
                return false;
            code = (code << 6) | (b & 0x3Fu);
        }
        if (length == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF)))
            return false;
        if (length == 4 && (code < 0x10000 || code > 0x10FFFF))
            return false;
        i += length;
    }
    return true;
}

} // namespace

void append_json_string(std::string& out, std::string_view text) {
    // Valid UTF-8 without control characters, the usual case, needs only '"' and '\\' escaped.
    // Any other string goes to nlohmann, whose escapes and replacement of invalid UTF-8 the
    // output must match exactly.
    bool special = false;
    for (char const ch : text) {
        auto const c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
            special = true;
            break;
        }
    }
    if (!special) { // printable ASCII without quotes or backslashes: as it is
        out += '"';
        out.append(text);
        out += '"';
        return;
    }
    bool control = false;
    for (unsigned char c : text)
        control = control || c < 0x20;
    if (control || !valid_utf8(text)) {
        out += nlohmann::json(std::string(text))
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    out += '"';
    std::size_t from = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '"' && text[i] != '\\')
            continue;
        out.append(text.substr(from, i - from));
        out += '\\';
        out += text[i];
        from = i + 1;
    }
    out.append(text.substr(from));
    out += '"';
}

} // namespace billijk::io
