// UTF-8 checks of text from outside (io/utf8_check.hpp).
#include "io/utf8_check.hpp"

#include "io/json_scan.hpp"

namespace billijk::io {

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

std::optional<std::string> not_utf8(std::string_view text) {
    std::size_t const at = first_invalid_utf8(text);
    if (at == text.size())
        return std::nullopt;
    static constexpr char hex[] = "0123456789ABCDEF";
    auto const byte = static_cast<unsigned char>(text[at]);
    std::string message = "is not UTF-8 text (byte 0x";
    message += hex[byte >> 4];
    message += hex[byte & 0xF];
    message += " at position " + std::to_string(at + 1) +
               "); save the file as UTF-8 (a spreadsheet's \"CSV UTF-8\")";
    return message;
}

} // namespace billijk::io
