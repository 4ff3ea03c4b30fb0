// The plugin loader against real shared libraries: the Barendrecht plugin and every
// deliberately broken test plugin of tests/plugins/, in the order of the loader's checks.
#include "io/fingerprint.hpp"
#include "plugin/loader.hpp"
#include "plugin_test_support.hpp"

#include <catch2/catch.hpp>

using namespace billijk;
using billijk::test::good_plugin;
using billijk::test::plugin_ids;
using billijk::test::plugin_messages;
using billijk::test::test_plugin;

namespace {

/// The one diagnostic of a refused load.
Diagnostic refusal(std::filesystem::path const& file) {
    auto loaded = plugin::load_plugin(file);
    REQUIRE_FALSE(loaded.ok());
    INFO(plugin_messages(loaded.diagnostics()));
    REQUIRE(loaded.diagnostics().items().size() == 1);
    return loaded.diagnostics().items().front();
}

} // namespace

TEST_CASE("the Barendrecht plugin loads with its in-kind cost table", "[plugin][loader]") {
    REQUIRE(std::filesystem::exists(good_plugin()));
    auto loaded = plugin::load_plugin(good_plugin());
    INFO(plugin_messages(loaded.diagnostics()));
    REQUIRE(loaded.ok());
    plugin::Plugin const& p = loaded.value();
    CHECK(p.municipality_code == "GM0489");
    CHECK(p.name == "Barendrecht");
    CHECK(p.version == "2015.1");
    CHECK(p.abi_major == 1);
    CHECK(p.abi_minor == 0);
    CHECK(p.file == good_plugin().string());
    CHECK(p.sha256 == io::sha256_hex(test::file_bytes(good_plugin())));
    REQUIRE(p.rule_sources.size() == 1); // plugins/barendrecht/rules/jeugd.rules, embedded
    CHECK(p.rule_sources[0].path == "barendrecht/jeugd.rules");
    CHECK(p.rule_sources[0].text.find("package barendrecht.jeugd") != std::string::npos);
    CHECK(p.functions.empty());

    auto const* table = p.table("in_kind_cost");
    REQUIRE(table != nullptr);
    CHECK(table->unit.to_string() == "eur/hour");
    CHECK(table->unit_spelling == "eur/hour");
    CHECK_FALSE(table->cites.empty());
    CHECK_FALSE(table->label_nl.empty());
    REQUIRE(table->rows.size() == 1);
    CHECK(table->rows[0].cites.find("27 / 0,60") != std::string::npos);

    auto const* row = table->row_on("begeleiding_individueel", *Date::parse("2016-03-01"));
    REQUIRE(row != nullptr);
    CHECK(row->amount.to_string() == "45.00");
    CHECK(table->row_on("begeleiding_individueel", *Date::parse("2015-01-01")) == row);
    CHECK(table->row_on("begeleiding_individueel", *Date::parse("2017-12-31")) == row);
    CHECK(table->row_on("begeleiding_individueel", *Date::parse("2014-12-31")) == nullptr);
    CHECK(table->row_on("begeleiding_individueel", *Date::parse("2018-01-01")) == nullptr);
    CHECK(table->row_on("begeleiding_groep", *Date::parse("2016-03-01")) == nullptr);
    CHECK(p.table("nothing") == nullptr);
}

TEST_CASE("loading the same plugin twice gives the same description", "[plugin][loader]") {
    auto a = plugin::load_plugin(good_plugin());
    auto b = plugin::load_plugin(good_plugin());
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a.value().sha256 == b.value().sha256);
    CHECK(a.value().tables.size() == b.value().tables.size());
}

TEST_CASE("a file that cannot be read is refused with P0001", "[plugin][loader]") {
    auto d = refusal(test::test_plugin_root() / "no-such-plugin.so");
    CHECK(d.id == "P0001");
    CHECK(d.message == "cannot read the plugin file: No such file or directory");
    CHECK_FALSE(d.span);
}

TEST_CASE("a file that is not a shared library is refused with P0007", "[plugin][loader]") {
    auto const file =
        std::filesystem::path(BILLIJK_SOURCE_DIR) / "tests/plugins/not_a_library/not_a_library.so";
    auto d = refusal(file);
    CHECK(d.id == "P0007");
    CHECK(d.message.rfind("cannot load the shared library: ", 0) == 0);
}

TEST_CASE("a library without the entry point is refused with P0002", "[plugin][loader]") {
    auto d = refusal(test_plugin("no_entry"));
    CHECK(d.id == "P0002");
    CHECK(d.message == "no entry point 'billijk_plugin_entry': not a Billijk plugin");
}

TEST_CASE("another ABI major is refused with P0003 naming both versions", "[plugin][loader]") {
    auto d = refusal(test_plugin("bad_abi"));
    CHECK(d.id == "P0003");
    CHECK(d.message ==
          "plugin ABI 99.0, this billijk supports ABI 1.0 (major must equal, minor at most 0)");
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0].message ==
          "rebuild the plugin with the billijk/plugin_abi.h of this billijk (ABI 1.0)");
}

