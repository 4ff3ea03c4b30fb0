#include "rules_location.hpp"

#include <cstdlib>
#include <iostream>
#include <system_error>

namespace billijk::cli {

namespace fs = std::filesystem;

std::optional<fs::path> find_rules_root(std::optional<std::string> const& flag) {
    if (flag)
        return fs::path(*flag);
    if (char const* env = std::getenv("BILLIJK_RULES"); env && *env)
        return fs::path(env);
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        return std::nullopt;
    fs::path dir = exe.parent_path();
    for (int up = 0; up < 4 && !dir.empty(); ++up, dir = dir.parent_path()) {
        if (fs::is_directory(dir / "rules", ec))
            return dir / "rules";
        if (dir == dir.parent_path())
            break;
    }
    return std::nullopt;
}

plugin::SearchPath plugin_search_path(std::optional<std::string> const& flag) {
    std::error_code ec;
    fs::path const exe = fs::read_symlink("/proc/self/exe", ec);
    return plugin::resolve_search_path(flag, std::getenv("BILLIJK_PLUGIN_PATH"),
                                       ec ? fs::path() : exe);
}

plugin::Registry load_plugins_warning(std::optional<std::string> const& flag,
                                      std::string const& command) {
    auto registry = plugin::Registry::load(plugin_search_path(flag));
    for (auto const& refusal : registry.refusals())
        std::cerr << command << ": warning: plugin refused: " << plugin::render_refusal(refusal);
    return registry;
}

} // namespace billijk::cli
