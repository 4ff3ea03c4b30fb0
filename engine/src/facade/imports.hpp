// Import checks for load_rules: `import "x.rules"` resolves relative to the importing file and
// must name a loaded *.rules file inside the rules root (E0211 escapes the root, E0212 missing).
//
//   std::vector<facade::LoadedFile> files = ...;   // every parsed file, relative paths
//   facade::check_imports(root, files, diags);
#pragma once

#include "billijk/diagnostic.hpp"
#include "syntax/tree.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace billijk::facade {

struct LoadedFile {
    FileId id = 0;
    std::filesystem::path relative; ///< path below the rules root, e.g. "barendrecht/jeugd.rules"
    std::string shown;              ///< path as shown in diagnostics
    std::string hash;               ///< "sha256:..." of the text
    std::string plugin_file;        ///< the plugin that embeds it; empty for a file of the root
    syntax::File tree;
};

void check_imports(std::filesystem::path const& root, std::vector<LoadedFile> const& files,
                   Diagnostics& diags);

} // namespace billijk::facade
