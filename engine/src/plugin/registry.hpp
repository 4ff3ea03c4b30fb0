// The plugins of one run, by municipality code, and the plugins that were refused.
//
// The search path is a list of directories in priority order: `--plugin-path DIR[:DIR]`, else
// $BILLIJK_PLUGIN_PATH, else the `plugins` directory next to the executable's directory
// (`<exe dir>/../plugins`; for build/cli/billijk that is build/plugins, where
// billijk_add_plugin() puts every plugin). The engine reads no environment: the caller passes
// the flag, the variable's value and the executable's path to resolve_search_path().
//
// Every `*.so` file directly in each directory is loaded, the files of one directory in sorted
// path order. A plugin whose municipality code an earlier plugin already supplies is refused
// (P0006, naming both files); a directory named explicitly that cannot be read is refused
// (P0001); a missing default directory just contributes nothing. A refused plugin never stops
// the others from loading.
//
//   auto path = plugin::resolve_search_path(flag, std::getenv("BILLIJK_PLUGIN_PATH"), exe);
//   auto registry = plugin::Registry::load(path);
//   if (auto const* p = registry.find("GM0489")) ...;
//   for (auto const& r : registry.refusals()) std::cerr << plugin::render_refusal(r);
#pragma once

#include "billijk/diagnostic.hpp"
#include "plugin/plugin.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace billijk::plugin {

struct SearchDirectory {
    std::filesystem::path path;
    bool required = true; ///< false for the default directory: its absence is not an error
};

/// Directories in priority order, and where the list came from (for messages).
struct SearchPath {
    std::vector<SearchDirectory> directories;
    std::string origin; ///< "--plugin-path", "BILLIJK_PLUGIN_PATH" or "default"
};

/// Splits "a:b::c" into {a, b, c} (empty elements are skipped).
std::vector<std::filesystem::path> split_search_path(std::string_view text);

/// The search path from the flag (if given), else the environment variable's value (if set and
/// not empty), else `<executable's directory>/../plugins`.
SearchPath resolve_search_path(std::optional<std::string> const& flag, char const* env_value,
                               std::filesystem::path const& executable);

/// A plugin file (or search-path directory) that was not loaded, and why.
struct Refusal {
    std::string file;
    Diagnostics diagnostics; ///< P00xx errors without spans
};

/// "file: error[P0003]: message\n" for each diagnostic (and its notes), as the CLI prints it.
std::string render_refusal(Refusal const& refusal);

class Registry {
  public:
    /// Loads every plugin on the search path; never fails as a whole.
    static Registry load(SearchPath const& search_path);

    /// Accepted plugins in load order.
    std::vector<Plugin> const& plugins() const { return plugins_; }
    std::vector<Refusal> const& refusals() const { return refusals_; }
    /// The plugin supplying this CBS municipality code, or nullptr.
    Plugin const* find(std::string_view municipality_code) const;

    /// Adds one loaded plugin, or refuses it with P0006 when its code is taken. Returns whether
    /// it was accepted. (Registry::load uses it; tests may too.)
    bool add(Plugin plugin);

  private:
    std::vector<Plugin> plugins_;
    std::map<std::string, std::size_t, std::less<>> by_code_;
    std::vector<Refusal> refusals_;
};

} // namespace billijk::plugin
