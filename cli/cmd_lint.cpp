// billijk lint [--rules DIR] [--plugin-path P] [--format text|json]: load and check the rule set
// as `billijk check` does (a checker error is exit 4), then print the lint findings
// (docs/diagnostics/lint.md) on stdout. Exit 1 when there are findings, 0 when there are none.
#include "args.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "rules_location.hpp"

#include "billijk/engine.hpp"
#include "diag/render.hpp"
#include "lint/lint.hpp"

#include <iostream>

namespace billijk::cli {

int cmd_lint(int argc, char** argv) {
    Args args(argv, argv + argc);
    if (auto err = args.parse({"rules", "plugin-path", "format"}, {})) {
        std::cerr << "billijk lint: " << *err << "\n";
        return exit_usage;
    }
    if (!args.positional().empty()) {
        std::cerr << "billijk lint: unexpected argument '" << args.positional().front() << "'\n";
        return exit_usage;
    }
    auto const format = args.option("format").value_or("text");
    if (format != "text" && format != "json") {
        std::cerr << "billijk lint: --format must be text or json, not '" << format << "'\n";
        return exit_usage;
    }
    auto root = find_rules_root(args.option("rules"));
    if (!root) {
        std::cerr << "billijk lint: no rules directory found; pass --rules DIR\n";
        return exit_usage;
    }
    SourceSet sources;
    auto const plugins = load_plugins_warning(args.option("plugin-path"), "billijk lint");
    auto rules = load_rules(*root, sources, plugins);
    if (!rules) {
        std::cerr << render_all(rules.diagnostics(), sources);
        return exit_rule_error;
    }
    if (!rules.value().warnings().items().empty())
        std::cerr << render_all(rules.value().warnings(), sources);
    auto const findings = lint::run(rules.value().program());
    std::cout << (format == "json" ? lint::render_json(findings, sources)
                                   : lint::render_text(findings, sources));
    return findings.empty() ? exit_ok : exit_findings;
}

} // namespace billijk::cli
