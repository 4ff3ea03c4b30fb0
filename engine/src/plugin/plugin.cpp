// Value types, lookups and the host API of the plugin host; see plugin/plugin.hpp and
// plugin/host.hpp.
#include "plugin/plugin.hpp"
#include "plugin/host.hpp"

#include "core/utf8.hpp"

#include <algorithm>

namespace billijk::plugin {

namespace {

void set_error(billijk_host_context* ctx, char const* message) {
    if (ctx == nullptr) {
        return;
    }
    ctx->error = message != nullptr ? message : "";
    ctx->has_error = true;
}

constexpr billijk_host_api the_host_api = {
    sizeof(billijk_host_api),
    BILLIJK_PLUGIN_ABI_MAJOR,
    BILLIJK_PLUGIN_ABI_MINOR,
    &set_error,
};

} // namespace

billijk_host_api const* host_api() {
    return &the_host_api;
}

std::string error_message(billijk_host_context const& ctx, std::string fallback) {
    if (ctx.has_error && !ctx.error.empty()) {
        if (auto why = not_utf8(ctx.error, plugin_utf8_advice))
            return "(the plugin's message " + *why + ")";
        return ctx.error;
    }
    return fallback;
}

std::optional<ValueType> parse_value_type(std::string_view text) {
    ValueType type;
    type.spelling = std::string(text);
    if (text == "text") {
        type.kind = ValueKind::text;
    } else if (text == "date") {
        type.kind = ValueKind::date;
    } else if (text == "bool") {
        type.kind = ValueKind::boolean;
    } else if (auto unit = Unit::parse(text)) {
        type.kind = ValueKind::decimal;
        type.unit = *unit;
    } else {
        return std::nullopt;
    }
    return type;
}

ValueKind kind_of(Value const& value) {
    switch (value.index()) {
    case 0:
        return ValueKind::decimal;
    case 1:
        return ValueKind::date;
    case 2:
        return ValueKind::text;
    default:
        return ValueKind::boolean;
    }
}

std::string_view to_string(ValueKind kind) {
    switch (kind) {
    case ValueKind::decimal:
        return "decimal";
    case ValueKind::date:
        return "date";
    case ValueKind::text:
        return "text";
    case ValueKind::boolean:
        return "bool";
    }
    return "decimal";
}

TariffRow const* TariffTable::row_on(std::string_view key, Date on) const {
    auto it = std::find_if(rows.begin(), rows.end(), [&](TariffRow const& row) {
        return row.key == key && row.valid_from <= on && (!row.valid_to || on <= *row.valid_to);
    });
    return it == rows.end() ? nullptr : &*it;
}

TariffTable const* Plugin::table(std::string_view table_name) const {
    auto it = std::find_if(tables.begin(), tables.end(),
                           [&](TariffTable const& t) { return t.name == table_name; });
    return it == tables.end() ? nullptr : &*it;
}

NativeFunction const* Plugin::function(std::string_view function_name) const {
    auto it = std::find_if(functions.begin(), functions.end(),
                           [&](NativeFunction const& f) { return f.name == function_name; });
    return it == functions.end() ? nullptr : &*it;
}

} // namespace billijk::plugin
