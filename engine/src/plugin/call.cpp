// Calling a plugin's native function: arguments checked against the declaration, the result
// read back from the host's buffer and checked against the declared return type.
#include "plugin/host.hpp"
#include "plugin/plugin.hpp"

#include "core/utf8.hpp"

#include <cstring>
#include <exception>

namespace billijk::plugin {

namespace {

std::uint32_t tag_of(ValueKind kind) {
    switch (kind) {
    case ValueKind::decimal:
        return BILLIJK_TYPE_DECIMAL;
    case ValueKind::date:
        return BILLIJK_TYPE_DATE;
    case ValueKind::text:
        return BILLIJK_TYPE_TEXT;
    case ValueKind::boolean:
        return BILLIJK_TYPE_BOOL;
    }
    return BILLIJK_TYPE_DECIMAL;
}

std::string tag_name(std::uint32_t tag) {
    switch (tag) {
    case BILLIJK_TYPE_DECIMAL:
        return "decimal";
    case BILLIJK_TYPE_DATE:
        return "date";
    case BILLIJK_TYPE_TEXT:
        return "text";
    case BILLIJK_TYPE_BOOL:
        return "bool";
    default:
        return "type tag " + std::to_string(tag);
    }
}

std::string in_quotes(std::string_view name) {
    return "'" + std::string(name) + "'";
}

} // namespace

Result<Value> call(NativeFunction const& function, std::span<Value const> args) {
    std::string const who = "native function " + in_quotes(function.name);
    if (args.size() != function.parameters.size()) {
        return fail("P0009", std::nullopt,
                    who + " takes " + std::to_string(function.parameters.size()) +
                        " argument(s), got " + std::to_string(args.size()));
    }
    // Texts first (the billijk_value structs point into them), then the structs, then the
    // pointer array the plugin receives.
    std::vector<std::string> texts(args.size());
    std::vector<billijk_value> values(args.size());
    std::vector<billijk_value const*> pointers(args.size());
    for (std::size_t i = 0; i < args.size(); ++i) {
        ValueType const& declared = function.parameters[i];
        ValueKind const kind = kind_of(args[i]);
        if (kind != declared.kind) {
            return fail("P0009", std::nullopt,
                        who + " argument " + std::to_string(i + 1) + " must be " +
                            declared.spelling + ", got a " + std::string(to_string(kind)));
        }
        billijk_value& v = values[i];
        v.struct_size = sizeof(billijk_value);
        v.type = tag_of(kind);
        v.boolean = 0;
        v.text = nullptr;
        if (auto const* d = std::get_if<Decimal>(&args[i])) {
            if (!d->is_finite_decimal()) {
                return fail("P0009", std::nullopt,
                            who + " argument " + std::to_string(i + 1) + " (" + d->to_string() +
                                ") has no finite decimal expansion; round it first");
            }
            texts[i] = d->to_string();
        } else if (auto const* date = std::get_if<Date>(&args[i])) {
            texts[i] = date->to_string();
        } else if (auto const* text = std::get_if<std::string>(&args[i])) {
            texts[i] = *text;
        } else {
            v.boolean = std::get<bool>(args[i]) ? 1 : 0;
        }
        if (kind != ValueKind::boolean) {
            v.text = texts[i].c_str();
        }
        pointers[i] = &v;
    }

    std::string buffer(BILLIJK_RESULT_TEXT_CAPACITY, '\0');
    billijk_result result{};
    result.struct_size = sizeof(billijk_result);
    result.type = 0;
    result.boolean = 0;
    result.text = buffer.data();
    result.text_capacity = buffer.size();

    billijk_host_context ctx;
    int status = BILLIJK_FAILED;
    try {
        status = function.fn(host_api(), &ctx, pointers.data(), pointers.size(), &result);
    } catch (...) {
        // A C++ plugin let an exception escape its C function: refuse the result, do not crash.
        return fail("P0009", std::nullopt, who + " failed: it threw a C++ exception");
    }
    if (status != BILLIJK_OK) {
        return fail("P0009", std::nullopt,
                    who + " failed: " + error_message(ctx, "(the plugin gave no message)"));
    }

    std::uint32_t const expected = tag_of(function.result.kind);
    if (result.type != expected) {
        return fail("P0010", std::nullopt,
                    who + " returned a " + tag_name(result.type) + ", its declaration says " +
                        function.result.spelling);
    }
    if (function.result.kind == ValueKind::boolean) {
        if (result.boolean != 0 && result.boolean != 1) {
            return fail("P0010", std::nullopt,
                        who + " returned bool " + std::to_string(result.boolean) +
                            " (expected 0 or 1)");
        }
        return Value{result.boolean == 1};
    }
    // The plugin wrote into our buffer; it must have left a terminating NUL inside it.
    if (std::memchr(buffer.data(), '\0', buffer.size()) == nullptr) {
        return fail("P0010", std::nullopt,
                    who + " wrote a result without a terminating NUL within " +
                        std::to_string(buffer.size()) + " bytes");
    }
    std::string const text(buffer.c_str());
    if (auto why = not_utf8(text, plugin_utf8_advice))
        return fail("P0010", std::nullopt, who + " returned a result that " + *why);
    switch (function.result.kind) {
    case ValueKind::decimal:
        if (auto d = Decimal::parse(text)) {
            return Value{*d};
        }
        return fail("P0010", std::nullopt,
                    who + " returned \"" + text +
                        "\", which is not a decimal (expected e.g. \"45.00\")");
    case ValueKind::date:
        if (auto d = Date::parse(text)) {
            return Value{*d};
        }
        return fail("P0010", std::nullopt,
                    who + " returned \"" + text + "\", which is not a date (expected YYYY-MM-DD)");
    case ValueKind::text:
    case ValueKind::boolean:
        break;
    }
    return Value{text};
}

} // namespace billijk::plugin
