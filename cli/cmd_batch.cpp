// billijk batch CASES.jsonl|CASES.csv --out RESULTS.jsonl [--threads N] [--store [--db F]
// [--key-file F] [--commit-every N]] [--rules DIR] [--plugin-path P] [--date D] [--no-explain]
// [--from-line N]
// The back office's command: indicate a whole caseload, streaming, in input order, optionally
// storing every indication with its audit entry (docs/batch.md).
#include "args.hpp"
#include "commands.hpp"
#include "core/utf8.hpp"
#include "exit_codes.hpp"
#include "rules_location.hpp"
#include "store_options.hpp"

#include "batch/dictionary_sample.hpp"
#include "batch/line.hpp"
#include "batch/pipeline.hpp"
#include "batch/progress.hpp"
#include "batch/reader.hpp"
#include "batch/result_csv.hpp"
#include "batch/writer.hpp"
#include "diag/render.hpp"
#include "io/fingerprint.hpp"
#include "store/batch_records.hpp"
#include "store/capture.hpp"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <thread>

namespace billijk::cli {

namespace {

constexpr char const* command = "billijk batch";

struct StoreRun {
    store::BatchRunSetup setup;
    std::set<std::string> known_packages;
    std::optional<store::Database> db;
    std::optional<store::BatchRun> run;
};

/// Captures the rule texts and plugin files once, opens the store and starts the run record.
int begin_store_run(StoreRun& s, Args const& args, std::filesystem::path const& root,
                    plugin::Registry const& plugins, store::PseudonymKey const& key,
                    std::string const& input_name) {
    Indication const none; // no package to check yet: each line's packages are checked later
    auto rule_files = store::capture_rule_files(root, none, plugins);
    if (!rule_files) {
        print_store_errors(command, rule_files.diagnostics());
        return exit_store_error;
    }
    auto plugin_files = store::capture_plugins(plugins, none);
    if (!plugin_files) {
        print_store_errors(command, plugin_files.diagnostics());
        return exit_store_error;
    }
    s.setup.input_name = input_name;
    s.setup.rule_files = std::move(rule_files).value();
    s.setup.plugins = std::move(plugin_files).value();
    s.setup.date_option = args.option("date");
    for (auto const& f : s.setup.rule_files)
        s.known_packages.insert("sha256:" + io::sha256_hex(f.text));
    for (auto const& p : plugins.plugins())
        for (auto const& source : p.rule_sources)
            s.known_packages.insert("sha256:" + io::sha256_hex(source.text));

    s.db = open_database(args.option("db"), command, /*create=*/true);
    if (!s.db)
        return exit_store_error;
    if (auto runs = store::batch_runs(*s.db))
        for (auto const& r : runs.value())
            if (!r.finished && r.input == input_name)
                std::cerr << command << ": note: run " << r.run << " of " << r.input
                          << " did not finish; its lines through " << r.last_line
                          << " are stored (continue it with --from-line " << r.last_line + 1
                          << ")\n";
    auto run = store::BatchRun::begin(*s.db, s.setup, key, now_utc());
    if (!run) {
        print_store_errors(command, run.diagnostics());
        return exit_store_error;
    }
    s.run.emplace(std::move(run).value());
    std::cerr << command << ": storing as batch run " << s.run->number() << " in "
              << s.db->path().string() << "\n";
    return exit_ok;
}

struct FileCloser {
    void operator()(std::FILE* f) const {
        if (f != nullptr && f != stdout)
            std::fclose(f);
    }
};

} // namespace

int cmd_batch(int argc, char** argv) {
    Args args(argv, argv + argc);
    if (auto err = args.parse({"out", "threads", "db", "key-file", "rules", "plugin-path", "date",
                               "commit-every", "from-line"},
                              {"store", "no-explain"})) {
        std::cerr << command << ": " << *err << "\n";
        return exit_usage;
    }
    if (args.positional().size() != 1 || !args.option("out")) {
        std::cerr << command
                  << ": expected one input file and --out, e.g. billijk batch cases.jsonl --out "
                     "results.jsonl\n";
        return exit_usage;
    }
    std::size_t threads = std::max(1U, std::thread::hardware_concurrency());
    if (auto t = args.option("threads")) {
        auto n = parse_count(*t, 1, 256);
        if (!n) {
            std::cerr << command << ": --threads must be a whole number from 1 to 256, not '" << *t
                      << "'\n";
            return exit_usage;
        }
        threads = *n;
    }
    // 5000 per transaction: each commit rewrites every page of the cases' hash-keyed indexes
    // that its cases touched, so at a million stored cases 1000 a group ran 22% slower (240.7
    // against 196.9 s, docs/performance.md); a group holds ~8 KB a case in memory (~40 MB).
    std::size_t commit_every = 5000, from_line = 1;
    if (auto c = args.option("commit-every")) {
        auto n = parse_count(*c, 1, 1000000);
        if (!n) {
            std::cerr << command << ": --commit-every must be a whole number from 1 to 1000000\n";
            return exit_usage;
        }
        commit_every = *n;
    }
    if (auto f = args.option("from-line")) {
        auto n = parse_count(*f, 1, 999999999);
        if (!n) {
            std::cerr << command << ": --from-line must be a line number (1 or more)\n";
            return exit_usage;
        }
        from_line = *n;
    }
    bool const storing = args.has("store");
    if (!storing && (args.option("db") || args.option("key-file") || args.option("commit-every"))) {
        std::cerr << command << ": --db, --key-file and --commit-every go with --store\n";
        return exit_usage;
    }
    IndicateOptions options;
    if (auto date = args.option("date")) {
        options.reference_date = Date::parse(*date);
        if (!options.reference_date) {
            std::cerr << command << ": --date " << *date
                      << " is not a calendar date (expected YYYY-MM-DD)\n";
            return exit_usage;
        }
    }
    // The pseudonym key first, so that nothing is computed that cannot be stored.
    std::optional<store::PseudonymKey> key;
    if (storing) {
        auto k = pseudonym_key(args.option("key-file"));
        if (!k) {
            print_store_errors(command, k.diagnostics());
            return exit_store_error;
        }
        key = std::move(k).value();
    }

    std::filesystem::path const input = args.positional().front();
    std::string const input_name = input == "-" ? "stdin" : utf8_display(input.filename().string());
    auto reader = batch::RecordReader::open(input, batch::format_of(input));
    if (!reader) {
        print_store_errors(command, reader.diagnostics());
        return exit_bad_input;
    }
    std::optional<batch::CsvColumns> csv;
    if (reader.value().format() == batch::InputFormat::csv) {
        auto columns =
            batch::CsvColumns::from_header(reader.value().header(), reader.value().separator());
        if (!columns) {
            for (auto const& d : columns.diagnostics().items())
                std::cerr << input.string() << ":" << reader.value().header_line() << ": error["
                          << d.id << "]: " << d.message << "\n";
            return exit_bad_input;
        }
        csv = std::move(columns).value();
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

    std::string const out_path = *args.option("out");
    std::unique_ptr<std::FILE, FileCloser> out(
        out_path == "-" ? stdout : std::fopen(out_path.c_str(), "wb"));
    if (!out) {
        std::cerr << command << ": error: " << out_path << ": cannot create the output file\n";
        return exit_usage;
    }
    std::atomic<std::uint64_t> bytes_read{0};
    auto& source = reader.value();
    auto next_record = [&]() -> std::optional<batch::InputRecord> {
        auto record = source.next();
        while (record && record->line < from_line)
            record = source.next();
        bytes_read.store(source.bytes_read(), std::memory_order_relaxed);
        return record;
    };
    batch::LineWork work{rules.value(), reader.value().format(), csv ? &*csv : nullptr, options,
                         !args.has("no-explain")};
    // --out RESULTS.csv: a row per provision, in the input CSV's separator (docs/batch.md).
    if (out_path != "-" && batch::format_of(out_path) == batch::InputFormat::csv) {
        work.output = batch::OutputFormat::csv;
        work.output_separator = csv ? reader.value().separator() : ',';
        // The rows hold no explanation, and an indication's values do not depend on building
        // one: without --store nothing would read it.
        if (!storing)
            work.explain = false;
        std::string const header = batch::result_csv_header(work.output_separator) + "\n";
        if (std::fwrite(header.data(), 1, header.size(), out.get()) != header.size()) {
            std::cerr << command << ": error[B0004]: " << out_path
                      << ": cannot write the output: " << std::strerror(errno) << "\n";
            return exit_usage;
        }
    }
    StoreRun store_run;
    batch::DictionarySample sample;
    if (storing) {
        sample = batch::sample_for_dictionary(next_record, work);
        store_run.setup.dictionary = std::move(sample.dictionary);
        if (int const code = begin_store_run(store_run, args, *root, plugins, *key, input_name);
            code != exit_ok)
            return code;
        work.store_key = &*key;
        work.known_packages = &store_run.known_packages;
        work.dictionary = store_run.run->dictionary();
    }

    batch::Progress progress(batch::Progress::stderr_is_terminal());
    batch::Writer writer(out.get(), input.string(), progress, bytes_read,
                         reader.value().total_bytes(), storing ? &*store_run.run : nullptr,
                         commit_every, now_utc);
    std::size_t sampled = 0; // the records read ahead go first, in order
    bool const completed = batch::run_ordered<batch::LineResult>(
        [&]() -> std::optional<batch::InputRecord> {
            if (sampled < sample.records.size())
                return std::move(sample.records[sampled++]);
            return next_record();
        },
        [&](batch::InputRecord const& record) { return work.process(record); },
        [&](batch::LineResult&& r) { return writer.write(std::move(r)); },
        {static_cast<unsigned>(threads), std::max<std::size_t>(256, threads * 64)});
    bool const finished = completed && writer.finish();
    if (!completed)
        writer.settle(); // the group handed over before the stop is committed or refused
    progress.finish();

    auto const& c = writer.counts();
    double const seconds = progress.elapsed();
    char timing[96];
    std::snprintf(timing, sizeof timing, "%.2f s, %.0f cases/s", seconds,
                  seconds > 0 ? static_cast<double>(c.read) / seconds : 0.0);
    std::cerr << command << ": " << c.read << " read, " << c.indicated
              << " indicated (provisions: " << c.granted << " granted, " << c.refused
              << " refused, " << c.undetermined << " undetermined), " << c.errors << " errors; "
              << timing << "\n";
    if (storing)
        std::cerr << command << ": batch run " << store_run.run->number() << ": "
                  << store_run.run->record().stored << " indications stored, input lines through "
                  << store_run.run->record().last_line << " settled"
                  << (finished ? "" : " (the run did not finish)") << "\n";
    if (auto const& failure = writer.failure()) {
        if (failure->kind == "store") {
            print_store_errors(command, failure->diagnostics);
            return exit_store_error;
        }
        for (auto const& d : failure->diagnostics.items())
            std::cerr << command << ": error[" << d.id << "]: " << out_path << ": " << d.message
                      << "\n";
        return exit_usage;
    }
    if (auto const& read_error = source.failed()) {
        std::cerr << command << ": error[B0001]: " << input.string()
                  << ": reading stopped: " << *read_error << "\n";
        return exit_bad_input;
    }
    return c.errors > 0 ? exit_findings : exit_ok;
}

} // namespace billijk::cli
