#include "review/compare.hpp"

#include "review/derivation.hpp"

namespace billijk::review {

std::string_view to_string(Verdict v) {
    switch (v) {
    case Verdict::equal:
        return "equal";
    case Verdict::within_tolerance:
        return "within_tolerance";
    case Verdict::deviation:
        return "deviation";
    }
    return "?";
}

namespace {

std::string status_word(Status s) {
    switch (s) {
    case Status::granted:
        return "granted";
    case Status::refused:
        return "refused";
    case Status::undetermined:
        return "undetermined";
    }
    return "?";
}

std::string period_text(Period const& p) {
    return p.start.to_string() + ".." + p.end.to_string();
}

/// Why the engine decided the status: the refusals that hold, or what is missing, or that none
/// of the refusals checked holds.
std::vector<std::string> status_lines(ProvisionResult const& engine, io::Language lang) {
    std::vector<std::string> out;
    bool const nl = lang == io::Language::nl;
    for (auto const& r : engine.reasons)
        out.push_back((nl ? r.text_nl : r.text_en) + " [" + r.cites + "]");
    for (auto const& u : engine.undetermined)
        out.push_back(u);
    if (out.empty())
        for (auto const* refusal : anatomy(engine).refusals)
            out.push_back("- " + label(*refusal, lang) + ": " + refusal->value);
    return out;
}

void explain(FieldComparison& c, Explanation const* node, io::Language lang) {
    if (c.verdict != Verdict::equal && node)
        c.explanation = derivation_lines(*node, lang);
}

} // namespace

FieldComparison compare_amounts(std::string field, std::optional<Quantity> const& proposed,
                                std::optional<Quantity> const& engine, Decimal const& tolerance) {
    FieldComparison c;
    c.field = std::move(field);
    c.proposed = proposed ? render(*proposed) : "";
    c.engine = engine ? render(*engine) : "";
    if (!proposed && !engine)
        return c;
    if (!proposed || !engine || !(proposed->unit == engine->unit)) {
        c.verdict = Verdict::deviation;
        return c;
    }
    auto diff = sub(proposed->amount, engine->amount);
    if (!diff.value) { // cannot happen for amounts that parsed; be safe rather than wrong
        c.verdict = Verdict::deviation;
        return c;
    }
    if (diff.value->is_zero())
        return c;
    c.difference = (diff.value->is_negative() ? "" : "+") + diff.value->to_string();
    Decimal const magnitude = diff.value->is_negative() ? negate(*diff.value) : *diff.value;
    c.verdict = magnitude <= tolerance ? Verdict::within_tolerance : Verdict::deviation;
    return c;
}

std::vector<FieldComparison> compare(Proposal const& proposal, ProvisionResult const& engine,
                                     Tolerance const& tolerance, io::Language lang) {
    std::vector<FieldComparison> out;
    FieldComparison status;
    status.field = "status";
    status.proposed = proposal.status;
    status.engine = status_word(engine.status);
    if (status.proposed != status.engine) {
        status.verdict = Verdict::deviation;
        status.explanation = status_lines(engine, lang);
    }
    out.push_back(status);

    FieldComparison form;
    form.field = "form";
    form.proposed = proposal.form.value_or(engine.form);
    form.engine = engine.form;
    if (form.proposed != form.engine) {
        form.verdict = Verdict::deviation;
        form.explanation = {"requested form: " + engine.form};
    }
    out.push_back(form);

    // A refusal has no amounts to compare; a refused proposal against a grant is already a
    // status deviation, and its missing amounts would only repeat it.
    bool const amounts = proposal.status == "granted" && engine.status != Status::refused;
    if (amounts) {
        auto parts = anatomy(engine);
        auto q =
            compare_amounts("quantity", proposal.quantity, engine.quantity, tolerance.quantity);
        explain(q, parts.quantity, lang);
        auto r = compare_amounts("rate", proposal.rate, engine.rate, tolerance.rate);
        explain(r, parts.rate, lang);
        auto b = compare_amounts("budget", proposal.budget, engine.budget, tolerance.budget);
        explain(b, parts.budget, lang);
        out.push_back(q);
        out.push_back(r);
        out.push_back(b);
    }

    FieldComparison period;
    period.field = "period";
    period.engine = period_text(engine.period);
    period.proposed = proposal.period ? period_text(*proposal.period) : period.engine;
    if (period.proposed != period.engine) {
        period.verdict = Verdict::deviation;
        period.explanation = {"the period of the case: " + period.engine};
    }
    out.push_back(period);
    return out;
}

} // namespace billijk::review
