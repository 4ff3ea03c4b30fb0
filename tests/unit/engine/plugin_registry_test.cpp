// The plugin search path and the registry: priority order, duplicates, refusals collected.
#include "plugin/registry.hpp"
#include "plugin_test_support.hpp"

#include <catch2/catch.hpp>

using namespace billijk;
using billijk::test::good_plugin;
using billijk::test::plugin_ids;
using billijk::test::test_plugin_dir;
namespace fs = std::filesystem;

namespace {

plugin::SearchPath explicit_path(std::vector<fs::path> const& dirs) {
    plugin::SearchPath path;
    path.origin = "--plugin-path";
    for (auto const& dir : dirs) {
        path.directories.push_back({dir, true});
    }
    return path;
}

} // namespace

TEST_CASE("the search path comes from the flag, else the variable, else next to the binary",
          "[plugin][registry]") {
    fs::path const exe = "/opt/billijk/bin/billijk";

    auto from_flag = plugin::resolve_search_path(std::string("a:b"), "c", exe);
    CHECK(from_flag.origin == "--plugin-path");
    REQUIRE(from_flag.directories.size() == 2);
    CHECK(from_flag.directories[0].path == "a");
    CHECK(from_flag.directories[1].path == "b");
    CHECK(from_flag.directories[0].required);

    auto from_env = plugin::resolve_search_path(std::nullopt, "/x/plugins", exe);
    CHECK(from_env.origin == "BILLIJK_PLUGIN_PATH");
    REQUIRE(from_env.directories.size() == 1);
    CHECK(from_env.directories[0].path == "/x/plugins");

    for (char const* env : {static_cast<char const*>(nullptr), ""}) {
        auto fallback = plugin::resolve_search_path(std::nullopt, env, exe);
        CHECK(fallback.origin == "default");
        REQUIRE(fallback.directories.size() == 1);
        CHECK(fallback.directories[0].path == "/opt/billijk/plugins");
        CHECK_FALSE(fallback.directories[0].required);
    }
}

TEST_CASE("split_search_path skips empty elements", "[plugin][registry]") {
    CHECK(plugin::split_search_path("a::b:") == std::vector<fs::path>{"a", "b"});
    CHECK(plugin::split_search_path("").empty());
    CHECK(plugin::split_search_path("/one") == std::vector<fs::path>{"/one"});
}

TEST_CASE("the registry finds plugins by municipality code", "[plugin][registry]") {
    auto registry = plugin::Registry::load(
        explicit_path({test_plugin_dir("good"), test_plugin_dir("c_functions")}));
    CHECK(registry.refusals().empty());
    REQUIRE(registry.plugins().size() == 2);
    CHECK(registry.plugins()[0].municipality_code == "GM0489");
    CHECK(registry.plugins()[1].municipality_code == "GM9998");
    REQUIRE(registry.find("GM0489") != nullptr);
    CHECK(registry.find("GM0489")->file == good_plugin().string());
    CHECK(registry.find("GM9998")->name == "C-testgemeente");
    CHECK(registry.find("GM0000") == nullptr);
}

TEST_CASE("a second plugin for a municipality is refused with P0006 naming both files",
          "[plugin][registry]") {
    auto registry = plugin::Registry::load(
        explicit_path({test_plugin_dir("good"), test_plugin_dir("duplicate_code")}));
    REQUIRE(registry.plugins().size() == 1);
    CHECK(registry.find("GM0489")->name == "Barendrecht");
    REQUIRE(registry.refusals().size() == 1);
    auto const& refusal = registry.refusals().front();
    CHECK(refusal.file == (test_plugin_dir("duplicate_code") / "duplicate_code.so").string());
    CHECK(plugin_ids(refusal.diagnostics) == std::vector<std::string>{"P0006"});
    CHECK(refusal.diagnostics.items().front().message ==
          "municipality GM0489 is already supplied by " + good_plugin().string() +
              " (Barendrecht 2015.1)");

    // The search path is in priority order: the other way round, the duplicate wins.
    auto reversed = plugin::Registry::load(
        explicit_path({test_plugin_dir("duplicate_code"), test_plugin_dir("good")}));
    CHECK(reversed.find("GM0489")->name == "Barendrecht (duplicate)");
    REQUIRE(reversed.refusals().size() == 1);
    CHECK(reversed.refusals().front().file == good_plugin().string());
}

TEST_CASE("broken plugins are refused one by one and never stop the others", "[plugin][registry]") {
    std::vector<fs::path> dirs{test_plugin_dir("good")};
    for (char const* name : {"no_entry", "bad_abi", "newer_minor", "init_fails", "bad_table",
                             "bad_signature", "duplicate_code"}) {
        dirs.push_back(test_plugin_dir(name));
    }
    dirs.push_back(fs::path(BILLIJK_SOURCE_DIR) / "tests/plugins/not_a_library");
    dirs.push_back(test_plugin_dir("c_functions"));
    auto registry = plugin::Registry::load(explicit_path(dirs));
    REQUIRE(registry.plugins().size() == 2);
    CHECK(registry.find("GM0489") != nullptr);
    CHECK(registry.find("GM9998") != nullptr);
    std::vector<std::string> refused;
    for (auto const& r : registry.refusals()) {
        REQUIRE(r.diagnostics.items().size() == 1);
        refused.push_back(fs::path(r.file).filename().string() + " " +
                          r.diagnostics.items().front().id);
    }
    CHECK(refused == std::vector<std::string>{"no_entry.so P0002", "bad_abi.so P0003",
                                              "newer_minor.so P0003", "init_fails.so P0004",
                                              "bad_table.so P0005", "bad_signature.so P0005",
                                              "duplicate_code.so P0006", "not_a_library.so P0007"});
}

TEST_CASE("a named directory that cannot be read is P0001, a missing default is nothing",
          "[plugin][registry]") {
    fs::path const missing = test::test_plugin_root() / "no-such-directory";
    auto named = plugin::Registry::load(explicit_path({missing}));
    CHECK(named.plugins().empty());
    REQUIRE(named.refusals().size() == 1);
    CHECK(named.refusals()[0].file == missing.string());
    CHECK(named.refusals()[0].diagnostics.items()[0].id == "P0001");
    CHECK(named.refusals()[0].diagnostics.items()[0].message ==
          "cannot read the plugin directory: No such file or directory");

    plugin::SearchPath fallback;
    fallback.origin = "default";
    fallback.directories.push_back({missing, false});
    auto quiet = plugin::Registry::load(fallback);
    CHECK(quiet.plugins().empty());
    CHECK(quiet.refusals().empty());
}

TEST_CASE("a directory named twice is read once", "[plugin][registry]") {
    auto registry = plugin::Registry::load(explicit_path(
        {test_plugin_dir("good"), test_plugin_dir("good") / "." / "", test_plugin_dir("good")}));
    CHECK(registry.plugins().size() == 1);
    CHECK(registry.refusals().empty());
}

TEST_CASE("a refusal renders as file: error[ID]: message, with its notes", "[plugin][registry]") {
    plugin::Refusal refusal{"plugins/x.so", {}};
    refusal.diagnostics
        .error("P0003", std::nullopt, "plugin ABI 2.0, this billijk supports ABI 1.0")
        .notes.push_back({std::nullopt, "rebuild the plugin"});
    CHECK(plugin::render_refusal(refusal) ==
          "plugins/x.so: error[P0003]: plugin ABI 2.0, this billijk supports ABI 1.0\n"
          "note: rebuild the plugin\n");
}
