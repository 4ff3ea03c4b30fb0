// A loaded, validated municipality plugin, as C++ values: what the rest of the engine sees of a
// plugin. The C structs of billijk/plugin_abi.h never leave engine/src/plugin/.
//
// A `Plugin` is produced by plugin::load_plugin (loader.hpp) and owned by a plugin::Registry
// (registry.hpp). Everything in it has been checked: the municipality code is a CBS code, every
// amount is a Decimal, every date a Date, every unit a Unit, every function signature made of
// known types. Native functions are called through plugin::call (below), which checks the
// arguments against the declaration and the result the plugin writes.
//
//   auto const* table = plugin.table("in_kind_cost");
//   auto const* row = table->row_on("begeleiding_individueel", *Date::parse("2016-03-01"));
//   row->amount.to_string();                         // "45.00" (unit: table->unit, eur/hour)
//
//   auto const* fn = plugin.function("first_of_month");
//   auto value = plugin::call(*fn, {plugin::Value{*Date::parse("2016-03-17")}});
#pragma once

#include "billijk/date.hpp"
#include "billijk/decimal.hpp"
#include "billijk/plugin_abi.h"
#include "billijk/result.hpp"
#include "billijk/unit.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace billijk::plugin {

/// The host's ABI version (the numbers in plugin_abi.h).
inline constexpr unsigned host_abi_major = BILLIJK_PLUGIN_ABI_MAJOR;
inline constexpr unsigned host_abi_minor = BILLIJK_PLUGIN_ABI_MINOR;

/// The kind of a value crossing the boundary; a `decimal` carries a unit in its ValueType.
enum class ValueKind { decimal, date, text, boolean };

/// A declared parameter or return type of a native function: "text", "date", "bool", or a unit
/// expression such as "eur/hour" (kind decimal, with that unit).
struct ValueType {
    ValueKind kind = ValueKind::decimal;
    Unit unit;            ///< meaningful for decimal only
    std::string spelling; ///< as the plugin declared it: "eur/hour"
    friend bool operator==(ValueType const& a, ValueType const& b) {
        return a.kind == b.kind && (a.kind != ValueKind::decimal || a.unit == b.unit);
    }
};

/// Parses a declared type: "text", "date", "bool", or unit words joined by '*' and '/'
/// ("eur/hour", "hours/week", "count", "percent"). Unknown words give nullopt.
std::optional<ValueType> parse_value_type(std::string_view text);

/// A value passed to or returned by a native function. Construct explicitly (Value{Decimal},
/// Value{std::string{"x"}}): a bare string literal would pick `bool`.
using Value = std::variant<Decimal, Date, std::string, bool>;
ValueKind kind_of(Value const& value);
std::string_view to_string(ValueKind kind); ///< "decimal", "date", "text", "bool"

struct RuleSource {
    std::string path; ///< relative, '/'-separated, "barendrecht/jeugd.rules"
    std::string text;
};

struct TariffRow {
    std::string key;
    Date valid_from;
    std::optional<Date> valid_to; ///< inclusive; nullopt: open-ended
    Decimal amount;
    std::string cites; ///< empty: the table's citation applies
};

struct TariffTable {
    std::string name;
    Unit unit;
    std::string unit_spelling;   ///< as declared: "eur/hour"
    std::vector<TariffRow> rows; ///< in the plugin's order; rows of one key never overlap
    std::string cites;
    std::string label_nl;
    std::string label_en; ///< may be empty
    /// The row for `key` whose validity contains `on`, or nullptr.
    TariffRow const* row_on(std::string_view key, Date on) const;
};

struct NativeFunction {
    std::string name;
    std::vector<ValueType> parameters;
    ValueType result;
    std::string cites;
    std::string label_nl;
    std::string label_en;
    billijk_native_fn fn = nullptr; ///< inside the plugin; valid for the life of the process
};

struct Plugin {
    std::string file;              ///< the path it was loaded from, as found on the search path
    std::string sha256;            ///< SHA-256 of the file's bytes, 64 lowercase hex digits
    std::string municipality_code; ///< "GM0489"
    std::string name;              ///< "Barendrecht"
    std::string version;           ///< the plugin's own version, "2015.1"
    unsigned abi_major = 0;        ///< the ABI the plugin was built against
    unsigned abi_minor = 0;
    std::vector<RuleSource> rule_sources;
    std::vector<TariffTable> tables;
    std::vector<NativeFunction> functions;

    TariffTable const* table(std::string_view table_name) const;
    NativeFunction const* function(std::string_view function_name) const;
};

/// Calls a native function. The arguments must match the declared parameter types (kind; the
/// unit of a decimal is the declaration's and is not carried by Value), and decimals must have a
/// finite decimal expansion. Errors (ids in docs/diagnostics/plugins.md): P0009 the call does
/// not match the declaration or the plugin reported a failure (its message is quoted); P0010
/// the plugin wrote a result of the wrong type or one that does not parse.
Result<Value> call(NativeFunction const& function, std::span<Value const> args);

} // namespace billijk::plugin
