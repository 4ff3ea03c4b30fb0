#include "store/capture.hpp"

#include "io/fingerprint.hpp"

#include <algorithm>
#include <set>

namespace billijk::store {

namespace fs = std::filesystem;

Result<std::vector<RuleFile>> capture_rule_files(fs::path const& root, Indication const& indication,
                                                 plugin::Registry const& registry) {
    std::vector<RuleFile> out;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code type_ec;
        if (!it->is_regular_file(type_ec) || it->path().extension() != ".rules")
            continue;
        auto text = read_text_file(it->path());
        if (!text)
            return fail("S0108", std::nullopt,
                        it->path().string() + ": cannot read the rules file to store it");
        out.push_back({it->path().lexically_relative(root).generic_string(), std::move(*text)});
    }
    if (ec)
        return fail("S0108", std::nullopt,
                    root.string() +
                        ": cannot read the rules directory to store it: " + ec.message());
    std::sort(out.begin(), out.end(),
              [](RuleFile const& a, RuleFile const& b) { return a.path < b.path; });

    std::set<std::string> known;
    for (auto const& f : out)
        known.insert("sha256:" + io::sha256_hex(f.text));
    for (auto const& p : registry.plugins())
        for (auto const& source : p.rule_sources)
            known.insert("sha256:" + io::sha256_hex(source.text));
    for (auto const& package : indication.rules)
        if (known.count(package.hash) == 0)
            return fail("S0108", std::nullopt,
                        "rule package '" + package.package +
                            "' changed on disk while indicating; nothing was stored, try again");
    return out;
}

Result<std::vector<PluginFile>> capture_plugins(plugin::Registry const& registry,
                                                Indication const& indication) {
    std::vector<PluginFile> out;
    for (auto const& p : registry.plugins()) {
        auto bytes = read_text_file(p.file);
        if (!bytes)
            return fail("S0108", std::nullopt, p.file + ": cannot read the plugin to store it");
        if (io::sha256_hex(*bytes) != p.sha256)
            return fail("S0108", std::nullopt,
                        p.file + ": the plugin file changed since it was loaded; nothing was "
                                 "stored, try again");
        PluginFile f;
        f.file_name = fs::path(p.file).filename().string();
        f.sha256 = p.sha256;
        f.name = p.name;
        f.municipality = p.municipality_code;
        f.version = p.version;
        f.abi = std::to_string(p.abi_major) + "." + std::to_string(p.abi_minor);
        f.bytes = std::move(*bytes);
        f.bound = std::any_of(indication.plugins.begin(), indication.plugins.end(),
                              [&](PluginRef const& ref) { return ref.sha256 == p.sha256; });
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace billijk::store
