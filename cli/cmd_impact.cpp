// billijk impact --draft DIR [--base DIR] [--plugin-path P] [--date D]
//                [--format text|json|csv|html] [--output FILE] CASES… | --db FILE
// The policy writer's command (docs/impact.md): indicate every case under the base rules and
// under the base with the draft laid over it, and report what changes, for whom, by how much,
// and which rules cause it. Exit 0 when the impact was computed: changes are not findings.
#include "args.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "report_output.hpp"
#include "rules_location.hpp"
#include "store_options.hpp"

#include "billijk/engine.hpp"
#include "diag/render.hpp"
#include "impact/report.hpp"
#include "impact/run.hpp"
#include "io/case_json.hpp"
#include "store/stored_cases.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace billijk::cli {

namespace {

namespace fs = std::filesystem;

constexpr char const* me = "billijk impact";

/// The case files of one argument: the file itself, or under a directory every file named
/// case.json (a golden case directory), or else every *.json directly in it; sorted by path.
std::vector<std::string> case_files(std::string const& arg) {
    std::error_code ec;
    if (!fs::is_directory(arg, ec))
        return {arg};
    std::vector<std::string> out;
    for (fs::recursive_directory_iterator it(arg, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file() && it->path().filename() == "case.json")
            out.push_back(it->path().generic_string());
    if (out.empty())
        for (fs::directory_iterator it(arg, ec), end; !ec && it != end; it.increment(ec))
            if (it->is_regular_file() && it->path().extension() == ".json")
                out.push_back(it->path().generic_string());
    std::sort(out.begin(), out.end());
    return out;
}

/// Reads and validates every case; prints each problem ("file: error[E09xx]: path: …").
bool read_cases(std::vector<std::string> const& args, std::vector<impact::CaseInput>& out) {
    bool ok = true;
    SourceSet none;
    for (auto const& arg : args) {
        auto files = case_files(arg);
        if (files.empty()) {
            std::cerr << arg << ": error: no case files (case.json or *.json) in this directory\n";
            ok = false;
        }
        for (auto const& file : files) {
            auto text = read_text_file(file);
            if (!text) {
                std::cerr << file << ": error: cannot read the case file\n";
                ok = false;
                continue;
            }
            auto the_case = io::read_case(*text, file);
            if (!the_case) {
                for (auto const& d : the_case.diagnostics().items()) {
                    Diagnostics one;
                    one.add(d);
                    std::cerr << (d.span ? "" : file + ": ") << render_all(one, none);
                }
                ok = false;
                continue;
            }
            out.push_back({file, std::move(the_case).value()});
        }
    }
    return ok;
}

int read_stored_cases(std::optional<std::string> const& db_flag,
                      std::vector<impact::CaseInput>& out) {
    auto db = open_database(db_flag, me);
    if (!db)
        return exit_store_error;
    auto stored = store::stored_cases(*db);
    if (!stored) {
        print_store_errors(me, stored.diagnostics());
        return exit_store_error;
    }
    for (auto const& c : stored.value()) {
        auto the_case = io::read_case(c.case_json, c.label());
        if (!the_case) {
            std::cerr << c.label() << ": error: the stored case no longer reads as a case\n";
            return exit_bad_input;
        }
        out.push_back({c.label(), std::move(the_case).value()});
    }
    return exit_ok;
}

} // namespace

int cmd_impact(int argc, char** argv) {
    Args args(argv, argv + argc);
    if (auto err =
            args.parse({"base", "draft", "plugin-path", "date", "format", "output", "db"}, {})) {
        std::cerr << me << ": " << *err << "\n";
        return exit_usage;
    }
    std::string const format = args.option("format").value_or("text");
    if (format != "text" && format != "json" && format != "csv" && format != "html") {
        std::cerr << me << ": --format must be text, json, csv or html, not '" << format << "'\n";
        return exit_usage;
    }
    auto const draft = args.option("draft");
    if (!draft) {
        std::cerr << me
                  << ": --draft DIR is required (the directory with the changed rule "
                     "files only)\n";
        return exit_usage;
    }
    bool const from_store = args.option("db").has_value();
    if (from_store == !args.positional().empty()) {
        std::cerr << me << ": give case files or directories, or --db FILE, not "
                  << (from_store ? "both" : "neither") << "\n";
        return exit_usage;
    }
    std::optional<Date> date;
    if (auto d = args.option("date")) {
        date = Date::parse(*d);
        if (!date) {
            std::cerr << me << ": --date " << *d
                      << " is not a calendar date (expected YYYY-MM-DD)\n";
            return exit_usage;
        }
    }
    auto base = find_rules_root(args.option("base"));
    if (!base) {
        std::cerr << me << ": no base rules directory found; pass --base DIR\n";
        return exit_usage;
    }

    std::vector<impact::CaseInput> cases;
    if (from_store) {
        if (int rc = read_stored_cases(args.option("db"), cases); rc != exit_ok)
            return rc;
    } else if (!read_cases(args.positional(), cases)) {
        return exit_bad_input;
    }

    SourceSet sources;
    auto const plugins = load_plugins_warning(args.option("plugin-path"), me);
    auto base_rules = load_rules(*base, sources, plugins);
    if (!base_rules) {
        std::cerr << render_all(base_rules.diagnostics(), sources);
        return exit_rule_error;
    }
    auto draft_rules = load_rules_with_overlay(*base, *draft, sources, plugins);
    if (!draft_rules) {
        std::cerr << render_all(draft_rules.diagnostics(), sources);
        return exit_rule_error;
    }

    auto report = impact::run_impact(base_rules.value(), draft_rules.value(), cases, date, sources);
    if (!report) {
        std::cerr << render_all(report.diagnostics(), sources);
        return exit_eval_error;
    }
    report.value().base = args.option("base").value_or(base->generic_string());
    report.value().draft = *draft;
    report.value().date = args.option("date").value_or("");

    std::string const out = format == "json"   ? impact::write_json(report.value())
                            : format == "csv"  ? impact::write_csv(report.value())
                            : format == "html" ? impact::write_html(report.value())
                                               : impact::write_text(report.value());
    return emit_report(args, out) ? exit_ok : exit_bad_input;
}

} // namespace billijk::cli
