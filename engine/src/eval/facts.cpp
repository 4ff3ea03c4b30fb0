// Request facts read per their declared type: bool; a quantity with the declared unit (or a
// decimal string for count, "60%" for percent); a date string; an enumeration member; text.
#include "eval/request.hpp"

#include <algorithm>

namespace billijk::eval {

namespace {

using sema::Scalar;
using sema::Type;

std::string expected(Type const& t) {
    switch (t.kind) {
    case Type::Kind::boolean:
        return "true or false";
    case Type::Kind::date:
        return "a date \"YYYY-MM-DD\"";
    case Type::Kind::text:
        return "a string";
    case Type::Kind::enumeration:
        return "a member of enumeration " + t.enum_name;
    case Type::Kind::number:
        if (t.unit.is_dimensionless())
            return std::string("a decimal string") + (t.unit.is_percent() ? " or \"60%\"" : "");
        return "a quantity in " + t.unit.to_string() + " ({\"amount\": \"…\", \"unit\": \"" +
               t.unit.to_string() + "\"})";
    case Type::Kind::error:
        break;
    }
    return "a value";
}

std::optional<Scalar> read(sema::Program const& program, sema::Package const& root,
                           Type const& type, FactValue const& value) {
    // The values view the program's type names and the request's texts (both outlive the
    // evaluation): an enumeration member copied was two allocations.
    Scalar s;
    s.type = sema::borrowed(type);
    if (auto const* b = std::get_if<bool>(&value)) {
        if (type.kind != Type::Kind::boolean)
            return std::nullopt;
        s.boolean = *b;
        return s;
    }
    if (auto const* q = std::get_if<Quantity>(&value)) {
        if (!type.is_number() || !(q->unit == type.unit))
            return std::nullopt;
        s.number = q->amount;
        return s;
    }
    auto const& text = std::get<std::string>(value);
    switch (type.kind) {
    case Type::Kind::text:
        s.text = sema::OptionalText::borrow(text);
        return s;
    case Type::Kind::date:
        if (auto d = Date::parse(text)) {
            s.date = *d;
            return s;
        }
        return std::nullopt;
    case Type::Kind::enumeration: {
        auto ref = root.lookup(type.enum_name);
        if (!ref || ref->kind != sema::DeclKind::enumeration)
            return std::nullopt;
        auto const& members = program.enums[ref->index].members;
        if (std::find(members.begin(), members.end(), text) == members.end())
            return std::nullopt;
        s.text = sema::OptionalText::borrow(text);
        return s;
    }
    case Type::Kind::number: {
        if (!type.unit.is_dimensionless())
            return std::nullopt;
        bool percent = type.unit.is_percent() && !text.empty() && text.back() == '%';
        auto d = Decimal::parse(percent ? std::string_view(text).substr(0, text.size() - 1)
                                        : std::string_view(text));
        if (!d)
            return std::nullopt;
        if (percent) {
            auto fraction = div(*d, Decimal::from_int(100));
            if (!fraction.value)
                return std::nullopt;
            d = fraction.value;
        }
        s.number = *d;
        return s;
    }
    default:
        return std::nullopt;
    }
}

} // namespace

Result<FactValues> convert_facts(sema::Program const& program, sema::PackageId root_id,
                                 Request const& request, std::size_t index) {
    auto const& root = program.packages[root_id];
    FactValues out;
    Diagnostics diags;
    auto base = [&] { return "requests[" + std::to_string(index) + "].facts."; }; // errors only
    out.reserve(request.facts.size());
    for (auto const& [name, value] : request.facts) {
        auto const fact = root.lookup_fact(name);
        if (!fact) {
            auto& d = diags.error("E0803", std::nullopt,
                                  base() + name + ": no package declares fact '" + name + "'");
            std::vector<std::string> known;
            for (auto const& [n, r] : root.view)
                if (r.kind == sema::DeclKind::fact)
                    known.push_back(n);
            std::string list;
            for (auto const& k : known)
                list += (list.empty() ? "" : ", ") + k;
            d.notes.push_back({std::nullopt, "facts declared for package " + root.name + ": " +
                                                 (list.empty() ? "none" : list)});
            continue;
        }
        auto const& type = program.facts[*fact].type;
        auto scalar = read(program, root, type, value);
        if (!scalar) {
            diags.error("E0804", std::nullopt,
                        base() + name + ": expected " + expected(type) + " for fact '" + name +
                            "'");
            continue;
        }
        out.emplace_back(*fact, std::move(*scalar));
    }
    if (diags.has_errors())
        return diags;
    return out;
}

} // namespace billijk::eval
