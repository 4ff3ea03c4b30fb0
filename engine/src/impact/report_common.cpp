// Helpers shared by the impact report writers (impact/report.hpp).
#include "impact/report.hpp"

namespace billijk::impact {

namespace {

bool same(std::optional<Quantity> const& a, std::optional<Quantity> const& b) {
    return a.has_value() == b.has_value() && (!a || *a == *b);
}

std::string cases(int n) {
    return n == 0 ? "no case" : n == 1 ? "1 case" : std::to_string(n) + " cases";
}

} // namespace

std::string show(std::optional<Quantity> const& q) {
    return q ? q->amount.to_string() + " " + q->unit.to_string() : "none";
}

std::string signed_amount(Decimal const& d) {
    return (d.is_negative() || d.is_zero() ? "" : "+") + d.to_string();
}

Summary summarise(Report const& report) {
    Summary s;
    for (auto const& r : report.rows) {
        ++s.rows;
        if (r.before.status == "error" && r.after.status == "error")
            ++s.errors_both;
        if (!r.changed)
            continue;
        ++s.changed;
        s.status += r.before.status != r.after.status;
        s.quantity += !same(r.before.quantity, r.after.quantity);
        s.rate += !same(r.before.rate, r.after.rate);
        s.budget += !same(r.before.budget, r.after.budget);
        if (r.budget_change && !r.budget_change->amount.is_zero())
            (r.budget_change->amount.is_negative() ? s.down : s.up) += 1;
    }
    return s;
}

std::string pq_sentence(Summary const& s) {
    std::string out = "the draft changes the rate (P) in " + cases(s.rate) +
                      " and the quantity (Q) in " + cases(s.quantity);
    if (s.quantity == 0 && s.rate > 0)
        out += ": the hours are decided as before, so differences in hours between equal cases "
               "remain exactly as large as they were";
    return out;
}

} // namespace billijk::impact
