// billijk check [--rules DIR]: parse and check every rule file; print every diagnostic.
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
    if (auto err = args.parse({"rules"}, {})) {
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
    auto rules = load_rules(*root, sources);
    if (!rules) {
        std::cerr << render_all(rules.diagnostics(), sources);
        return exit_rule_error;
    }
    return exit_ok;
}

} // namespace billijk::cli
