// Interval arithmetic for table checks (sema/intervals.hpp).
#include "sema/intervals.hpp"

#include <algorithm>

namespace billijk::sema {

std::optional<Decimal> order_key(Scalar const& s) {
    if (s.type.kind == Type::Kind::number)
        return s.number;
    if (s.type.kind == Type::Kind::date)
        return Decimal::from_int(s.date.days_since_epoch());
    return std::nullopt;
}

Interval Interval::of(Cell const& cell) {
    Interval out;
    switch (cell.kind) {
    case Cell::Kind::any:
        break;
    case Cell::Kind::value:
        out.lower = {order_key(cell.value), true};
        out.upper = out.lower;
        break;
    case Cell::Kind::range:
        if (cell.lower)
            out.lower = {order_key(*cell.lower), cell.lower_closed};
        if (cell.upper)
            out.upper = {order_key(*cell.upper), cell.upper_closed};
        break;
    }
    return out;
}

namespace {

/// The later of two lower bounds (the one that excludes more).
Bound later_lower(Bound const& a, Bound const& b) {
    if (!a.value)
        return b;
    if (!b.value)
        return a;
    if (*a.value != *b.value)
        return *a.value > *b.value ? a : b;
    return {a.value, a.closed && b.closed};
}
Bound earlier_upper(Bound const& a, Bound const& b) {
    if (!a.value)
        return b;
    if (!b.value)
        return a;
    if (*a.value != *b.value)
        return *a.value < *b.value ? a : b;
    return {a.value, a.closed && b.closed};
}
Bound earlier_lower(Bound const& a, Bound const& b) {
    if (!a.value || !b.value)
        return {};
    if (*a.value != *b.value)
        return *a.value < *b.value ? a : b;
    return {a.value, a.closed || b.closed};
}
Bound later_upper(Bound const& a, Bound const& b) {
    if (!a.value || !b.value)
        return {};
    if (*a.value != *b.value)
        return *a.value > *b.value ? a : b;
    return {a.value, a.closed || b.closed};
}

bool nonempty(Bound const& lower, Bound const& upper) {
    if (!lower.value || !upper.value)
        return true;
    if (*lower.value != *upper.value)
        return *lower.value < *upper.value;
    return lower.closed && upper.closed;
}

} // namespace

bool Interval::empty() const {
    return !nonempty(lower, upper);
}

std::string Interval::to_string() const {
    std::string out = lower.closed ? "[" : "(";
    if (lower.value)
        out += lower.value->to_string();
    out += ", ";
    if (upper.value)
        out += upper.value->to_string();
    out += upper.closed ? "]" : ")";
    return out;
}

bool intersects(Interval const& a, Interval const& b) {
    return nonempty(later_lower(a.lower, b.lower), earlier_upper(a.upper, b.upper));
}

std::optional<Interval> hull(std::vector<Interval> const& intervals) {
    if (intervals.empty())
        return std::nullopt;
    Interval out = intervals.front();
    for (auto const& i : intervals) {
        out.lower = earlier_lower(out.lower, i.lower);
        out.upper = later_upper(out.upper, i.upper);
    }
    return out;
}

std::vector<Interval> gaps(std::vector<Interval> intervals, Interval const& domain) {
    std::vector<Interval> out;
    // Clip to the domain and drop what falls outside.
    std::vector<Interval> parts;
    for (auto const& i : intervals) {
        Interval clipped{later_lower(i.lower, domain.lower), earlier_upper(i.upper, domain.upper)};
        if (!clipped.empty())
            parts.push_back(clipped);
    }
    std::sort(parts.begin(), parts.end(), [](Interval const& a, Interval const& b) {
        if (!a.lower.value || !b.lower.value)
            return !a.lower.value && b.lower.value;
        if (*a.lower.value != *b.lower.value)
            return *a.lower.value < *b.lower.value;
        return a.lower.closed && !b.lower.closed;
    });
    // `reach`: the upper end of the covered prefix of the domain; absent before the first part.
    std::optional<Bound> reach;
    auto first_uncovered = [&]() -> Bound {
        return reach ? Bound{reach->value, !reach->closed} : domain.lower;
    };
    for (auto const& part : parts) {
        if (part.lower.value) {
            Interval gap{first_uncovered(), {part.lower.value, !part.lower.closed}};
            if (!gap.empty())
                out.push_back(gap);
        }
        reach = reach ? later_upper(*reach, part.upper) : part.upper;
        if (!reach->value)
            return out; // covered up to +inf
    }
    Interval tail{first_uncovered(), domain.upper};
    if (!tail.empty())
        out.push_back(tail);
    return out;
}

} // namespace billijk::sema
