// What `billijk indicate --store` captures besides the output: the rule set's texts and the
// loaded plugin files, read back from disk and checked against what the engine used (every rule
// package hash in the indication must be one of the texts, every plugin file must still have
// the hash it was loaded with), so that a file changed during the run is refused (S0108).
//
//   auto files = store::capture_rule_files(root, indication, registry);
//   auto plugins = store::capture_plugins(registry, indication);
#pragma once

#include "billijk/indication.hpp"
#include "plugin/registry.hpp"
#include "store/records.hpp"

#include <filesystem>
#include <vector>

namespace billijk::store {

/// Every *.rules file under `root` (recursively, sorted by relative path, as load_rules reads
/// them). S0108 when a package hash of `indication` is neither one of these texts nor a rule
/// source of an accepted plugin.
Result<std::vector<RuleFile>> capture_rule_files(std::filesystem::path const& root,
                                                 Indication const& indication,
                                                 plugin::Registry const& registry);

/// Every accepted plugin of `registry` with its file bytes; those named in the indication are
/// marked bound. S0108 when a file cannot be read or its bytes no longer have the loaded hash.
Result<std::vector<PluginFile>> capture_plugins(plugin::Registry const& registry,
                                                Indication const& indication);

} // namespace billijk::store
