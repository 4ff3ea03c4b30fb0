// Runtime values (eval/value.hpp).
#include "eval/value.hpp"

#include <algorithm>

namespace billijk::eval {

// Both build the scalar in place: a scalar is 128 bytes, and every operator returns one.

Value Value::boolean(bool b) {
    Value v;
    auto& s = v.scalar.emplace();
    s.type.kind = sema::Type::Kind::boolean;
    s.boolean = b;
    return v;
}

Value Value::number(Decimal d, Unit u) {
    Value v;
    auto& s = v.scalar.emplace();
    s.type.kind = sema::Type::Kind::number;
    s.type.unit = u;
    s.number = d;
    return v;
}

std::string Value::to_string() const {
    std::string out;
    append_to(out);
    return out;
}

void Value::append_to(std::string& out) const {
    if (scalar) {
        scalar->append_to(out);
        return;
    }
    out += "undetermined";
    for (std::size_t i = 0; i < reasons.size(); ++i) {
        out += i == 0 ? ": " : "; ";
        out += reasons[i];
    }
}

void add_reasons(std::vector<std::string>& into, std::vector<std::string> const& from) {
    for (auto const& r : from)
        if (std::find(into.begin(), into.end(), r) == into.end())
            into.push_back(r);
}

} // namespace billijk::eval
