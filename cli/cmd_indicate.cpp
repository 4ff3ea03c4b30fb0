// billijk indicate CASE.json [--rules DIR] [--plugin-path DIR[:DIR]] [--date D] [--format
// text|json] [--lang nl|en] The case director's command: what does the regulation give for this
// case, and why.
#include "args.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "indicate_store.hpp"
#include "rules_location.hpp"
#include "store_options.hpp"

#include "billijk/engine.hpp"
#include "diag/render.hpp"
#include "io/case_json.hpp"
#include "io/explain_text.hpp"
#include "io/fingerprint.hpp"
#include "io/indication_json.hpp"

#include <iostream>

namespace billijk::cli {

namespace {

/// Case problems carry no source span: prefix each line with the case file's path so that the
/// message reads "case.json: error[E0503]: requests[0].need.unit: …".
void print_case_diagnostics(std::string const& path, Diagnostics const& diags,
                            SourceSet const& sources) {
    for (auto const& d : diags.items()) {
        Diagnostics one;
        one.add(d);
        std::cerr << (d.span ? "" : path + ": ") << render_all(one, sources);
    }
}

/// E0805: a reported amount has no finite decimal expansion — the rules, not the case, are at
/// fault (docs/diagnostics/checker.md); every other indicate error is about the case.
bool is_evaluation_error(Diagnostics const& diags) {
    for (auto const& d : diags.items())
        if (d.id == "E0805")
            return true;
    return false;
}

} // namespace

int cmd_indicate(int argc, char** argv) {
    Args args(argv, argv + argc);
    if (auto err = args.parse({"rules", "date", "format", "lang", "plugin-path", "db", "key-file"},
                              {"store"})) {
        std::cerr << "billijk indicate: " << *err << "\n";
        return exit_usage;
    }
    if (args.positional().size() != 1) {
        std::cerr << "billijk indicate: expected one case file, e.g. billijk indicate case.json\n";
        return exit_usage;
    }
    std::string const format = args.option("format").value_or("text");
    std::string const lang = args.option("lang").value_or("nl");
    if (format != "text" && format != "json") {
        std::cerr << "billijk indicate: --format must be text or json, not '" << format << "'\n";
        return exit_usage;
    }
    if (lang != "nl" && lang != "en") {
        std::cerr << "billijk indicate: --lang must be nl or en, not '" << lang << "'\n";
        return exit_usage;
    }
    // --store: the pseudonym key first, so that nothing is computed that cannot be stored.
    std::optional<store::PseudonymKey> key;
    if (args.has("store")) {
        auto k = pseudonym_key(args.option("key-file"));
        if (!k) {
            print_store_errors("billijk indicate", k.diagnostics());
            return exit_store_error;
        }
        key = std::move(k).value();
    } else if (args.option("db") || args.option("key-file")) {
        std::cerr << "billijk indicate: --db and --key-file go with --store\n";
        return exit_usage;
    }
    IndicateOptions options;
    if (auto date = args.option("date")) {
        options.reference_date = Date::parse(*date);
        if (!options.reference_date) {
            std::cerr << "billijk indicate: --date " << *date
                      << " is not a calendar date (expected YYYY-MM-DD)\n";
            return exit_usage;
        }
    }

    std::string const case_path = args.positional().front();
    auto text = read_text_file(case_path);
    if (!text) {
        std::cerr << case_path << ": error: cannot read the case file\n";
        return exit_bad_input;
    }
    SourceSet sources;
    auto the_case = io::read_case(*text, case_path);
    if (!the_case) {
        print_case_diagnostics(case_path, the_case.diagnostics(), sources);
        return exit_bad_input;
    }

    auto root = find_rules_root(args.option("rules"));
    if (!root) {
        std::cerr << "billijk indicate: no rules directory found; pass --rules DIR\n";
        return exit_usage;
    }
    auto const plugins = load_plugins_warning(args.option("plugin-path"), "billijk indicate");
    auto rules = load_rules(*root, sources, plugins);
    if (!rules) {
        std::cerr << render_all(rules.diagnostics(), sources);
        return exit_rule_error;
    }

    auto indication = indicate(rules.value(), the_case.value(), options);
    if (!indication) {
        print_case_diagnostics(case_path, indication.diagnostics(), sources);
        return is_evaluation_error(indication.diagnostics()) ? exit_eval_error : exit_bad_input;
    }
    Indication result = std::move(indication).value();
    result.fingerprint = io::fingerprint(result, io::canonical_case_json(*text));
    if (key) {
        int const stored = store_indication_of_run(
            {args.option("db"), *root, &plugins, &result, &*text, args.option("date")}, *key);
        if (stored != exit_ok)
            return stored;
    }

    if (format == "json")
        std::cout << io::write_indication_json(result);
    else
        std::cout << io::write_indication_text(result,
                                               lang == "en" ? io::Language::en : io::Language::nl);
    return exit_ok;
}

} // namespace billijk::cli
