// billijk tables verify --table PUBLISHED.csv --rule RULE [--package NAME] [--date D]
//   [--bind COLUMN=NAME ...] [--published COLUMN] [--rules DIR] [--plugin-path DIR[:DIR]]
//   [--format text|json|csv]
// The policy writer's check of a published tariff table against the rule it should follow
// (docs/tables-verify.md). Exit 0 when every row follows, 1 when some do not, 2 usage (also an
// unknown rule or package), 3 a malformed table or an input the table does not supply, 4 rule
// files that do not load, 6 an evaluation error.
#include "args.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "rules_location.hpp"

#include "billijk/engine.hpp"
#include "billijk/source.hpp"
#include "diag/render.hpp"
#include "tables/verify.hpp"

#include <iostream>

namespace billijk::cli {

namespace {

constexpr char const* command = "billijk tables verify";

/// Args keeps one value per option: take every --bind out first (as decide does --override).
std::optional<std::string> take_binds(int argc, char** argv, std::vector<char*>& rest,
                                      std::map<std::string, std::string>& binds) {
    for (int i = 0; i < argc; ++i) {
        std::string_view const arg = argv[i];
        std::string value;
        if (arg == "--bind") {
            if (i + 1 >= argc)
                return "option --bind needs a value COLUMN=NAME";
            value = argv[++i];
        } else if (arg.starts_with("--bind=")) {
            value = arg.substr(7);
        } else {
            rest.push_back(argv[i]);
            continue;
        }
        auto const eq = value.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == value.size())
            return "--bind " + value + ": expected COLUMN=NAME";
        if (!binds.emplace(value.substr(0, eq), value.substr(eq + 1)).second)
            return "--bind: column '" + value.substr(0, eq) + "' is bound twice";
    }
    return std::nullopt;
}

int exit_for(tables::Failure failure) {
    switch (failure) {
    case tables::Failure::usage:
        return exit_usage;
    case tables::Failure::table:
        return exit_bad_input;
    case tables::Failure::evaluation:
        return exit_eval_error;
    }
    return exit_internal;
}

} // namespace

int cmd_tables(int argc, char** argv) {
    if (argc < 1 || std::string_view(argv[0]) != "verify") {
        std::cerr << "billijk tables: expected a subcommand: billijk tables verify --table "
                     "PUBLISHED.csv --rule RULE\n";
        return exit_usage;
    }
    tables::VerifyOptions options;
    std::vector<char*> rest;
    if (auto err = take_binds(argc - 1, argv + 1, rest, options.bind.binds)) {
        std::cerr << command << ": " << *err << "\n";
        return exit_usage;
    }
    Args args(rest.data(), rest.data() + rest.size());
    if (auto err = args.parse(
            {"table", "rule", "package", "date", "published", "rules", "plugin-path", "format"},
            {})) {
        std::cerr << command << ": " << *err << "\n";
        return exit_usage;
    }
    if (!args.positional().empty()) {
        std::cerr << command << ": unexpected argument '" << args.positional().front() << "'\n";
        return exit_usage;
    }
    auto const table_path = args.option("table");
    auto const rule = args.option("rule");
    if (!table_path || !rule) {
        std::cerr << command << ": --table PUBLISHED.csv and --rule RULE are required\n";
        return exit_usage;
    }
    std::string const format = args.option("format").value_or("text");
    if (format != "text" && format != "json" && format != "csv") {
        std::cerr << command << ": --format must be text, json or csv, not '" << format << "'\n";
        return exit_usage;
    }
    options.rule = *rule;
    options.package = args.option("package");
    options.bind.published = args.option("published");
    if (auto d = args.option("date")) {
        options.date = Date::parse(*d);
        if (!options.date) {
            std::cerr << command << ": --date: expected YYYY-MM-DD, not '" << *d << "'\n";
            return exit_usage;
        }
    }
    auto text = read_text_file(*table_path);
    if (!text) {
        std::cerr << *table_path << ": error: cannot read the table file\n";
        return exit_bad_input;
    }
    auto read = tables::read_published_table(*text);
    if (!read.table) {
        for (auto const& e : read.errors)
            std::cerr << tables::to_text(*table_path, e) << "\n";
        return exit_bad_input;
    }

    auto root = find_rules_root(args.option("rules"));
    if (!root) {
        std::cerr << command << ": no rules directory found; pass --rules DIR\n";
        return exit_usage;
    }
    SourceSet sources;
    auto const plugins = load_plugins_warning(args.option("plugin-path"), command);
    auto rules = load_rules(*root, sources, plugins);
    if (!rules) {
        std::cerr << render_all(rules.diagnostics(), sources);
        return exit_rule_error;
    }

    auto outcome = tables::verify(rules.value().program(), *read.table, options);
    if (!outcome.report) {
        for (auto const& e : outcome.errors)
            std::cerr << (e.line == 0 && e.column == 0 && outcome.failure == tables::Failure::usage
                              ? std::string(command) + ": " + e.message
                              : tables::to_text(*table_path, e))
                      << "\n";
        return exit_for(outcome.failure);
    }
    auto const& report = *outcome.report;
    if (format == "json")
        std::cout << tables::report_json(report, *table_path);
    else if (format == "csv")
        std::cout << tables::report_csv(report, read.table->separator);
    else
        std::cout << tables::report_text(report, *table_path);
    return report.mismatches() == 0 ? exit_ok : exit_findings;
}

} // namespace billijk::cli
