#include "io/json_writer.hpp"

#include "io/json_scan.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstring>

namespace billijk::io {

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
    std::size_t i = first_special(text, 0);
    if (i == text.size() && text.size() <= 62) {
        // Plain and short, most strings: one append, not three.
        char buffer[64];
        buffer[0] = '"';
        if (!text.empty()) // an empty view may have no data
            std::memcpy(buffer + 1, text.data(), text.size());
        buffer[text.size() + 1] = '"';
        out.append(buffer, text.size() + 2);
        return;
    }
    std::size_t const start = out.size();
    out += '"';
    std::size_t from = 0;
    for (; i < text.size(); i = first_special(text, i)) {
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
