// Candidate roundings (tables/rounding.hpp).
#include "tables/rounding.hpp"

namespace billijk::tables {

std::vector<Way> const& candidate_ways() {
    static std::vector<Way> const all = [] {
        std::vector<Way> out;
        for (char const* step : {"0.01", "0.10", "1"})
            for (auto mode : {Rounding::down, Rounding::half_up, Rounding::half_even, Rounding::up})
                out.push_back({mode, *Decimal::parse(step)});
        return out;
    }();
    return all;
}

std::vector<Way> roundings_giving(Decimal const& exact, Decimal const& published) {
    std::vector<Way> out;
    for (auto const& way : candidate_ways()) {
        auto rounded = exact.round(way.step, way.mode);
        if (rounded.value && *rounded.value == published)
            out.push_back(way);
    }
    return out;
}

namespace {

std::string step_name(Decimal const& step) {
    if (step == *Decimal::parse("0.01"))
        return "cents";
    if (step == *Decimal::parse("0.1"))
        return "dimes";
    if (step == Decimal::from_int(1))
        return "whole euros";
    return "multiples of " + step.to_string();
}

std::string mode_name(Rounding mode) {
    switch (mode) {
    case Rounding::down:
        return "truncation (down)";
    case Rounding::half_up:
        return "half-up";
    case Rounding::half_even:
        return "half-even";
    case Rounding::up:
        return "up";
    }
    return "?";
}

} // namespace

std::string describe(Way const& way) {
    return mode_name(way.mode) + " to " + step_name(way.step);
}

std::string rule_spelling(Way const& way) {
    return way.step.to_string() + ", " + std::string(to_string(way.mode));
}

} // namespace billijk::tables
