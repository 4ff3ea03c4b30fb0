// billijk::load_rules: collect every *.rules file under the root (sorted by relative path),
// parse them all, and when none has a syntax error, check imports and run the checker.
// With an overlay (a policy writer's draft directory, `billijk impact --draft`), a file of the
// overlay replaces the file at the same relative path of the root or of a plugin's embedded
// package, or adds one; without it the behaviour is that of the plain overload.
#include "billijk/engine.hpp"
#include "facade/imports.hpp"
#include "facade/plugin_packages.hpp"
#include "io/fingerprint.hpp"
#include "plugin/registry.hpp"
#include "sema/check.hpp"
#include "syntax/parse.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace billijk {

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> rule_files(fs::path const& root, Diagnostics& diags) {
    std::vector<fs::path> out;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code type_ec;
        if (it->is_regular_file(type_ec) && it->path().extension() == ".rules")
            out.push_back(it->path().lexically_relative(root));
    }
    if (ec)
        diags.error("E0201", std::nullopt,
                    "cannot read rules directory '" + root.generic_string() + "': " + ec.message());
    std::sort(out.begin(), out.end(), [](fs::path const& a, fs::path const& b) {
        return a.generic_string() < b.generic_string();
    });
    return out;
}

} // namespace

namespace {

Result<RuleSet> load(fs::path const& root, fs::path const* overlay, SourceSet& sources,
                     std::vector<plugin::Plugin> plugins) {
    Diagnostics diags;
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        return fail("E0201", std::nullopt,
                    "cannot read rules directory '" + root.generic_string() + "': not a directory");
    if (overlay && !fs::is_directory(*overlay, ec))
        return fail("E0201", std::nullopt,
                    "cannot read draft rules directory '" + overlay->generic_string() +
                        "': not a directory");
    auto paths = rule_files(root, diags);
    std::set<std::string> drafted; // relative paths the overlay supplies
    if (overlay) {
        for (auto& rel : rule_files(*overlay, diags)) {
            drafted.insert(rel.generic_string());
            if (std::find(paths.begin(), paths.end(), rel) == paths.end())
                paths.push_back(rel);
        }
        std::sort(paths.begin(), paths.end(), [](fs::path const& a, fs::path const& b) {
            return a.generic_string() < b.generic_string();
        });
    }
    if (paths.empty() && !diags.has_errors() &&
        std::none_of(plugins.begin(), plugins.end(),
                     [](plugin::Plugin const& p) { return !p.rule_sources.empty(); }))
        diags.error("E0202", std::nullopt,
                    "no *.rules files under '" + root.generic_string() + "'");
    std::vector<facade::LoadedFile> files;
    for (auto const& rel : paths) {
        // A drafted file is read, and shown in diagnostics, at its real path in the overlay.
        fs::path const& dir = drafted.count(rel.generic_string()) ? *overlay : root;
        auto shown = (dir / rel).lexically_normal().generic_string();
        auto text = read_text_file(dir / rel);
        if (!text) {
            diags.error("E0201", std::nullopt, "cannot read rules file '" + shown + "'");
            continue;
        }
        auto hash = "sha256:" + io::sha256_hex(*text);
        FileId id = sources.add(shown, std::move(*text));
        auto parsed = syntax::parse(sources, id);
        if (!parsed) {
            diags.append(parsed.diagnostics());
            continue;
        }
        files.push_back({id, rel, shown, std::move(hash), {}, std::move(parsed).value()});
    }
    // A plugin's embedded rule sources load as if they were files under the root at their own
    // path ("barendrecht/jeugd.rules"), so that `import "../national/jeugdwet.rules"` finds the
    // shared layers there; diagnostics show them as "<plugin file>!<path>".
    std::map<std::string, std::string> supplier; // relative path → who supplies it (for E0222)
    for (auto const& f : files)
        supplier.emplace(f.relative.generic_string(),
                         "the rules root '" + root.generic_string() + "'");
    for (auto const& plugin : plugins) {
        for (auto const& source : plugin.rule_sources) {
            fs::path const rel(source.path);
            auto const who = "plugin " + plugin.name + " (" + plugin.municipality_code + ", " +
                             plugin.file + ")";
            if (drafted.count(rel.generic_string())) {
                // The draft replaces this embedded file for this run; it must still be a package
                // the plugin may ship (E0223), and it is bound to the plugin like the original.
                for (auto& f : files)
                    if (f.relative == rel) {
                        facade::check_plugin_package(plugin, f.tree, diags);
                        f.plugin_file = plugin.file;
                    }
                continue;
            }
            if (auto [it, fresh] = supplier.emplace(rel.generic_string(), who); !fresh) {
                diags
                    .error("E0222", std::nullopt,
                           "rules file '" + source.path + "' is supplied twice: by " + it->second +
                               " and by " + who)
                    .notes.push_back({std::nullopt,
                                      "a municipality's package lives in its plugin only; remove "
                                      "one of the two"});
                continue;
            }
            auto shown = plugin.file + "!" + source.path;
            auto hash = "sha256:" + io::sha256_hex(source.text);
            FileId id = sources.add(shown, source.text);
            auto parsed = syntax::parse(sources, id);
            if (!parsed) {
                diags.append(parsed.diagnostics());
                continue;
            }
            facade::check_plugin_package(plugin, parsed.value(), diags);
            files.push_back(
                {id, rel, shown, std::move(hash), plugin.file, std::move(parsed).value()});
        }
    }
    if (diags.has_errors())
        return diags;

    facade::check_imports(root, files, diags);
    std::vector<sema::CheckInput> inputs;
    for (auto const& f : files)
        inputs.push_back({f.id, f.shown, f.hash, &f.tree});
    auto program = sema::check(inputs, sources, diags, std::move(plugins));
    if (diags.has_errors())
        return diags;
    return RuleSet(std::move(program), std::move(diags));
}

} // namespace

Result<RuleSet> load_rules(fs::path const& root, SourceSet& sources) {
    return load(root, nullptr, sources, {});
}

Result<RuleSet> load_rules(fs::path const& root, SourceSet& sources,
                           plugin::Registry const& plugins) {
    return load(root, nullptr, sources, plugins.plugins());
}

Result<RuleSet> load_rules_with_overlay(fs::path const& root, fs::path const& overlay,
                                        SourceSet& sources, plugin::Registry const& plugins) {
    return load(root, &overlay, sources, plugins.plugins());
}

} // namespace billijk
