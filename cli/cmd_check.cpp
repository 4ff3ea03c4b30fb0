// billijk check [--rules DIR] [--plugin-path DIR[:DIR]]: parse and check every rule file; print
// every diagnostic.
#include "args.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "rules_location.hpp"

#include "billijk/engine.hpp"
#include "diag/render.hpp"

#include <iostream>

namespace billijk::cli {

int cmd_check(int argc, char** argv) {
    Args args(argv, argv + argc);
    if (auto err = args.parse({"rules", "plugin-path"}, {})) {
        std::cerr << "billijk check: " << *err << "\n";
        return exit_usage;
    }
    if (!args.positional().empty()) {
        std::cerr << "billijk check: unexpected argument '" << args.positional().front() << "'\n";
        return exit_usage;
    }
    auto root = find_rules_root(args.option("rules"));
    if (!root) {
        std::cerr << "billijk check: no rules directory found; pass --rules DIR\n";
        return exit_usage;
    }
    SourceSet sources;
    auto const plugins = load_plugins_warning(args.option("plugin-path"), "billijk check");
    auto rules = load_rules(*root, sources, plugins);
    if (!rules) {
        std::cerr << render_all(rules.diagnostics(), sources);
        return exit_rule_error;
    }
    if (!rules.value().warnings().items().empty())
        std::cerr << render_all(rules.value().warnings(), sources);
    return exit_ok;
}

} // namespace billijk::cli