TEST_CASE("a newer ABI minor is refused with P0003", "[plugin][loader]") {
    auto d = refusal(test_plugin("newer_minor"));
    CHECK(d.id == "P0003");
    CHECK(d.message ==
          "plugin ABI 1.7, this billijk supports ABI 1.0 (major must equal, minor at most 0)");
}

TEST_CASE("a failing init hook is refused with P0004 and the plugin's message",
          "[plugin][loader]") {
    auto d = refusal(test_plugin("init_fails"));
    CHECK(d.id == "P0004");
    CHECK(d.message == "plugin initialisation failed: tariff table missing for 2016");
}

TEST_CASE("a malformed tariff amount is refused with P0005", "[plugin][loader]") {
    auto d = refusal(test_plugin("bad_table"));
    CHECK(d.id == "P0005");
    CHECK(d.message == "table 'in_kind_cost' row 1 (begeleiding_individueel): amount \"45,00\" "
                       "is not a decimal (digits with '.' as the separator, e.g. \"45.00\")");
}

TEST_CASE("a function with an unknown unit in its signature is refused with P0005",
          "[plugin][loader]") {
    auto d = refusal(test_plugin("bad_signature"));
    CHECK(d.id == "P0005");
    CHECK(d.message == "function 'informal_rate': return type \"euro/hour\" is not a type "
                       "(expected text, date, bool or a unit such as eur/hour)");
}

TEST_CASE("a duplicate municipality code is no problem for the loader alone", "[plugin][loader]") {
    // Duplicates are the registry's concern (P0006): on its own the plugin is valid.
    auto loaded = plugin::load_plugin(test_plugin("duplicate_code"));
    REQUIRE(loaded.ok());
    CHECK(loaded.value().municipality_code == "GM0489");
}

TEST_CASE("a plugin written in C against the bare ABI loads", "[plugin][loader]") {
    auto loaded = plugin::load_plugin(test_plugin("c_functions"));
    INFO(plugin_messages(loaded.diagnostics()));
    REQUIRE(loaded.ok());
    plugin::Plugin const& p = loaded.value();
    CHECK(p.municipality_code == "GM9998");
    CHECK(p.name == "C-testgemeente");
    auto const* fares = p.table("zone_fare");
    REQUIRE(fares != nullptr);
    CHECK(fares->unit.to_string() == "eur/zone");
    CHECK(fares->label_en == "Fare per zone");
    REQUIRE(fares->rows.size() == 2);
    CHECK_FALSE(fares->rows[1].valid_to);
    CHECK(fares->rows[1].cites == "tariefbesluit 2024");
    CHECK(fares->row_on("ov_taxi", *Date::parse("2023-06-30"))->amount.to_string() == "1.20");
    CHECK(fares->row_on("ov_taxi", *Date::parse("2031-01-01"))->amount.to_string() == "1.25");
    REQUIRE(p.functions.size() == 2);
    CHECK(p.functions[0].name == "first_of_month");
    CHECK(p.functions[0].parameters.size() == 1);
    CHECK(p.functions[0].parameters[0].kind == plugin::ValueKind::date);
    CHECK(p.functions[0].result.kind == plugin::ValueKind::date);
    CHECK(p.functions[1].result.kind == plugin::ValueKind::boolean);
    CHECK(p.function("is_informal") == &p.functions[1]);
}

TEST_CASE("a plugin built with the C++ SDK brings its init, rule sources and functions",
          "[plugin][loader]") {
    auto loaded = plugin::load_plugin(test_plugin("sdk_functions"));
    INFO(plugin_messages(loaded.diagnostics()));
    REQUIRE(loaded.ok());
    plugin::Plugin const& p = loaded.value();
    CHECK(p.municipality_code == "GM9999");
    REQUIRE(p.rule_sources.size() == 1);
    CHECK(p.rule_sources[0].path == "testland/jeugd.rules");
    CHECK(p.rule_sources[0].text.rfind("# rules of Testland\npackage testland.jeugd", 0) == 0);
    CHECK(p.functions.size() == 11);
    auto const* echo = p.function("echo_rate");
    REQUIRE(echo != nullptr);
    CHECK(echo->parameters[0].unit.to_string() == "eur/hour");
    CHECK(echo->result.spelling == "eur/hour");
    auto const* table = p.table("hourly_cost");
    REQUIRE(table != nullptr);
    CHECK(table->row_on("begeleiding", *Date::parse("2020-12-31"))->amount.to_string() == "50.00");
    CHECK(table->row_on("begeleiding", *Date::parse("2021-01-01"))->amount.to_string() == "52.50");
    CHECK(table->row_on("dagbesteding", *Date::parse("2030-01-01"))->amount.to_string() == "40");
}
