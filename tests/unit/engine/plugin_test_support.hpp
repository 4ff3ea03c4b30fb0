// Helpers for the plugin host tests: where the test plugins are, and diagnostic ids.
//
// The test plugins (tests/plugins/) are built into build/tests/plugins/<name>/<name>.so, next to
// this test executable (build/tests/billijk_engine_tests); the good Barendrecht plugin's private
// copy is build/tests/plugins/good/barendrecht.so.
//
//   auto loaded = plugin::load_plugin(test::test_plugin("bad_abi"));
#pragma once

#include "billijk/diagnostic.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace billijk::test {

inline std::filesystem::path test_plugin_root() {
    auto root = std::filesystem::read_symlink("/proc/self/exe").parent_path() / "plugins";
    if (!std::filesystem::is_directory(root / "good")) {
        FAIL("the test plugins are not built in " << root.string()
                                                  << ": tests/CMakeLists.txt needs "
                                                     "add_subdirectory(plugins) after "
                                                     "billijk_unit_tests(engine ...)");
    }
    return root;
}
inline std::filesystem::path test_plugin_dir(std::string const& name) {
    return test_plugin_root() / name;
}
inline std::filesystem::path test_plugin(std::string const& name) {
    return test_plugin_dir(name) / (name + ".so");
}
inline std::filesystem::path good_plugin() {
    return test_plugin_dir("good") / "barendrecht.so";
}

inline std::vector<std::string> plugin_ids(Diagnostics const& diags) {
    std::vector<std::string> out;
    for (auto const& d : diags.items()) {
        out.push_back(d.id);
    }
    return out;
}

inline std::string plugin_messages(Diagnostics const& diags) {
    std::string out;
    for (auto const& d : diags.items()) {
        out += d.id + " " + d.message + "\n";
    }
    return out;
}

inline std::string file_bytes(std::filesystem::path const& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace billijk::test
