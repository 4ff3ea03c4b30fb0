// parse_amount (tables/amount.hpp): strip decoration, decide the decimal separator, validate the
// thousands groups, then let Decimal::parse read the normalised "123456.78".
#include "tables/amount.hpp"

#include <algorithm>
#include <vector>

namespace billijk::tables {

namespace {

/// Removes spaces (ASCII, U+00A0, U+202F) and the first € sign (U+20AC).
std::string undecorate(std::string_view text) {
    std::string out;
    bool euro = false;
    for (std::size_t i = 0; i < text.size();) {
        auto rest = text.substr(i);
        if (rest.starts_with(' ') || rest.starts_with('\t')) {
            i += 1;
        } else if (rest.starts_with("\xC2\xA0")) {
            i += 2;
        } else if (rest.starts_with("\xE2\x80\xAF")) {
            i += 3;
        } else if (!euro && rest.starts_with("\xE2\x82\xAC")) {
            euro = true;
            i += 3;
        } else {
            out += text[i];
            i += 1;
        }
    }
    return out;
}

ParsedAmount failed(std::string_view text, std::string why) {
    return {std::nullopt, "'" + std::string(text) + "' is not an amount: " + why};
}

/// Digits separated by `sep` into groups of three (the first one to three digits).
bool grouped(std::string_view digits, char sep) {
    std::vector<std::string_view> groups;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= digits.size(); ++i) {
        if (i == digits.size() || digits[i] == sep) {
            groups.push_back(digits.substr(start, i - start));
            start = i + 1;
        }
    }
    if (groups.front().empty() || groups.front().size() > 3)
        return false;
    return std::all_of(groups.begin() + 1, groups.end(),
                       [](std::string_view g) { return g.size() == 3; });
}

std::string without(std::string_view s, char c) {
    std::string out;
    for (char x : s)
        if (x != c)
            out += x;
    return out;
}

} // namespace

ParsedAmount parse_amount(std::string_view text) {
    std::string s = undecorate(text);
    std::string sign;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        sign = s.front() == '-' ? "-" : "";
        s.erase(0, 1);
    }
    if (s.empty())
        return failed(text, "no digits");
    if (!std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; }))
        return failed(text, "only digits, '.', ',', a sign and a € sign are allowed");
    auto const dots = std::count(s.begin(), s.end(), '.');
    auto const commas = std::count(s.begin(), s.end(), ',');
    std::string integer, fraction;
    if (dots > 0 && commas > 0) {
        char const decimal = s.find_last_of(".,") == s.rfind('.') ? '.' : ',';
        char const thousands = decimal == '.' ? ',' : '.';
        auto const at = s.rfind(decimal);
        if (std::count(s.begin(), s.end(), decimal) != 1 || s.find(thousands) > at)
            return failed(text, "mixed separators");
        if (!grouped(std::string_view(s).substr(0, at), thousands))
            return failed(text, "thousands must be grouped by three");
        integer = without(s.substr(0, at), thousands);
        fraction = s.substr(at + 1);
    } else if (dots > 1 || commas > 1) {
        char const thousands = dots > 1 ? '.' : ',';
        if (!grouped(s, thousands))
            return failed(text, "thousands must be grouped by three");
        integer = without(s, thousands);
    } else if (dots == 1 || commas == 1) {
        auto const at = s.find_first_of(".,");
        integer = s.substr(0, at);
        fraction = s.substr(at + 1);
        bool const could_group = fraction.size() == 3 && !integer.empty() && integer.size() <= 3 &&
                                 integer.find_first_not_of('0') != std::string::npos;
        if (could_group)
            return failed(text, "ambiguous: '" + std::string(1, s[at]) +
                                    "' could separate thousands or decimals; write it with both "
                                    "separators (5.323,000 or 5,323.000) or without grouping");
    } else {
        integer = s;
    }
    if (integer.empty() && fraction.empty())
        return failed(text, "no digits");
    std::string normal = sign + (integer.empty() ? "0" : integer);
    if (!fraction.empty())
        normal += "." + fraction;
    else if (s.back() == '.' || s.back() == ',')
        return failed(text, "no digits after the decimal separator");
    auto d = Decimal::parse(normal);
    if (!d)
        return failed(text, "out of range (at most 18 decimals)");
    return {d, {}};
}

} // namespace billijk::tables
