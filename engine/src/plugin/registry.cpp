// The plugin search path and registry; see plugin/registry.hpp.
#include "plugin/registry.hpp"

#include "diag/render.hpp"
#include "plugin/loader.hpp"

#include <algorithm>
#include <system_error>

namespace billijk::plugin {

namespace fs = std::filesystem;

std::vector<fs::path> split_search_path(std::string_view text) {
    std::vector<fs::path> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(':', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        if (end > start) {
            out.emplace_back(std::string(text.substr(start, end - start)));
        }
        start = end + 1;
    }
    return out;
}

SearchPath resolve_search_path(std::optional<std::string> const& flag, char const* env_value,
                               fs::path const& executable) {
    SearchPath path;
    if (flag) {
        path.origin = "--plugin-path";
        for (auto& dir : split_search_path(*flag)) {
            path.directories.push_back({std::move(dir), true});
        }
        return path;
    }
    if (env_value != nullptr && *env_value != '\0') {
        path.origin = "BILLIJK_PLUGIN_PATH";
        for (auto& dir : split_search_path(env_value)) {
            path.directories.push_back({std::move(dir), true});
        }
        return path;
    }
    path.origin = "default";
    if (!executable.empty()) {
        path.directories.push_back({executable.parent_path().parent_path() / "plugins", false});
    }
    return path;
}

std::string render_refusal(Refusal const& refusal) {
    SourceSet const no_sources;
    std::string out;
    for (auto const& d : refusal.diagnostics.items()) {
        out += refusal.file;
        out += ": ";
        out += render(d, no_sources);
    }
    return out;
}

Plugin const* Registry::find(std::string_view municipality_code) const {
    auto it = by_code_.find(municipality_code);
    return it == by_code_.end() ? nullptr : &plugins_[it->second];
}

bool Registry::add(Plugin plugin) {
    if (auto const* taken = find(plugin.municipality_code)) {
        Refusal refusal{plugin.file, {}};
        refusal.diagnostics
            .error("P0006", std::nullopt,
                   "municipality " + plugin.municipality_code + " is already supplied by " +
                       taken->file + " (" + taken->name + " " + taken->version + ")")
            .notes.push_back(
                {std::nullopt,
                 "a municipality has one plugin; the search path is in priority order"});
        refusals_.push_back(std::move(refusal));
        return false;
    }
    by_code_.emplace(plugin.municipality_code, plugins_.size());
    plugins_.push_back(std::move(plugin));
    return true;
}

Registry Registry::load(SearchPath const& search_path) {
    Registry registry;
    std::vector<fs::path> seen; // a directory named twice is read once
    for (auto const& dir : search_path.directories) {
        std::error_code ec;
        fs::path const canonical = fs::weakly_canonical(dir.path, ec);
        fs::path const identity = ec ? dir.path : canonical;
        if (std::find(seen.begin(), seen.end(), identity) != seen.end()) {
            continue;
        }
        seen.push_back(identity);

        std::vector<fs::path> files;
        fs::directory_iterator it(dir.path, ec);
        if (ec) {
            if (dir.required) {
                registry.refusals_.push_back(
                    {dir.path.string(), fail("P0001", std::nullopt,
                                             "cannot read the plugin directory: " + ec.message())});
            }
            continue;
        }
        for (; it != fs::directory_iterator(); it.increment(ec)) {
            std::error_code type_ec;
            if (it->path().extension() == ".so" && it->is_regular_file(type_ec)) {
                files.push_back(it->path());
            }
        }
        if (ec) {
            registry.refusals_.push_back(
                {dir.path.string(),
                 fail("P0001", std::nullopt, "cannot read the plugin directory: " + ec.message())});
        }
        std::sort(files.begin(), files.end());
        for (auto const& file : files) {
            auto loaded = load_plugin(file);
            if (!loaded) {
                registry.refusals_.push_back({file.string(), loaded.diagnostics()});
                continue;
            }
            registry.add(std::move(loaded).value());
        }
    }
    return registry;
}

} // namespace billijk::plugin
