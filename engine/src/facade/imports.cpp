// Import checks (facade/imports.hpp).
#include "facade/imports.hpp"

#include <set>

namespace billijk::facade {

namespace fs = std::filesystem;

void check_imports(fs::path const& root, std::vector<LoadedFile> const& files, Diagnostics& diags) {
    std::set<std::string> loaded;
    for (auto const& f : files)
        loaded.insert(f.relative.generic_string());
    for (auto const& f : files) {
        for (auto const& import : f.tree.imports) {
            fs::path written(import.path);
            fs::path target = (f.relative.parent_path() / written).lexically_normal();
            bool escapes =
                written.is_absolute() || target.empty() || *target.begin() == fs::path("..");
            if (escapes) {
                diags
                    .error("E0211", import.span,
                           "import '" + import.path + "' escapes the rules root '" +
                               root.generic_string() + "'")
                    .notes.push_back({std::nullopt, "imports are relative to the importing file "
                                                    "and must stay inside the rules root"});
                continue;
            }
            if (!loaded.count(target.generic_string())) {
                auto shown = (root / target).lexically_normal().generic_string();
                std::error_code ec;
                bool exists = fs::exists(root / target, ec);
                auto& d = diags.error("E0212", import.span,
                                      exists ? "imported file '" + shown + "' is not a *.rules file"
                                             : "imported file '" + shown + "' does not exist");
                if (!f.plugin_file.empty())
                    d.notes.push_back(
                        {std::nullopt, "the package embedded in " + f.plugin_file +
                                           " needs the shared layers of the rules root it was "
                                           "written for; pass that root with --rules, or load no "
                                           "plugins with --plugin-path ''"});
            }
        }
    }
}

} // namespace billijk::facade
