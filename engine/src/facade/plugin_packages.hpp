// A plugin ships its own municipality's packages and nothing else (E0223): a municipal package
// whose `municipality` is the plugin's CBS code. Shared layers (national, regional) live in the
// rules root, so that every plugin that extends them reads the same text.
//
//   facade::check_plugin_package(plugin, parsed_file, diags);
#pragma once

#include "billijk/diagnostic.hpp"
#include "plugin/plugin.hpp"
#include "syntax/tree.hpp"

namespace billijk::facade {

void check_plugin_package(plugin::Plugin const& plugin, syntax::File const& file,
                          Diagnostics& diags);

} // namespace billijk::facade
