// Runs the checker phases in order (see checker.hpp).
#include "sema/checker.hpp"

namespace billijk::sema {

std::string Checker::text(Span span) const {
    return collapsed_text(sources, span);
}

std::string const& package_name(Checker const& c, PackageId id) {
    static std::string const builtin = "<built-in>";
    if (id == builtin_package || id >= c.program.packages.size())
        return builtin;
    return c.program.packages[id].name;
}

namespace {
void add_builtin_enums(Program& p) {
    p.enums.push_back(
        {"provider_kind", {"informal", "professional", "zzp", "institution"}, builtin_package, {}});
    p.enums.push_back({"pgb_form", {"pgb", "in_kind"}, builtin_package, {}});
}
} // namespace

std::shared_ptr<Program> check(std::vector<CheckInput> const& files, SourceSet const& sources,
                               Diagnostics& diags, std::vector<plugin::Plugin> plugins) {
    auto program = std::make_shared<Program>();
    program->plugins = std::move(plugins);
    add_builtin_enums(*program);
    Checker c{sources, diags, *program, files, {}, {}, {}, {}, {}, {}, {}, {}};
    declare_packages(c);
    declare_items(c);
    build_views(c);
    bind_plugins(c);
    resolve_types(c);
    check_bodies(c);
    check_tables(c);
    check_dating(c);
    check_exceptions(c);
    check_cycles(c);
    check_meta(c);
    resolve_symbols(*program);
    return program;
}

} // namespace billijk::sema
