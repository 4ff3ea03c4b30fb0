// Plugins feed the rules: a municipal package calls the tariff tables and native functions of
// the plugin with its municipality code (tests/plugins/sdk_functions, GM9999 "Testland").
#include "barendrecht_fixture.hpp"
#include "diag/render.hpp"
#include "io/fingerprint.hpp"
#include "plugin/registry.hpp"
#include "plugin_test_support.hpp"
#include "sema/ir.hpp"

#include <catch2/catch.hpp>

using namespace billijk;
using namespace billijk::test;

namespace {

plugin::Registry testland_plugins() {
    plugin::SearchPath path;
    path.origin = "--plugin-path";
    path.directories.push_back({test_plugin_dir("sdk_functions"), true});
    auto registry = plugin::Registry::load(path);
    REQUIRE(registry.refusals().empty());
    REQUIRE(registry.find("GM9999") != nullptr);
    return registry;
}

std::string testland(std::string const& body) {
    return "package testland.wmo \"Testland\"\n  layer municipal\n  law wmo\n"
           "  municipality GM9999\n\n" +
           body;
}

std::unique_ptr<Loaded> load_with(RulesDir const& dir, plugin::Registry const& plugins) {
    auto out = std::make_unique<Loaded>();
    out->result.emplace(load_rules(dir.root(), out->sources, plugins));
    return out;
}

char const* const testland_rules = R"RULES(
rule cost: eur/hour
  cites "art. 1" label "Kostprijs"
  = hourly_cost(request.provision)

provision begeleiding
  cites "art. 2" label "Begeleiding"
  quantity = 2 hours/week
  rate = echo_rate(cost)

provision dagbesteding
  cites "art. 3" label "Dagbesteding"
  quantity = 2 hours/week
  rate = always_fails(decision_date)
)RULES";

/// A case decided and starting on `date` (a one-day period: tariffs follow the period).
Case testland_case(std::string const& provision, char const* date) {
    Case c = make_case("GM9999", "wmo");
    c.decision_date = *Date::parse(date);
    c.period = {c.decision_date, c.decision_date};
    Request r;
    r.provision = provision;
    r.form = "pgb";
    r.provider = "professional";
    r.rate = qty("60.00", "eur/hour");
    c.requests.push_back(r);
    return c;
}

ProvisionResult indicate_one(Loaded const& loaded, Case const& c) {
    INFO(dump(loaded.diags()));
    REQUIRE(loaded.ok());
    auto ind = indicate(loaded.rules(), c, {});
    INFO((ind ? std::string() : dump(ind.diagnostics())));
    REQUIRE(ind.ok());
    REQUIRE(ind.value().provisions.size() == 1);
    return ind.value().provisions[0];
}

} // namespace

TEST_CASE("a plugin tariff table is picked by key and the period's first day", "[plugin][rules]") {
    auto plugins = testland_plugins();
    RulesDir dir;
    dir.write("testland/wmo.rules", testland(testland_rules));
    auto loaded = load_with(dir, plugins);

    auto p2020 = indicate_one(*loaded, testland_case("begeleiding", "2020-06-01"));
    REQUIRE(p2020.rate);
    CHECK(p2020.rate->amount.to_string() == "50.00");
    auto const* tariff = node(p2020.explanation, "hourly_cost");
    REQUIRE(tariff != nullptr);
    CHECK(tariff->kind == "tariff");
    CHECK(tariff->package == "Testland 0.1");
    CHECK(tariff->cites == "Testverordening art. 3");
    CHECK(tariff->label_nl == "Uurtarief");
    CHECK(tariff->value == "50.00 eur/hour");
    CHECK(tariff->formula == "hourly_cost(\"begeleiding\")");
    CHECK(tariff->note_nl == "versie geldig van 2020-01-01 t/m 2020-12-31");
    CHECK(tariff->note_en == "valid from 2020-01-01 to 2020-12-31");
    auto const* echo = node(p2020.explanation, "echo_rate");
    REQUIRE(echo != nullptr);
    CHECK(echo->kind == "function");
    CHECK(echo->value == "50.00 eur/hour");

    auto p2022 = indicate_one(*loaded, testland_case("begeleiding", "2022-03-01"));
    REQUIRE(p2022.rate);
    CHECK(p2022.rate->amount.to_string() == "52.50");
    auto const* later = node(p2022.explanation, "hourly_cost");
    REQUIRE(later != nullptr);
    CHECK(later->cites == "indexering 2021"); // the row's own citation
    CHECK(later->note_en == "valid from 2021-01-01 without end date");
}

