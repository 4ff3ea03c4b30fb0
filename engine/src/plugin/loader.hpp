// Loading one plugin file: dlopen, version checks, init, validation → a plugin::Plugin or the
// diagnostics that explain its refusal.
//
// The checks run in this order and stop at the first that fails (ids in
// docs/diagnostics/plugins.md, full description in docs/plugin-abi.md):
//   P0001 the file cannot be read            P0007 dlopen fails (not a loadable library)
//   P0002 no `billijk_plugin_entry` symbol   P0008 the entry gives no description, or one whose
//   P0003 ABI major differs, or the plugin's       struct_size is impossible
//         minor is newer than the host's     P0004 the plugin's init hook fails (its message)
//   P0005 the description's content is malformed: every problem is reported, one each
// The SHA-256 of the file bytes is taken before dlopen. A library is opened with
// RTLD_NOW | RTLD_LOCAL, looked up with dlsym on its own handle, and never unloaded (also
// when it is refused: its code may still be referenced by static destructors).
//
//   auto loaded = plugin::load_plugin("build/plugins/barendrecht.so");
//   if (!loaded) for (auto const& d : loaded.diagnostics().items()) ...;   // no spans
//   loaded.value().municipality_code;                                     // "GM0489"
#pragma once

#include "billijk/result.hpp"
#include "plugin/plugin.hpp"

#include <filesystem>

namespace billijk::plugin {

/// Loads, checks and validates one plugin file. Diagnostics carry no span and no file name:
/// the caller names the file (a Refusal, registry.hpp).
Result<Plugin> load_plugin(std::filesystem::path const& file);

/// The content checks of P0005 on a description the version checks accepted; exposed so that
/// tests can validate a description built in memory. `file` and `sha256` are copied into the
/// result.
Result<Plugin> validate_description(billijk_plugin_info const& info, std::string file,
                                    std::string sha256);

} // namespace billijk::plugin
