// billijk review DECISIONS [--rules DIR] [--plugin-path P] [--tolerance SPEC] [--equal-cases]
//                [--format text|json|csv|html] [--lang nl|en] [--output FILE] [--store [--db F]]
// billijk review --show N [--db FILE] [--format text|json|csv|html] [--output FILE]
// The indication committee's command: do these proposed decisions follow the rules, and do
// equal cases get equal budgets? (docs/committee.md, docs/review-format.md) With --show, a review
// kept in the store is printed again as it was printed then (docs/store.md).
#include "args.hpp"
#include "commands.hpp"
#include "core/utf8.hpp"
#include "exit_codes.hpp"
#include "report_output.hpp"
#include "rules_location.hpp"
#include "store_options.hpp"

#include "billijk/engine.hpp"
#include "billijk/version.hpp"
#include "diag/render.hpp"
#include "review/decision_csv.hpp"
#include "review/decision_jsonl.hpp"
#include "review/report_format.hpp"
#include "review/report_reader.hpp"
#include "review/review.hpp"
#include "review/tolerance.hpp"
#include "store/reviews.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

namespace billijk::cli {

namespace {

constexpr char const* me = "billijk review";

bool ends_with(std::string const& s, std::string const& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// `separator`: the CSV dialect of the report, that of the decisions file (',' for JSON Lines).
std::string render_report(review::Report const& report, std::string const& format, char separator) {
    if (format == "json")
        return review::write_report_json(report);
    if (format == "csv")
        return review::write_report_csv(report, separator);
    if (format == "html")
        return review::write_report_html(report);
    return review::write_report_text(report);
}

/// Records the review in the store (`--store`): its JSON report, whatever --format shows, and an
/// audit entry. Prints "billijk review: stored as review N in FILE" on stderr.
int store_review_of_run(std::optional<std::string> const& db_flag, std::string const& path,
                        std::string const& file_text, review::DecisionFile const& file,
                        review::Report const& report, std::string options) {
    store::ReviewRecord record;
    record.decisions_name = utf8_display(std::filesystem::path(path).filename().string());
    record.decisions_bytes = file_text;
    record.engine = billijk::engine_name;
    record.options = std::move(options);
    record.decisions = static_cast<std::int64_t>(report.decisions.size());
    record.findings =
        static_cast<std::int64_t>(report.deviation_count() + report.unequal_group_count());
    record.report = review::write_report_json(report);
    for (auto const& d : file.decisions)
        record.clear_bsns.push_back(d.the_case.bsn);
    auto db = open_database(db_flag, me, /*create=*/true);
    if (!db)
        return exit_store_error;
    auto id = store::store_review(*db, record, now_utc());
    if (!id) {
        print_store_errors(me, id.diagnostics());
        return exit_store_error;
    }
    std::cerr << me << ": stored as review " << id.value() << " in " << db->path().string() << "\n";
    return exit_ok;
}

/// `--show N`: review N from the store, in the format asked. JSON is the stored bytes exactly
/// (their hash is in the audit log); the other formats are rendered from them as `review`
/// rendered the report when it ran. What was reviewed, and how, is said on stderr.
int show_stored_review(Args const& args, std::string const& format) {
    for (char const* option : {"rules", "plugin-path", "tolerance", "lang"})
        if (args.option(option)) {
            std::cerr << me << ": --show prints a stored review; it takes no --" << option
                      << " (the review's options are stored with it)\n";
            return exit_usage;
        }
    for (char const* flag : {"equal-cases", "store"})
        if (args.has(flag)) {
            std::cerr << me << ": --show prints a stored review; it takes no --" << flag << "\n";
            return exit_usage;
        }
    if (!args.positional().empty()) {
        std::cerr << me << ": --show prints a stored review; it reads no decisions file\n";
        return exit_usage;
    }
    auto const id = parse_record_id(*args.option("show"));
    if (!id) {
        std::cerr << me << ": '" << *args.option("show")
                  << "' is not a review id (a positive number), e.g. billijk review --show 3\n";
        return exit_usage;
    }
    auto db = open_database(args.option("db"), me);
    if (!db)
        return exit_store_error;
    auto stored = store::load_review(*db, *id);
    if (!stored) {
        print_store_errors(me, stored.diagnostics());
        return exit_store_error;
    }
    store::StoredReview const& review = stored.value();
    auto report = review::read_report_json(review.report);
    if (report &&
        (static_cast<std::int64_t>(report.value().decisions.size()) != review.decisions ||
         static_cast<std::int64_t>(report.value().deviation_count() +
                                   report.value().unequal_group_count()) != review.findings))
        report = fail("S0114", std::nullopt,
                      "the report of review " + std::to_string(*id) +
                          " does not have the decisions and findings counted beside it; "
                          "`billijk audit verify` names the entry");
    if (!report) {
        print_store_errors(me, report.diagnostics());
        return exit_store_error;
    }
    std::cerr << me << ": review " << review.id << ": " << review.decisions << " decisions in "
              << review.decisions_name << " (sha256 " << review.decisions_sha256 << "), "
              << review.findings << " findings; " << review.engine << ", options " << review.options
              << "; recorded at "
              << (review.recorded_at.empty() ? "an unknown time (no audit entry)"
                                             : review.recorded_at)
              << "\n";
    // A review of a semicolon-separated decisions file recorded its CSV dialect with its options.
    // (Read defensively: the options are not covered by the report's hash.)
    auto const options = nlohmann::json::parse(review.options, nullptr, false);
    bool const semicolons =
        options.is_object() && options.contains("csv_separator") && options["csv_separator"] == ";";
    char const separator = semicolons ? ';' : ',';
    std::string const out =
        format == "json" ? review.report : render_report(report.value(), format, separator);
    return emit_report(args, out) ? exit_ok : exit_bad_input;
}

} // namespace

int cmd_review(int argc, char** argv) {
    Args args(argv, argv + argc);
    if (auto err = args.parse(
            {"rules", "plugin-path", "tolerance", "format", "lang", "output", "db", "show"},
            {"equal-cases", "store"})) {
        std::cerr << me << ": " << *err << "\n";
        return exit_usage;
    }
    std::string const format = args.option("format").value_or("text");
    if (format != "text" && format != "json" && format != "csv" && format != "html") {
        std::cerr << me << ": --format must be text, json, csv or html, not '" << format << "'\n";
        return exit_usage;
    }
    if (args.option("show"))
        return show_stored_review(args, format);
    if (args.positional().size() != 1) {
        std::cerr << me << ": expected one decisions file, e.g. billijk review decisions.jsonl\n";
        return exit_usage;
    }
    std::string const lang = args.option("lang").value_or("nl");
    if (lang != "nl" && lang != "en") {
        std::cerr << me << ": --lang must be nl or en, not '" << lang << "'\n";
        return exit_usage;
    }
    review::ReviewOptions options;
    options.equal_cases = args.has("equal-cases");
    options.lang = lang == "en" ? io::Language::en : io::Language::nl;
    auto tolerance = review::parse_tolerance(args.option("tolerance").value_or(""));
    if (!tolerance.value) {
        std::cerr << me << ": --tolerance: " << tolerance.problem << "\n";
        return exit_usage;
    }
    options.tolerance = *tolerance.value;

    std::string const path = args.positional().front();
    auto text = read_text_file(path);
    if (!text) {
        std::cerr << path << ": error: cannot read the decisions file\n";
        return exit_bad_input;
    }
    auto root = find_rules_root(args.option("rules"));
    if (!root) {
        std::cerr << me << ": no rules directory found; pass --rules DIR\n";
        return exit_usage;
    }
    auto const plugins = load_plugins_warning(args.option("plugin-path"), me);
    SourceSet sources;
    auto rules = load_rules(*root, sources, plugins);
    if (!rules) {
        std::cerr << render_all(rules.diagnostics(), sources);
        return exit_rule_error;
    }

    bool const csv = ends_with(path, ".csv");
    auto file =
        csv ? review::read_decisions_csv(*text, path) : review::read_decisions_jsonl(*text, path);
    // The report's CSV in the decisions file's dialect: a spreadsheet in a Dutch locale that
    // saved the decisions with semicolons opens the report the same way.
    char const separator = file.separator;
    auto report = review::review_decisions(rules.value(), file.decisions, options, file.errors);
    std::stable_sort(
        file.errors.begin(), file.errors.end(),
        [](review::LineError const& a, review::LineError const& b) { return a.line < b.line; });
    bool evaluation_error = false;
    for (auto const& e : file.errors) {
        std::cerr << path << ":" << e.line << ": error: " << (e.field.empty() ? "" : e.field + ": ")
                  << e.message << "\n";
        evaluation_error = evaluation_error || e.evaluation;
    }

    if (!emit_report(args, render_report(report, format, separator)))
        return exit_bad_input;
    if (evaluation_error)
        return exit_eval_error;
    if (!file.errors.empty()) {
        if (args.has("store"))
            std::cerr << me << ": not stored: the decisions file has errors\n";
        return exit_bad_input;
    }
    if (args.has("store")) {
        nlohmann::json stored_options{{"equal_cases", options.equal_cases},
                                      {"lang", lang},
                                      {"tolerance", args.option("tolerance").value_or("")}};
        if (separator == ';') // only then, so that other reviews keep their options' bytes
            stored_options["csv_separator"] = ";";
        if (int const code = store_review_of_run(args.option("db"), path, *text, file, report,
                                                 stored_options.dump());
            code != exit_ok)
            return code;
    }
    return report.has_findings() ? exit_findings : exit_ok;
}

} // namespace billijk::cli