TEST_CASE("no tariff row for the key or the date is undetermined, not an error",
          "[plugin][rules]") {
    auto plugins = testland_plugins();
    RulesDir dir;
    dir.write("testland/wmo.rules", testland(testland_rules));
    auto loaded = load_with(dir, plugins);

    auto before = indicate_one(*loaded, testland_case("begeleiding", "2019-01-01"));
    CHECK(before.status == Status::undetermined);
    CHECK(before.undetermined ==
          std::vector<std::string>{"no tariff hourly_cost for 'begeleiding' valid on 2019-01-01"});

    auto failing = indicate_one(*loaded, testland_case("dagbesteding", "2020-06-01"));
    CHECK(failing.status == Status::undetermined);
    CHECK(failing.undetermined == std::vector<std::string>{"native function 'always_fails' "
                                                           "failed: no tariff on 2020-06-01"});
}

TEST_CASE("plugin calls are typed and checked when the rules are loaded", "[plugin][rules]") {
    auto plugins = testland_plugins();
    auto check_one = [&](std::string const& body) {
        RulesDir dir;
        dir.write("testland/wmo.rules", testland(body));
        auto loaded = load_with(dir, plugins);
        INFO(dump(loaded->diags()));
        return ids(loaded->diags());
    };
    // The table's unit is eur/hour: using it as eur/week is a declared-type mismatch.
    CHECK(check_one("rule r: eur/week\n  cites \"a\" label \"b\"\n"
                    "  = hourly_cost(request.provision)\n") == std::vector<std::string>{"E0302"});
    // The key must be text; a native function's parameter must have its declared unit.
    CHECK(check_one("rule r: eur/hour\n  cites \"a\" label \"b\"\n  = hourly_cost(3 hours)\n") ==
          std::vector<std::string>{"E0305"});
    CHECK(check_one("rule r: eur/hour\n  cites \"a\" label \"b\"\n"
                    "  = echo_rate(2 hours/week)\n") == std::vector<std::string>{"E0305"});
    CHECK(check_one("rule r: eur/hour\n  cites \"a\" label \"b\"\n  = hourly_cost()\n") ==
          std::vector<std::string>{"E0208"});
    CHECK(check_one("rule r: eur/hour\n  cites \"a\" label \"b\"\n  = no_such_tariff(\"x\")\n") ==
          std::vector<std::string>{"E0207"});
    // A declaration with the name of a plugin table is a clash.
    CHECK(check_one("parameter hourly_cost: eur/hour\n  cites \"a\" label \"b\"\n"
                    "  = 1 eur/hour\n") == std::vector<std::string>{"E0221"});
}

TEST_CASE("without its plugin a municipal package loads, and its tariffs are undetermined",
          "[plugin][rules]") {
    RulesDir dir;
    dir.write("testland/wmo.rules", testland(testland_rules));
    auto loaded = dir.load();
    INFO(dump(loaded->diags()));
    REQUIRE(loaded->ok());
    CHECK(ids(loaded->rules().warnings()) == std::vector<std::string>{"W0207", "W0207", "W0207"});
    auto p = indicate_one(*loaded, testland_case("begeleiding", "2020-06-01"));
    CHECK(p.status == Status::undetermined);
    CHECK(p.undetermined ==
          std::vector<std::string>{
              "no plugin for municipality GM9999 is loaded: hourly_cost is unknown",
              "no plugin for municipality GM9999 is loaded: echo_rate is unknown"});
}

TEST_CASE("the fingerprint names the plugin and changes with its hash", "[plugin][fingerprint]") {
    auto plugins = testland_plugins();
    RulesDir dir;
    dir.write("testland/wmo.rules", testland(testland_rules));
    auto loaded = load_with(dir, plugins);
    REQUIRE(loaded->ok());
    auto ind = indicate(loaded->rules(), testland_case("begeleiding", "2020-06-01"), {});
    REQUIRE(ind.ok());
    auto const& result = ind.value();
    REQUIRE(result.plugins.size() == 1);
    CHECK(result.plugins[0].name == "Testland");
    CHECK(result.plugins[0].municipality == "GM9999");
    CHECK(result.plugins[0].version == "0.1");
    CHECK(result.plugins[0].abi == "1.0");
    CHECK(result.plugins[0].sha256 == plugins.find("GM9999")->sha256);

    std::string const canonical = R"({"case_id":"TEST-1"})";
    auto const fp = io::fingerprint(result, canonical);
    CHECK(io::fingerprint_text(result, canonical)
              .find("plugin_hash=64:" + result.plugins[0].sha256) != std::string::npos);
    Indication other = result;
    other.plugins[0].sha256.back() = other.plugins[0].sha256.back() == '0' ? '1' : '0';
    CHECK(io::fingerprint(other, canonical) != fp);
    other = result;
    other.plugins[0].version = "0.2";
    CHECK(io::fingerprint(other, canonical) != fp);
    other = result;
    other.plugins.clear();
    CHECK(io::fingerprint(other, canonical) != fp);
}

