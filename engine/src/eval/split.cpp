// Splitting a period at version changes, and combining the parts (eval/split.hpp).
#include "eval/split.hpp"
#include "eval/request.hpp"

#include <algorithm>
#include <optional>

namespace billijk::eval {

namespace {

/// A period this long has more parts than any regulation has versions: the rules' dates are
/// wrong (e.g. a version per day), and the indication says so instead of running on.
constexpr std::size_t max_parts = 366;

std::vector<Period> split_at(Period p, std::set<Date> const& changes) {
    std::vector<Period> out;
    Date start = p.start;
    for (Date d : changes) {
        if (d <= p.start || d > p.end)
            continue;
        out.push_back({start, d.add_days(-1)});
        start = d;
    }
    out.push_back({start, p.end});
    return out;
}

std::string period_text(Period const& p, char const* to) {
    return p.start.to_string() + " " + to + " " + p.end.to_string();
}

/// The value all parts share, or nothing.
std::optional<Quantity> common(std::vector<ProvisionResult> const& parts,
                               std::optional<Quantity> ProvisionResult::*field) {
    auto const& first = parts.front().*field;
    for (auto const& p : parts)
        if (!(p.*field) || !first || !(*(p.*field) == *first))
            return std::nullopt;
    return first;
}

/// The sum of the parts' budgets when each is an amount in eur (for its own part).
std::optional<Quantity> summed_budget(std::vector<ProvisionResult> const& parts) {
    Decimal total = Decimal::from_int(0);
    for (auto const& p : parts) {
        if (!p.budget || p.budget->unit.to_string() != "eur")
            return std::nullopt;
        auto sum = add(total, p.budget->amount);
        if (!sum.value)
            return std::nullopt; // overflow: no total, the parts still report theirs
        total = *sum.value;
    }
    return Quantity{total, parts.front().budget->unit};
}

template <class T> void add_unique(std::vector<T>& into, std::vector<T> const& more, auto same) {
    for (auto const& m : more)
        if (std::none_of(into.begin(), into.end(), [&](T const& x) { return same(x, m); }))
            into.push_back(m);
}

} // namespace

ProvisionResult combine_parts(std::vector<ProvisionResult> parts, Period whole) {
    ProvisionResult out;
    auto const& first = parts.front();
    out.provision = first.provision;
    out.form = first.form;
    out.period = whole;
    out.category = first.category;
    out.product = first.product;
    out.unit_code = first.unit_code;
    out.frequency = first.frequency;
    out.field_sources = first.field_sources;
    bool any_refused = false, any_open = false;
    for (auto const& p : parts) {
        any_refused = any_refused || p.status == Status::refused;
        any_open = any_open || p.status == Status::undetermined;
        add_unique(out.reasons, p.reasons,
                   [](Reason const& a, Reason const& b) { return a.rule == b.rule; });
        add_unique(out.undetermined, p.undetermined,
                   [](std::string const& a, std::string const& b) { return a == b; });
    }
    out.status = any_refused ? Status::refused : any_open ? Status::undetermined : Status::granted;
    if (out.status != Status::refused) {
        out.quantity = common(parts, &ProvisionResult::quantity);
        out.rate = common(parts, &ProvisionResult::rate);
        out.budget = common(parts, &ProvisionResult::budget);
        if (!out.budget)
            out.budget = summed_budget(parts);
    }

    out.explanation = first.explanation;
    out.explanation.value = std::string(status_text(out.status));
    out.explanation.inputs.clear();
    std::size_t const n = parts.size();
    for (std::size_t i = 0; i < n; ++i) {
        auto& p = parts[i];
        Explanation node;
        node.kind = Text::borrow("part");
        node.name = p.period.start.to_string() + ".." + p.period.end.to_string();
        node.label_nl = "Deel " + std::to_string(i + 1) + " van " + std::to_string(n) + ": " +
                        period_text(p.period, "t/m");
        node.label_en = "Part " + std::to_string(i + 1) + " of " + std::to_string(n) + ": " +
                        period_text(p.period, "to");
        node.value = p.explanation.value;
        node.note_nl =
            "waarden met een geldigheidsperiode genomen op " + p.period.start.to_string();
        node.note_en = "values with a validity period taken on " + p.period.start.to_string();
        node.inputs = std::move(p.explanation.inputs);
        PeriodPart part{p.period, p.status,  p.quantity,    p.rate,
                        p.budget, p.reasons, p.undetermined};
        out.parts.push_back(std::move(part));
        out.explanation.inputs.push_back(std::move(node));
    }
    return out;
}

Result<ProvisionResult> evaluate_request(sema::Program const& program, sema::PackageId root,
                                         Case const& the_case, std::size_t index, bool explain) {
    std::vector<Period> todo{the_case.period};
    std::vector<ProvisionResult> done;
    // A copy of the case with the part's period, made only when the period is split: most are
    // not, and copying the case (its facts, needs and strings) for every request is not free.
    std::optional<Case> part_case;
    while (!todo.empty()) {
        if (done.size() + todo.size() > max_parts)
            return fail("E0806", std::nullopt,
                        "requests[" + std::to_string(index) + "]: the period " +
                            period_text(the_case.period, "to") + " crosses more than " +
                            std::to_string(max_parts - 1) +
                            " version changes; check the validity dates of the rules");
        Period const part = todo.front();
        Case const* current = &the_case;
        if (part.start != the_case.period.start || part.end != the_case.period.end) {
            if (!part_case)
                part_case = the_case;
            part_case->period = part;
            current = &*part_case;
        }
        auto part_result = evaluate_part(program, root, *current, index, explain);
        if (!part_result)
            return part_result.diagnostics();
        auto& evaluated = part_result.value(); // used in place: a ProvisionResult is large to move
        auto pieces = split_at(part, evaluated.change_dates);
        todo.erase(todo.begin());
        if (pieces.size() == 1 && todo.empty() && done.empty()) {
            // The whole period in one part (the usual case): no vector, no extra move.
            evaluated.result.period = the_case.period;
            return std::move(evaluated.result);
        }
        if (pieces.size() == 1) {
            done.push_back(std::move(evaluated.result));
        } else {
            todo.insert(todo.begin(), pieces.begin(), pieces.end());
        }
    }
    if (done.size() == 1) {
        done.front().period = the_case.period;
        return std::move(done.front());
    }
    auto combined = combine_parts(std::move(done), the_case.period);
    if (!explain)
        combined.explanation = {}; // the part nodes would be labels without derivations
    return combined;
}

} // namespace billijk::eval
