// Strict UTF-8 (core/utf8.hpp).
#include "core/utf8.hpp"

#include <cstdint>

namespace billijk {

namespace {

constexpr char hex_digits[] = "0123456789ABCDEF";

} // namespace

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

std::size_t first_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        std::size_t const length = utf8_sequence(text, i);
        if (length == 0)
            return i;
        i += length;
    }
    return text.size();
}

std::optional<std::string> not_utf8(std::string_view text, std::string_view advice) {
    std::size_t const at = first_invalid_utf8(text);
    if (at == text.size())
        return std::nullopt;
    auto const byte = static_cast<unsigned char>(text[at]);
    std::string message = "is not UTF-8 text (byte 0x";
    append_hex_byte(message, byte);
    message += " at position " + std::to_string(at + 1) + "); ";
    message += advice;
    return message;
}

void append_hex_byte(std::string& out, unsigned char byte) {
    out += hex_digits[byte >> 4];
    out += hex_digits[byte & 0xF];
}

std::string utf8_display(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t const bad = i + first_invalid_utf8(text.substr(i));
        out.append(text.substr(i, bad - i));
        if (bad == text.size())
            break;
        auto const byte = static_cast<unsigned char>(text[bad]);
        out += "\\x";
        append_hex_byte(out, byte);
        i = bad + 1;
    }
    return out;
}

} // namespace billijk