TEST_CASE("a plugin's rule sources load as files under the rules root, shown inside the plugin",
          "[plugin][rules]") {
    auto plugins = testland_plugins();
    RulesDir dir;
    dir.write("testland/wmo.rules", testland(testland_rules));
    auto loaded = load_with(dir, plugins);
    INFO(dump(loaded->diags()));
    REQUIRE(loaded->ok());
    sema::Package const* from_plugin = nullptr;
    for (auto const& p : loaded->rules().program().packages)
        if (p.name == "testland.jeugd")
            from_plugin = &p;
    REQUIRE(from_plugin != nullptr);
    // tests/plugins/sdk_functions/jeugd.rules, embedded at build time (billijk_add_plugin RULES)
    CHECK(from_plugin->path == plugins.find("GM9999")->file + "!testland/jeugd.rules");
    CHECK(from_plugin->plugin.has_value()); // it sees the plugin's tables too
}

namespace {

/// A plugin description made in the test (not loaded from a file) with one embedded package.
plugin::Plugin plugin_with_rules(std::string code, std::string path, std::string text) {
    plugin::Plugin p;
    p.file = "/plugins/made-in-test.so";
    p.sha256 = std::string(64, '0');
    p.municipality_code = std::move(code);
    p.name = "Importland";
    p.version = "1";
    p.rule_sources.push_back({std::move(path), std::move(text)});
    return p;
}

char const* const national_base = R"RULES(package national.base "Basis"
  layer national
  law wmo

parameter base_rate: eur/hour
  cites "art. 1" label "Basistarief"
  = 10.00 eur/hour
)RULES";

} // namespace

TEST_CASE("an embedded package imports and extends the root's layers", "[plugin][rules]") {
    RulesDir dir;
    dir.write("national/base.rules", national_base);
    plugin::Registry plugins;
    REQUIRE(plugins.add(plugin_with_rules("GM9996", "importland/wmo.rules", R"RULES(
package importland.wmo "Importland"
  layer municipal
  law wmo
  municipality GM9996
  extends national.base

import "../national/base.rules"

rule double_rate: eur/hour
  cites "art. 2" label "Dubbel tarief"
  = base_rate * 2
)RULES")));
    auto loaded = load_with(dir, plugins);
    INFO(dump(loaded->diags()));
    REQUIRE(loaded->ok());
    CHECK(loaded->rules().program().packages.size() == 2);
}

TEST_CASE("an embedded import is checked as if the file were under the root (E0212)",
          "[plugin][rules]") {
    RulesDir dir;
    dir.write("national/base.rules", national_base);
    plugin::Registry plugins;
    REQUIRE(plugins.add(plugin_with_rules("GM9996", "importland/wmo.rules",
                                          "package importland.wmo \"Importland\"\n"
                                          "  layer municipal\n  law wmo\n  municipality GM9996\n"
                                          "import \"national/base.rules\"\n")));
    auto loaded = load_with(dir, plugins);
    REQUIRE_FALSE(loaded->ok());
    CHECK(ids(loaded->diags()) == std::vector<std::string>{"E0212"});
    CHECK_THAT(render_all(loaded->diags(), loaded->sources),
               Catch::Contains("/plugins/made-in-test.so!importland/wmo.rules:5:1: error[E0212]"));
}

TEST_CASE("a plugin ships only its own municipality's municipal packages (E0223)",
          "[plugin][rules]") {
    RulesDir dir;
    dir.write("national/base.rules", national_base);
    SECTION("another municipality") {
        plugin::Registry plugins;
        REQUIRE(plugins.add(plugin_with_rules("GM9996", "other/wmo.rules",
                                              "package other.wmo \"Ander\"\n  layer municipal\n"
                                              "  law wmo\n  municipality GM0489\n")));
        auto loaded = load_with(dir, plugins);
        REQUIRE_FALSE(loaded->ok());
        CHECK(ids(loaded->diags()) == std::vector<std::string>{"E0223"});
        CHECK_THAT(dump(loaded->diags()),
                   Catch::Contains("plugin Importland (GM9996) supplies package 'other.wmo' of "
                                   "municipality GM0489"));
    }
    SECTION("a shared layer") {
        plugin::Registry plugins;
        REQUIRE(plugins.add(plugin_with_rules("GM9996", "regional/x.rules",
                                              "package regional.x \"Regio\"\n  layer regional\n")));
        auto loaded = load_with(dir, plugins);
        REQUIRE_FALSE(loaded->ok());
        CHECK(ids(loaded->diags()) == std::vector<std::string>{"E0223"});
        CHECK_THAT(dump(loaded->diags()), Catch::Contains("of layer regional"));
    }
}

TEST_CASE("a rules file supplied by the root and by a plugin is refused (E0222)",
          "[plugin][rules]") {
    auto plugins = testland_plugins();
    RulesDir dir;
    dir.write("testland/jeugd.rules", testland(testland_rules));
    auto loaded = load_with(dir, plugins);
    REQUIRE_FALSE(loaded->ok());
    CHECK(ids(loaded->diags()) == std::vector<std::string>{"E0222"});
    CHECK_THAT(dump(loaded->diags()), Catch::Contains("'testland/jeugd.rules' is supplied twice") &&
                                          Catch::Contains("plugin Testland (GM9999"));
}
