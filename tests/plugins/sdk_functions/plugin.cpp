// Test plugin: a good plugin for the fictional municipality GM9999, written with the C++ SDK,
// with an init hook that succeeds, a rule source, and native functions that succeed and that
// fail in each way the host must survive. The unit tests call every one of them.
#include "billijk_embedded_rules.hpp" // jeugd.rules, embedded by CMake (RULES)
#include "billijk_plugin.hpp"

#include <stdexcept>
#include <string>

namespace sdk = billijk::sdk;

namespace {

int label(sdk::Call& call) {
    return call.return_text("zone: " + std::string(call.text(0)));
}
int echo_rate(sdk::Call& call) {
    return call.return_decimal(call.text(0));
}
int negate(sdk::Call& call) {
    return call.return_bool(!call.boolean(0));
}
int always_fails(sdk::Call& call) {
    return call.fail("no tariff on " + std::string(call.text(0)));
}
int fails_silently(sdk::Call&) {
    return BILLIJK_FAILED;
}
int wrong_type(sdk::Call& call) {
    return call.return_text("abc"); // declared eur
}
int decimal_comma(sdk::Call& call) {
    return call.return_decimal("12,50");
}
int throws(sdk::Call&) {
    throw std::runtime_error("boom");
}
int too_long(sdk::Call& call) {
    return call.return_text(std::string(300, 'x'));
}
// Compiled from Windows-1252 sources, a plugin hands over single bytes for é (0xE9).
int latin1_text(sdk::Call& call) {
    return call.return_text("caf\xE9");
}
int latin1_failure(sdk::Call& call) {
    return call.fail("geen tarief voor caf\xE9");
}

int initialise(sdk::Init& init) {
    return init.ok();
}

constexpr char const* one_text[] = {"text"};
constexpr char const* one_rate[] = {"eur/hour"};
constexpr char const* one_bool[] = {"bool"};
constexpr char const* one_date[] = {"date"};

constexpr billijk_native_function functions[] = {
    sdk::function("label", one_text, "text", sdk::native<label>, "test", "Label"),
    sdk::function("echo_rate", one_rate, "eur/hour", sdk::native<echo_rate>, "test", "Echo"),
    sdk::function("negate", one_bool, "bool", sdk::native<negate>, "test", "Niet"),
    sdk::function("always_fails", one_date, "eur/hour", sdk::native<always_fails>, "test", "Faalt"),
    sdk::function("fails_silently", one_text, "text", sdk::native<fails_silently>, "test", "Stil"),
    sdk::function("wrong_type", one_text, "eur", sdk::native<wrong_type>, "test", "Fout type"),
    sdk::function("decimal_comma", one_text, "eur", sdk::native<decimal_comma>, "test", "Komma"),
    sdk::function("throws", one_text, "text", sdk::native<throws>, "test", "Gooit"),
    sdk::function("too_long", one_text, "text", sdk::native<too_long>, "test", "Te lang"),
    sdk::function("latin1_text", one_text, "text", sdk::native<latin1_text>, "test", "Latin-1"),
    sdk::function("latin1_failure", one_text, "text", sdk::native<latin1_failure>, "test",
                  "Latin-1 fout"),
};

constexpr billijk_tariff_row hourly_rows[] = {
    sdk::row("begeleiding", "2020-01-01", "2020-12-31", "50.00"),
    sdk::row("begeleiding", "2021-01-01", nullptr, "52.50", "indexering 2021"),
    sdk::row("dagbesteding", "2020-01-01", nullptr, "40"),
};
constexpr billijk_tariff_table tables[] = {
    sdk::table("hourly_cost", "eur/hour", hourly_rows, "Testverordening art. 3", "Uurtarief",
               "Hourly rate"),
};

} // namespace

BILLIJK_PLUGIN(sdk::plugin("GM9999", "Testland", "0.1")
                   .with_tables(tables)
                   .with_functions(functions)
                   .with_rule_sources(billijk_embedded::rule_sources)
                   .with_init(sdk::init<initialise>))
