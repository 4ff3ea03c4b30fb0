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

/// The text of a unit with at most one base unit up and one down, each to the first power
/// ("eur/hour", "hours/week", "years", "count/week"): nearly every unit an explanation shows.
struct SimpleText {
    std::array<char, 24> text{};
    std::size_t size = 0;

    constexpr void append(std::string_view s) {
        for (char c : s)
            text[size++] = c;
    }
};

/// Index (up + 1) * (base_unit_count + 1) + (down + 1), with -1 for none.
constexpr std::size_t simple_index(int up, int down) {
    return static_cast<std::size_t>(up + 1) * (base_unit_count + 1) +
           static_cast<std::size_t>(down + 1);
}

constexpr auto make_simple_texts() {
    std::array<SimpleText, (base_unit_count + 1) * (base_unit_count + 1)> out{};
    for (int up = -1; up < static_cast<int>(base_unit_count); ++up) {
        for (int down = -1; down < static_cast<int>(base_unit_count); ++down) {
            auto& t = out[simple_index(up, down)];
            t.append(up < 0 ? "count" : spellings[static_cast<std::size_t>(up)].plural);
            if (down >= 0) {
                t.append("/");
                t.append(spellings[static_cast<std::size_t>(down)].singular);
            }
        }
    }
    return out;
}

/// Made at compile time: a table of constants, not state.
constexpr auto simple_texts = make_simple_texts();

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
    // An explained indication renders a unit for nearly every value. Most are one base unit
    // over another (or one alone), whose text is in a table: one append.
    int only_up = -1, only_down = -1;
    bool simple = true;
    for (std::size_t i = 0; i < base_unit_count && simple; ++i) {
        if (exps_[i] == 0)
            continue;
        if (exps_[i] == 1 && only_up < 0)
            only_up = static_cast<int>(i);
        else if (exps_[i] == -1 && only_down < 0)
            only_down = static_cast<int>(i);
        else
            simple = false;
    }
    if (simple && (only_up >= 0 || only_down >= 0)) {
        auto const& t = simple_texts[simple_index(only_up, only_down)];
        out.append(t.text.data(), t.size);
        return;
    }
    // Otherwise one pass finds the base units present, a second appends their words.
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
