// billijk golden run [--rules DIR] [--plugin-path P] [--update] [--coverage] [--format text|json]
// [CASES...] — the policy writer's check: do the golden cases still give what they expect, and
// what changed, value by value and node by node of the explanation (docs/golden-cases.md).
#include "args.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "rules_location.hpp"

#include "billijk/engine.hpp"
#include "diag/render.hpp"
#include "golden/case_dirs.hpp"
#include "golden/compare.hpp"
#include "golden/coverage.hpp"
#include "golden/report.hpp"
#include "golden/run_case.hpp"

#include <filesystem>
#include <iostream>

namespace billijk::cli {

static_assert(golden::indicate_exit_bad_input == exit_bad_input);
static_assert(golden::indicate_exit_eval_error == exit_eval_error);

namespace {

constexpr char const* golden_usage =
    "usage: billijk golden run [--rules DIR] [--plugin-path P] [--update] [--coverage]\n"
    "                          [--format text|json] [CASES...]\n";

void print_errors(Diagnostics const& diags) {
    for (auto const& d : diags.items())
        std::cerr << "billijk golden: error: " << d.message << "\n";
}

} // namespace

int cmd_golden(int argc, char** argv) {
    if (argc < 1 || std::string_view(argv[0]) != "run") {
        std::cerr << golden_usage;
        return exit_usage;
    }
    Args args(argv + 1, argv + argc);
    if (auto err = args.parse({"rules", "plugin-path", "format"}, {"update", "coverage"})) {
        std::cerr << "billijk golden run: " << *err << "\n" << golden_usage;
        return exit_usage;
    }
    std::string const format = args.option("format").value_or("text");
    if (format != "text" && format != "json") {
        std::cerr << "billijk golden run: --format must be text or json, not '" << format << "'\n";
        return exit_usage;
    }
    std::vector<std::filesystem::path> arguments(args.positional().begin(),
                                                 args.positional().end());
    if (arguments.empty()) {
        std::error_code ec;
        if (!std::filesystem::is_directory("tests/golden", ec)) {
            std::cerr << "billijk golden run: no cases given and no tests/golden in the current "
                         "directory; name case directories, e.g. billijk golden run "
                         "tests/golden/barendrecht\n";
            return exit_usage;
        }
        arguments.emplace_back("tests/golden");
    }
    auto cases = golden::discover_cases(arguments);
    if (!cases) {
        print_errors(cases.diagnostics());
        return exit_usage;
    }

    auto root = find_rules_root(args.option("rules"));
    if (!root) {
        std::cerr << "billijk golden run: no rules directory found; pass --rules DIR\n";
        return exit_usage;
    }
    auto const plugins = load_plugins_warning(args.option("plugin-path"), "billijk golden run");
    SourceSet sources;
    auto rules = load_rules(*root, sources, plugins);
    if (!rules) {
        std::cerr << render_all(rules.diagnostics(), sources);
        return exit_rule_error;
    }

    bool const update = args.has("update");
    bool const json = format == "json";
    std::vector<golden::CaseVerdict> verdicts;
    golden::CoverageHits hits;
    bool errors = false;
    for (auto const& c : cases.value()) {
        auto out = golden::run_case(rules.value(), sources, c);
        if (!out) {
            print_errors(out.diagnostics());
            errors = true;
            continue;
        }
        if (out.value().indication)
            hits.add(*out.value().indication);
        auto verdict = golden::compare_case(c, out.value());
        if (!verdict) {
            print_errors(verdict.diagnostics());
            errors = true;
            continue;
        }
        golden::CaseVerdict v = std::move(verdict).value();
        if (update && !v.passed()) {
            auto written = golden::update_expectations(c, out.value(), v);
            if (!written) {
                print_errors(written.diagnostics());
                errors = true;
            }
        }
        if (!json)
            std::cout << golden::case_text(v, update) << std::flush;
        verdicts.push_back(std::move(v));
    }

    auto const summary = golden::summarize(verdicts, update);
    std::optional<golden::CoverageReport> coverage;
    if (args.has("coverage"))
        coverage =
            golden::coverage_report(rules.value().program(), sources, hits, root->generic_string());
    if (json) {
        std::cout << golden::run_json(verdicts, summary, coverage);
    } else {
        if (coverage)
            std::cout << golden::coverage_text(*coverage, verdicts.size());
        std::cout << golden::summary_text(summary);
    }
    if (errors)
        return exit_bad_input;
    return summary.failed > 0 ? exit_findings : exit_ok;
}

} // namespace billijk::cli
