// Where the rule files are: --rules DIR, else $BILLIJK_RULES, else a `rules/` directory next to
// the executable or up to three levels above it (so build/cli/billijk finds the repo's rules).
// Where the plugins are: --plugin-path DIR[:DIR], else $BILLIJK_PLUGIN_PATH, else
// <exe dir>/../plugins (plugin/registry.hpp resolves it; this only supplies the flag, the
// variable and the executable). `billijk plugins`, `indicate` and `check` all use it.
#pragma once

#include "plugin/registry.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace billijk::cli {

std::optional<std::filesystem::path> find_rules_root(std::optional<std::string> const& flag);

/// The plugin search path from the --plugin-path flag, the environment and the executable.
plugin::SearchPath plugin_search_path(std::optional<std::string> const& flag);

/// Loads the plugins on the search path and prints each refused one on stderr as a warning
/// ("billijk indicate: warning: plugin refused: file: error[P0003]: ..."): a refused plugin
/// never stops the cases of other municipalities.
plugin::Registry load_plugins_warning(std::optional<std::string> const& flag,
                                      std::string const& command);

} // namespace billijk::cli
