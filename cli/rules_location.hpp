// Where the rule files are: --rules DIR, else $BILLIJK_RULES, else a `rules/` directory next to
// the executable or up to three levels above it (so build/cli/billijk finds the repo's rules).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace billijk::cli {

std::optional<std::filesystem::path> find_rules_root(std::optional<std::string> const& flag);

/// Reads a whole file; nullopt when it cannot be read.
std::optional<std::string> read_file(std::filesystem::path const& path);

} // namespace billijk::cli
