// Calling native functions through the host: arguments checked against the declaration, the
// plugin's failures and malformed results turned into P0009 / P0010, never into a crash.
#include "plugin/host.hpp"
#include "plugin/loader.hpp"
#include "plugin_test_support.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace billijk;
using billijk::test::plugin_messages;
using billijk::test::test_plugin;

namespace {

plugin::Plugin const& sdk_plugin() {
    static auto const loaded = plugin::load_plugin(test_plugin("sdk_functions"));
    REQUIRE(loaded.ok());
    return loaded.value();
}

plugin::Plugin const& c_plugin() {
    static auto const loaded = plugin::load_plugin(test_plugin("c_functions"));
    REQUIRE(loaded.ok());
    return loaded.value();
}

Result<plugin::Value> call(plugin::Plugin const& p, std::string const& name,
                           std::vector<plugin::Value> const& args) {
    auto const* fn = p.function(name);
    REQUIRE(fn != nullptr);
    return plugin::call(*fn, args);
}

/// The message of the one diagnostic of a failed call, with its id checked.
std::string failure(Result<plugin::Value> const& result, std::string const& id) {
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.diagnostics().items().size() == 1);
    CHECK(result.diagnostics().items().front().id == id);
    return result.diagnostics().items().front().message;
}

} // namespace

TEST_CASE("the host API offers the ABI version and set_error only", "[plugin][call]") {
    billijk_host_api const* host = plugin::host_api();
    CHECK(host->struct_size == sizeof(billijk_host_api));
    CHECK(host->abi_major == BILLIJK_PLUGIN_ABI_MAJOR);
    CHECK(host->abi_minor == BILLIJK_PLUGIN_ABI_MINOR);
    billijk_host_context ctx;
    host->set_error(&ctx, "first");
    host->set_error(&ctx, "second");
    CHECK(ctx.has_error);
    CHECK(plugin::error_message(ctx, "none") == "second");
    host->set_error(nullptr, "ignored"); // must not crash
    billijk_host_context empty;
    CHECK(plugin::error_message(empty, "none") == "none");
}

TEST_CASE("a C plugin's functions compute dates and booleans", "[plugin][call]") {
    auto r = call(c_plugin(), "first_of_month", {plugin::Value{*Date::parse("2016-03-17")}});
    INFO(plugin_messages(r.diagnostics()));
    REQUIRE(r.ok());
    CHECK(std::get<Date>(r.value()) == *Date::parse("2016-03-01"));

    auto yes = call(c_plugin(), "is_informal", {plugin::Value{std::string("informal")}});
    REQUIRE(yes.ok());
    CHECK(std::get<bool>(yes.value()));
    auto no = call(c_plugin(), "is_informal", {plugin::Value{std::string("professional")}});
    REQUIRE(no.ok());
    CHECK_FALSE(std::get<bool>(no.value()));
}

TEST_CASE("SDK functions take and return text, decimals and booleans", "[plugin][call]") {
    auto text = call(sdk_plugin(), "label", {plugin::Value{std::string("3")}});
    REQUIRE(text.ok());
    CHECK(std::get<std::string>(text.value()) == "zone: 3");

    auto rate = call(sdk_plugin(), "echo_rate", {plugin::Value{*Decimal::parse("27.50")}});
    REQUIRE(rate.ok());
    CHECK(std::get<Decimal>(rate.value()) == *Decimal::parse("27.5"));
    CHECK(std::get<Decimal>(rate.value()).to_string() == "27.50");

    auto negated = call(sdk_plugin(), "negate", {plugin::Value{true}});
    REQUIRE(negated.ok());
    CHECK(std::get<bool>(negated.value()) == false);
}

