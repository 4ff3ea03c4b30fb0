#include "review/tolerance.hpp"

#include <set>

namespace billijk::review {

FieldResult<Tolerance> parse_tolerance(std::string_view text) {
    Tolerance out;
    std::set<std::string> seen;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto comma = text.find(',', pos);
        if (comma == std::string_view::npos)
            comma = text.size();
        std::string_view const item = text.substr(pos, comma - pos);
        pos = comma + 1;
        auto eq = item.find('=');
        if (eq == std::string_view::npos)
            return Problem{"expected field=amount, found \"" + std::string(item) + "\""};
        std::string const field(item.substr(0, eq));
        std::string_view const amount = item.substr(eq + 1);
        Decimal* target = field == "quantity" ? &out.quantity
                          : field == "rate"   ? &out.rate
                          : field == "budget" ? &out.budget
                                              : nullptr;
        if (!target)
            return Problem{"unknown field \"" + field + "\" (expected quantity, rate or budget)"};
        if (!seen.insert(field).second)
            return Problem{"field \"" + field + "\" is given twice"};
        auto value = Decimal::parse(amount);
        if (!value || value->is_negative())
            return Problem{field + ": expected a non-negative decimal like 1.00, found \"" +
                           std::string(amount) + "\""};
        *target = *value;
    }
    if (!text.empty() && text.back() == ',')
        return Problem{"expected field=amount after the last comma"};
    return out;
}

} // namespace billijk::review
