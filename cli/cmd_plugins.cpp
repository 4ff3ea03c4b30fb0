// billijk plugins [--plugin-path DIR[:DIR]]: load every plugin on the search path and list them.
//
// stdout: the search path, then one row per accepted plugin (name, CBS code, the plugin's
// version, the ABI it was built against, the SHA-256 of its file — what every indication's
// fingerprint will name —, the rule files of the municipality's package it embeds, and the
// file), then "refused: N" when any was refused. stderr: each
// refusal as `file: error[P0003]: message`, with its notes. Exit 0 when every plugin loaded,
// 5 (plugin error) when any was refused.
#include "args.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "rules_location.hpp"

#include "plugin/registry.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>
#include <vector>

namespace billijk::cli {

namespace {

/// Display width of UTF-8 text: one column per code point (names like "Súdwest-Fryslân").
std::size_t width(std::string const& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    }));
}

void print_table(std::vector<std::array<std::string, 7>> const& rows) {
    std::array<std::size_t, 7> widths{};
    for (auto const& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            widths[i] = std::max(widths[i], width(row[i]));
        }
    }
    for (auto const& row : rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) {
                line.append(widths[i] - width(row[i]) + 2, ' ');
            }
        }
        std::cout << line << "\n";
    }
}

std::string joined(plugin::SearchPath const& path) {
    std::string out;
    for (auto const& dir : path.directories) {
        if (!out.empty()) {
            out += ':';
        }
        out += dir.path.string();
    }
    return out;
}

} // namespace

int cmd_plugins(int argc, char** argv) {
    Args args(argv, argv + argc);
    if (auto err = args.parse({"plugin-path"}, {})) {
        std::cerr << "billijk plugins: " << *err << "\n";
        return exit_usage;
    }
    if (!args.positional().empty()) {
        std::cerr << "billijk plugins: unexpected argument '" << args.positional().front() << "'\n";
        return exit_usage;
    }
    auto const search_path = plugin_search_path(args.option("plugin-path"));
    auto const registry = plugin::Registry::load(search_path);

    std::cout << "plugin search path (" << search_path.origin << "): " << joined(search_path)
              << "\n";
    if (registry.plugins().empty()) {
        std::cout << "no plugins loaded\n";
    } else {
        std::vector<std::array<std::string, 7>> rows;
        // The file goes last: a path of any length then never shifts the other columns.
        rows.push_back({"name", "code", "version", "abi", "sha256", "rules", "file"});
        for (auto const& p : registry.plugins()) {
            std::string rules;
            for (auto const& source : p.rule_sources)
                rules += (rules.empty() ? "" : ",") + source.path;
            rows.push_back({p.name, p.municipality_code, p.version,
                            std::to_string(p.abi_major) + "." + std::to_string(p.abi_minor),
                            p.sha256, rules.empty() ? "-" : rules, p.file});
        }
        print_table(rows);
    }
    if (registry.refusals().empty()) {
        return exit_ok;
    }
    std::cout << "refused: " << registry.refusals().size() << " (reasons on stderr)\n";
    std::cout.flush();
    for (auto const& refusal : registry.refusals()) {
        std::cerr << plugin::render_refusal(refusal);
    }
    return exit_plugin_error;
}

} // namespace billijk::cli
