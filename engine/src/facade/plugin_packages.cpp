// Which packages a plugin may ship (facade/plugin_packages.hpp).
#include "facade/plugin_packages.hpp"

#include <optional>
#include <string>

namespace billijk::facade {

namespace {

std::optional<std::string> header_text(syntax::File const& file, syntax::HeaderItem::Kind kind) {
    for (auto const& item : file.header)
        if (item.kind == kind)
            return item.text;
    return std::nullopt;
}

} // namespace

void check_plugin_package(plugin::Plugin const& plugin, syntax::File const& file,
                          Diagnostics& diags) {
    using Kind = syntax::HeaderItem::Kind;
    auto const layer = header_text(file, Kind::layer);
    auto const municipality = header_text(file, Kind::municipality);
    if (layer == "municipal" && municipality == plugin.municipality_code)
        return;
    std::string const what = layer != "municipal"
                                 ? "layer " + layer.value_or("(none)")
                                 : "municipality " + municipality.value_or("(none)");
    diags
        .error("E0223", file.package.span,
               "plugin " + plugin.name + " (" + plugin.municipality_code + ") supplies package '" +
                   file.package.text + "' of " + what)
        .notes.push_back({std::nullopt, "a plugin ships only municipal packages of its own "
                                        "municipality; shared layers belong in the rules root"});
}

} // namespace billijk::facade
