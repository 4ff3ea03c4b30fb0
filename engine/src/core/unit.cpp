// Units as vectors of base-unit exponents; see billijk/unit.hpp.
#include "billijk/unit.hpp"

#include <cstddef>

namespace billijk {

namespace {

struct Spelling {
    std::string_view singular;
    std::string_view plural; ///< equal to singular for eur, fourweeks, km
};

/// Indexed by BaseUnit; the order is the canonical order of to_string.
constexpr std::array<Spelling, base_unit_count> spellings{{
    {"eur", "eur"},
    {"hour", "hours"},
    {"minute", "minutes"},
    {"day", "days"},
    {"week", "weeks"},
    {"fourweeks", "fourweeks"},
    {"month", "months"},
    {"year", "years"},
    {"etmaal", "etmalen"},
    {"zone", "zones"},
    {"km", "km"},
    {"ride", "rides"},
    {"meal", "meals"},
}};

} // namespace

Unit Unit::of(BaseUnit base) {
    Unit u;
    u.exps_[static_cast<std::size_t>(base)] = 1;
    return u;
}

Unit Unit::percent() {
    Unit u;
    u.percent_ = true;
    return u;
}

std::optional<Unit> Unit::parse_word(std::string_view word) {
    if (word == "count") {
        return Unit{};
    }
    if (word == "percent") {
        return percent();
    }
    for (std::size_t i = 0; i < spellings.size(); ++i) {
        if (word == spellings[i].singular || word == spellings[i].plural) {
            return of(static_cast<BaseUnit>(i));
        }
    }
    return std::nullopt;
}

bool Unit::is_unit_word(std::string_view word) {
    return parse_word(word).has_value();
}

bool Unit::is_dimensionless() const {
    for (auto e : exps_) {
        if (e != 0) {
            return false;
        }
    }
    return true;
}

std::string Unit::to_string() const {
    std::string out;
    append_to(out);
    return out;
}

void Unit::append_to(std::string& out) const {
    // An explained indication renders a unit for nearly every value: one pass finds the few
    // base units present, a second appends their words.
    std::array<std::uint8_t, base_unit_count> up{}, down{}; // indexes of positive/negative powers
    std::size_t ups = 0, downs = 0;
    for (std::size_t i = 0; i < base_unit_count; ++i) {
        if (exps_[i] > 0)
            up[ups++] = static_cast<std::uint8_t>(i);
        else if (exps_[i] < 0)
            down[downs++] = static_cast<std::uint8_t>(i);
    }
    if (ups == 0 && downs == 0) {
        out += percent_ ? "percent" : "count";
        return;
    }
    bool numerator = false;
    for (std::size_t u = 0; u < ups; ++u) {
        auto const i = up[u];
        for (int k = 0; k < exps_[i]; ++k) {
            if (numerator) {
                out += '*';
            }
            out += spellings[i].plural;
            numerator = true;
        }
    }
    if (!numerator) {
        out += "count"; // only denominators, e.g. "count/week"
    }
    for (std::size_t d = 0; d < downs; ++d) {
        auto const i = down[d];
        for (int k = 0; k > exps_[i]; --k) {
            out += '/';
            out += spellings[i].singular;
        }
    }
}

Unit operator*(Unit const& a, Unit const& b) {
    Unit u;
    for (std::size_t i = 0; i < base_unit_count; ++i) {
        u.exps_[i] = static_cast<std::int8_t>(a.exps_[i] + b.exps_[i]);
    }
    u.percent_ = a.percent_ || b.percent_;
    return u;
}

Unit operator/(Unit const& a, Unit const& b) {
    Unit u;
    for (std::size_t i = 0; i < base_unit_count; ++i) {
        u.exps_[i] = static_cast<std::int8_t>(a.exps_[i] - b.exps_[i]);
    }
    u.percent_ = a.percent_ && !b.percent_;
    return u;
}

std::optional<Unit> Unit::parse(std::string_view text) {
    std::optional<Unit> result;
    char op = '*';
    std::size_t start = 0;
    while (true) {
        std::size_t const end = text.find_first_of("*/", start);
        std::string_view const word = text.substr(
            start, end == std::string_view::npos ? std::string_view::npos : end - start);
        auto unit = Unit::parse_word(word);
        if (!unit)
            return std::nullopt;
        result = !result ? *unit : op == '*' ? *result * *unit : *result / *unit;
        if (end == std::string_view::npos)
            return result;
        op = text[end];
        start = end + 1;
    }
}

} // namespace billijk