TEST_CASE("a call that does not match the declaration is refused before the plugin runs",
          "[plugin][call]") {
    CHECK(failure(call(sdk_plugin(), "label", {}), "P0009") ==
          "native function 'label' takes 1 argument(s), got 0");
    CHECK(failure(call(sdk_plugin(), "label", {plugin::Value{true}}), "P0009") ==
          "native function 'label' argument 1 must be text, got a bool");
    auto third = div(Decimal::from_int(1), Decimal::from_int(3));
    REQUIRE(third.value);
    CHECK(failure(call(sdk_plugin(), "echo_rate", {plugin::Value{*third.value}}), "P0009")
              .find("has no finite decimal expansion") != std::string::npos);
}

TEST_CASE("a plugin's own failure is P0009 with its message", "[plugin][call]") {
    CHECK(failure(call(sdk_plugin(), "always_fails", {plugin::Value{*Date::parse("2030-01-01")}}),
                  "P0009") == "native function 'always_fails' failed: no tariff on 2030-01-01");
    CHECK(
        failure(call(sdk_plugin(), "fails_silently", {plugin::Value{std::string("x")}}), "P0009") ==
        "native function 'fails_silently' failed: (the plugin gave no message)");
    // The SDK turns an escaping exception into a failure with a message.
    CHECK(failure(call(sdk_plugin(), "throws", {plugin::Value{std::string("x")}}), "P0009") ==
          "native function 'throws' failed: internal error: boom");
    CHECK(failure(call(sdk_plugin(), "too_long", {plugin::Value{std::string("x")}}), "P0009") ==
          "native function 'too_long' failed: result of 300 bytes does not fit in 256");
    // A message that is not UTF-8 is not passed on into the reasons.
    CHECK(
        failure(call(sdk_plugin(), "latin1_failure", {plugin::Value{std::string("x")}}), "P0009") ==
        "native function 'latin1_failure' failed: (the plugin's message is not UTF-8 text (byte "
        "0xE9 at position 21); the plugin must hand over UTF-8 (compile its sources as UTF-8))");
}

TEST_CASE("a malformed result is P0010", "[plugin][call]") {
    CHECK(failure(call(sdk_plugin(), "wrong_type", {plugin::Value{std::string("x")}}), "P0010") ==
          "native function 'wrong_type' returned a text, its declaration says eur");
    CHECK(failure(call(sdk_plugin(), "decimal_comma", {plugin::Value{std::string("x")}}),
                  "P0010") == "native function 'decimal_comma' returned \"12,50\", which is not "
                              "a decimal (expected e.g. \"45.00\")");
    CHECK(failure(call(sdk_plugin(), "latin1_text", {plugin::Value{std::string("x")}}), "P0010") ==
          "native function 'latin1_text' returned a result that is not UTF-8 text (byte 0xE9 at "
          "position 4); the plugin must hand over UTF-8 (compile its sources as UTF-8)");
}

TEST_CASE("declared types parse like the rule language's", "[plugin][call]") {
    CHECK(plugin::parse_value_type("text")->kind == plugin::ValueKind::text);
    CHECK(plugin::parse_value_type("date")->kind == plugin::ValueKind::date);
    CHECK(plugin::parse_value_type("bool")->kind == plugin::ValueKind::boolean);
    auto rate = plugin::parse_value_type("eur/hour");
    REQUIRE(rate);
    CHECK(rate->kind == plugin::ValueKind::decimal);
    CHECK(rate->unit.to_string() == "eur/hour");
    CHECK(plugin::parse_value_type("hours/week")->unit.to_string() == "hours/week");
    CHECK(plugin::parse_value_type("percent")->unit.is_percent());
    CHECK(plugin::parse_value_type("count")->unit.is_dimensionless());
    CHECK_FALSE(plugin::parse_value_type("euro/hour"));
    CHECK_FALSE(plugin::parse_value_type("eur/"));
    CHECK_FALSE(plugin::parse_value_type(""));
    CHECK_FALSE(plugin::parse_value_type("Text"));
    CHECK_FALSE(Unit::parse("date"));
}
