// billijk::load_rules: collect every *.rules file under the root (sorted by relative path),
// parse them all, and when none has a syntax error, check imports and run the checker.
#include "billijk/engine.hpp"
#include "facade/imports.hpp"
#include "io/fingerprint.hpp"
#include "plugin/registry.hpp"
#include "sema/check.hpp"
#include "syntax/parse.hpp"

#include <algorithm>

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

Result<RuleSet> load(fs::path const& root, SourceSet& sources,
                     std::vector<plugin::Plugin> plugins) {
    Diagnostics diags;
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        return fail("E0201", std::nullopt,
                    "cannot read rules directory '" + root.generic_string() + "': not a directory");
    auto paths = rule_files(root, diags);
    if (paths.empty() && !diags.has_errors() &&
        std::none_of(plugins.begin(), plugins.end(),
                     [](plugin::Plugin const& p) { return !p.rule_sources.empty(); }))
        diags.error("E0202", std::nullopt,
                    "no *.rules files under '" + root.generic_string() + "'");
    std::vector<facade::LoadedFile> files;
    for (auto const& rel : paths) {
        auto shown = (root / rel).lexically_normal().generic_string();
        auto text = read_text_file(root / rel);
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
        files.push_back({id, rel, shown, std::move(hash), std::move(parsed).value()});
    }
    // A plugin's embedded rule sources load as if they were files under the root at
    // plugins/<municipality code>/<path>, and are shown so in diagnostics.
    for (auto const& plugin : plugins) {
        for (auto const& source : plugin.rule_sources) {
            fs::path const rel = fs::path("plugins") / plugin.municipality_code / source.path;
            auto shown = (root / rel).lexically_normal().generic_string();
            auto hash = "sha256:" + io::sha256_hex(source.text);
            FileId id = sources.add(shown, source.text);
            auto parsed = syntax::parse(sources, id);
            if (!parsed) {
                diags.append(parsed.diagnostics());
                continue;
            }
            files.push_back({id, rel, shown, std::move(hash), std::move(parsed).value()});
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
    return load(root, sources, {});
}

Result<RuleSet> load_rules(fs::path const& root, SourceSet& sources,
                           plugin::Registry const& plugins) {
    return load(root, sources, plugins.plugins());
}

} // namespace billijk
