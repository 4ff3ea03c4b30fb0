// Dates and validity: impossible dates, ranges that end before they start, and versions of a
// parameter or table that overlap or leave a gap between them.
#include "sema/checker.hpp"

#include <algorithm>

namespace billijk::sema {

std::optional<Date> parse_date(Checker& c, std::string const& text, Span span) {
    auto d = Date::parse(text);
    if (!d)
        c.error("E0501", span, "'" + text + "' is not a valid calendar date")
            .notes.push_back({std::nullopt, "dates are written YYYY-MM-DD and must exist"});
    return d;
}

std::optional<DateRange> parse_range(Checker& c, syntax::DateRange const& range) {
    auto from = parse_date(c, range.from, range.span);
    std::optional<Date> to;
    bool ok = from.has_value();
    if (range.to) {
        to = parse_date(c, *range.to, range.span);
        ok = ok && to.has_value();
    }
    if (!ok)
        return std::nullopt;
    if (to && *to < *from) {
        c.error("E0502", range.span,
                "date range ends (" + to->to_string() + ") before it starts (" + from->to_string() +
                    ")");
        return std::nullopt;
    }
    return DateRange{*from, to, range.span};
}

namespace {

struct Dated {
    DateRange range;
    Span span;
};

/// Sorts the versions by start and reports overlaps (E0503) and gaps (E0504).
void check_versions(Checker& c, std::vector<Dated> versions, std::string const& what) {
    std::stable_sort(versions.begin(), versions.end(),
                     [](Dated const& a, Dated const& b) { return a.range.from < b.range.from; });
    for (std::size_t i = 1; i < versions.size(); ++i) {
        auto const& a = versions[i - 1];
        auto const& b = versions[i];
        if (!a.range.to || b.range.from <= *a.range.to) {
            auto& d = c.error("E0503", b.span,
                              "versions of " + what + " overlap: " + a.range.to_string() + " and " +
                                  b.range.to_string());
            d.notes.push_back({a.range.span, "version valid " + a.range.to_string()});
            d.notes.push_back({b.range.span, "version valid " + b.range.to_string()});
            continue;
        }
        Date first_missing = a.range.to->add_days(1);
        if (first_missing < b.range.from) {
            Date last_missing = b.range.from.add_days(-1);
            auto& d = c.error("E0504", b.span,
                              "gap between versions of " + what + ": no version is valid from " +
                                  first_missing.to_string() + " to " + last_missing.to_string());
            d.notes.push_back({a.range.span, "version valid " + a.range.to_string()});
            d.notes.push_back({b.range.span, "next version valid " + b.range.to_string()});
        }
    }
}

void check_parameter(Checker& c, std::size_t index) {
    auto const& p = c.program.parameters[index];
    std::size_t undated = 0;
    std::vector<Dated> dated;
    bool broken = false;
    for (std::size_t i = 0; i < p.versions.size(); ++i) {
        auto const& src = c.parameter_src[index]->versions[i];
        if (!src.valid)
            ++undated;
        else if (p.versions[i].valid)
            dated.push_back({*p.versions[i].valid, p.versions[i].span});
        else
            broken = true;
    }
    if (undated > 1 || (undated == 1 && p.versions.size() > 1)) {
        c.error("E0505", p.span,
                "parameter '" + p.name +
                    "' must have either one undated value or only dated "
                    "versions")
            .notes.push_back({std::nullopt, "write `valid FROM .. [TO] = value` for each version"});
        return;
    }
    if (!broken)
        check_versions(c, std::move(dated), "parameter '" + p.name + "'");
}

void check_table(Checker& c, std::size_t index) {
    auto const& t = c.program.tables[index];
    if (t.versions.size() < 2)
        return;
    std::vector<Dated> dated;
    for (std::size_t v = 0; v < t.versions.size(); ++v) {
        auto const& src = *c.table_src[index][v];
        if (!src.valid) {
            c.error("E0506", t.versions[v].span,
                    "table '" + t.name + "' is declared " + std::to_string(t.versions.size()) +
                        " times, so every declaration needs a `valid` range")
                .notes.push_back({std::nullopt, "declarations of one table are its versions"});
            return;
        }
        if (!t.versions[v].valid)
            return; // an invalid range, already reported
        dated.push_back({*t.versions[v].valid, t.versions[v].span});
    }
    check_versions(c, std::move(dated), "table '" + t.name + "'");
}

} // namespace

void check_dating(Checker& c) {
    for (std::size_t i = 0; i < c.program.parameters.size(); ++i)
        check_parameter(c, i);
    for (std::size_t i = 0; i < c.program.tables.size(); ++i)
        check_table(c, i);
}

} // namespace billijk::sema
