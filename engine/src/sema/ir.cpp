// Printing and small helpers for the IR types (sema/ir.hpp).
#include "sema/ir.hpp"

namespace billijk::sema {

std::string_view to_string(Layer layer) {
    switch (layer) {
    case Layer::national:
        return "national";
    case Layer::regional:
        return "regional";
    case Layer::municipal:
        return "municipal";
    }
    return "?";
}

std::string Type::to_string() const {
    switch (kind) {
    case Kind::error:
        return "<error>";
    case Kind::boolean:
        return "bool";
    case Kind::date:
        return "date";
    case Kind::text:
        return "text";
    case Kind::number:
        return unit.is_percent() ? "percent" : unit.to_string();
    case Kind::enumeration:
        return enum_name;
    }
    return "?";
}

bool operator==(Type const& a, Type const& b) {
    if (a.kind != b.kind)
        return false;
    if (a.kind == Type::Kind::number)
        return a.unit == b.unit;
    if (a.kind == Type::Kind::enumeration)
        return a.enum_name == b.enum_name;
    return true;
}

namespace {
std::string percent_text(Decimal const& fraction) {
    auto hundred = Decimal::from_int(100);
    auto scaled = mul(fraction, hundred);
    if (!scaled.value)
        return fraction.to_string() + " (fraction)";
    // 0.60 (scale 2) shows as "60%", 0.125 as "12.5%": two of the decimals move before the point.
    int scale = fraction.scale() > 2 ? fraction.scale() - 2 : 0;
    return scaled.value->with_scale(scale).to_string() + "%";
}
} // namespace

std::string Scalar::to_string(bool quote_text) const {
    std::string out;
    append_to(out, quote_text);
    return out;
}

void Scalar::append_to(std::string& out, bool quote_text) const {
    switch (type.kind) {
    case Type::Kind::error:
        out += "<error>";
        return;
    case Type::Kind::boolean:
        out += boolean ? "true" : "false";
        return;
    case Type::Kind::date:
        out += date.to_string();
        return;
    case Type::Kind::text:
        if (quote_text)
            out += '"';
        out += text;
        if (quote_text)
            out += '"';
        return;
    case Type::Kind::enumeration:
        out += text;
        return;
    case Type::Kind::number:
        if (type.unit.is_percent()) {
            out += percent_text(number);
            return;
        }
        number.append_to(out);
        if (!type.unit.is_dimensionless()) {
            out += ' ';
            type.unit.append_to(out);
        }
        return;
    }
    out += '?';
}

bool operator==(Scalar const& a, Scalar const& b) {
    // The kind and the payload first, the whole type (unit, enumeration name) last: a table
    // compares an argument with cell after cell, and most differ in the payload.
    if (a.type.kind != b.type.kind)
        return false;
    bool same = false;
    switch (a.type.kind) {
    case Type::Kind::error:
        same = true;
        break;
    case Type::Kind::boolean:
        same = a.boolean == b.boolean;
        break;
    case Type::Kind::date:
        same = a.date == b.date;
        break;
    case Type::Kind::text:
    case Type::Kind::enumeration:
        same = a.text == b.text;
        break;
    case Type::Kind::number:
        same = a.number == b.number;
        break;
    }
    return same && a.type == b.type;
}

std::vector<InputInfo> const& inputs() {
    static std::vector<InputInfo> const all = {
        {Input::decision_date, "decision_date", Type::date()},
        {Input::period_start, "period.start", Type::date()},
        {Input::period_end, "period.end", Type::date()},
        {Input::birth_date, "client.birth_date", Type::date()},
        {Input::request_provision, "request.provision", Type::text()},
        {Input::request_form, "request.form", Type::enumeration("pgb_form")},
        {Input::request_provider, "request.provider", Type::enumeration("provider_kind")},
        {Input::request_rate, "request.rate",
         Type::number(Unit::of(BaseUnit::eur) / Unit::of(BaseUnit::hour))},
        {Input::household_size, "household.size", Type::number(Unit{})},
        {Input::household_overloaded, "household.overloaded", Type::boolean()},
    };
    return all;
}

std::string_view to_string(Builtin fn) {
    switch (fn) {
    case Builtin::min:
        return "min";
    case Builtin::max:
        return "max";
    case Builtin::round:
        return "round";
    case Builtin::age_on:
        return "age_on";
    case Builtin::need:
        return "need";
    case Builtin::days_between:
        return "days_between";
    }
    return "?";
}

std::string_view to_string(BinaryOp op) {
    switch (op) {
    case BinaryOp::add:
        return "+";
    case BinaryOp::sub:
        return "-";
    case BinaryOp::mul:
        return "*";
    case BinaryOp::div:
        return "/";
    case BinaryOp::eq:
        return "==";
    case BinaryOp::ne:
        return "!=";
    case BinaryOp::lt:
        return "<";
    case BinaryOp::le:
        return "<=";
    case BinaryOp::gt:
        return ">";
    case BinaryOp::ge:
        return ">=";
    case BinaryOp::logical_and:
        return "and";
    case BinaryOp::logical_or:
        return "or";
    }
    return "?";
}

int precedence(BinaryOp op) {
    switch (op) {
    case BinaryOp::logical_or:
        return 1;
    case BinaryOp::logical_and:
        return 2;
    case BinaryOp::eq:
    case BinaryOp::ne:
    case BinaryOp::lt:
    case BinaryOp::le:
    case BinaryOp::gt:
    case BinaryOp::ge:
        return 4;
    case BinaryOp::add:
    case BinaryOp::sub:
        return 5;
    case BinaryOp::mul:
    case BinaryOp::div:
        return 6;
    }
    return 0;
}

std::string DateRange::to_string() const {
    return from.to_string() + ".." + (to ? to->to_string() : std::string{});
}

std::string_view to_string(DeclKind kind) {
    switch (kind) {
    case DeclKind::enumeration:
        return "enumeration";
    case DeclKind::fact:
        return "fact";
    case DeclKind::parameter:
        return "parameter";
    case DeclKind::rule:
        return "rule";
    case DeclKind::exception:
        return "exception";
    case DeclKind::table:
        return "table";
    case DeclKind::refusal:
        return "refusal";
    case DeclKind::provision:
        return "provision";
    }
    return "?";
}

PackageId decl_package(Program const& p, DeclRef ref) {
    switch (ref.kind) {
    case DeclKind::enumeration:
        return p.enums[ref.index].package;
    case DeclKind::fact:
        return p.facts[ref.index].package;
    case DeclKind::parameter:
        return p.parameters[ref.index].package;
    case DeclKind::rule:
        return p.rules[ref.index].package;
    case DeclKind::exception:
        return p.exceptions[ref.index].package;
    case DeclKind::table:
        return p.tables[ref.index].package;
    case DeclKind::refusal:
        return p.refusals[ref.index].package;
    case DeclKind::provision:
        return p.provisions[ref.index].package;
    }
    return builtin_package;
}

Span decl_span(Program const& p, DeclRef ref) {
    switch (ref.kind) {
    case DeclKind::enumeration:
        return p.enums[ref.index].span;
    case DeclKind::fact:
        return p.facts[ref.index].span;
    case DeclKind::parameter:
        return p.parameters[ref.index].span;
    case DeclKind::rule:
        return p.rules[ref.index].span;
    case DeclKind::exception:
        return p.exceptions[ref.index].span;
    case DeclKind::table:
        return p.tables[ref.index].span;
    case DeclKind::refusal:
        return p.refusals[ref.index].span;
    case DeclKind::provision:
        return p.provisions[ref.index].span;
    }
    return {};
}

std::optional<std::uint32_t> Program::find_enum(std::string_view name) const {
    for (std::uint32_t i = 0; i < enums.size(); ++i)
        if (enums[i].name == name)
            return i;
    return std::nullopt;
}

} // namespace billijk::sema
