// Throughput of `indicate`: loads a rule set once (with the plugins on --plugin-path), makes a
// pool of distinct synthetic cases (bench/synthetic_case.hpp), then indicates --cases cases
// (cycling through the pool) on --threads threads that share the one RuleSet, with or without
// explanations. Prints one line of key=value figures; bench/run.sh makes the table. Figures are
// for comparison within one run (ratios), not absolute claims: see docs/performance.md.
//
//   bench_indicate [--rules DIR] [--plugin-path DIR|''] [--municipality GM0489] [--cases N]
//                  [--distinct N] [--threads N] [--explain on|off] [--check]
//
// --check first indicates every pool case with and without explanations and counts the cases
// whose decision (status, amounts, reasons) differs: it must be 0.
#include "allocator.hpp"
#include "synthetic_case.hpp"

#include "billijk/engine.hpp"
#include "diag/render.hpp"
#include "plugin/registry.hpp"
#include "sema/ir.hpp"

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

using clock_type = std::chrono::steady_clock;

struct Options {
    std::string rules = BILLIJK_SOURCE_DIR "/rules";
    std::string plugin_path = BILLIJK_PLUGIN_DIR;
    std::string municipality = "GM0489";
    long cases = 100000;
    long distinct = 10000;
    int threads = 1;
    bool explain = true;
    bool check = false;
};

struct Counts {
    long granted = 0, refused = 0, undetermined = 0, errors = 0;
    void add(Counts const& o) {
        granted += o.granted;
        refused += o.refused;
        undetermined += o.undetermined;
        errors += o.errors;
    }
};

std::optional<Options> parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string const flag = argv[i];
        if (flag == "--check") {
            o.check = true;
            continue;
        }
        if (i + 1 >= argc) {
            std::cerr << "bench_indicate: " << flag << " needs a value\n";
            return std::nullopt;
        }
        std::string const value = argv[++i];
        if (flag == "--rules")
            o.rules = value;
        else if (flag == "--plugin-path")
            o.plugin_path = value;
        else if (flag == "--municipality")
            o.municipality = value;
        else if (flag == "--cases")
            o.cases = std::atol(value.c_str());
        else if (flag == "--distinct")
            o.distinct = std::atol(value.c_str());
        else if (flag == "--threads")
            o.threads = std::atoi(value.c_str());
        else if (flag == "--explain" && (value == "on" || value == "off"))
            o.explain = value == "on";
        else {
            std::cerr << "bench_indicate: unknown flag or value: " << flag << " " << value << "\n";
            return std::nullopt;
        }
    }
    if (o.cases < 1 || o.distinct < 1 || o.threads < 1) {
        std::cerr << "bench_indicate: --cases, --distinct and --threads must be at least 1\n";
        return std::nullopt;
    }
    return o;
}

std::string amount(std::optional<billijk::Quantity> const& q) {
    return q ? q->amount.to_string() + " " + q->unit.to_string() : "-";
}

/// What a result decides, without its explanation (for --check).
std::string decided(billijk::Result<billijk::Indication> const& r) {
    if (!r)
        return "error";
    std::string out;
    for (auto const& p : r.value().provisions) {
        out += std::to_string(static_cast<int>(p.status)) + " " + amount(p.quantity) + " " +
               amount(p.rate) + " " + amount(p.budget);
        for (auto const& reason : p.reasons)
            out += " " + reason.rule;
        for (auto const& u : p.undetermined)
            out += " " + u;
        out += "\n";
    }
    return out;
}

Counts run_slice(billijk::RuleSet const& rules, std::vector<billijk::Case> const& pool, long from,
                 long to, billijk::IndicateOptions const& options) {
    Counts c;
    for (long i = from; i < to; ++i) {
        auto ind =
            billijk::indicate(rules, pool[static_cast<std::size_t>(i) % pool.size()], options);
        if (!ind || ind.value().provisions.empty()) {
            ++c.errors;
            continue;
        }
        switch (ind.value().provisions.front().status) {
        case billijk::Status::granted:
            ++c.granted;
            break;
        case billijk::Status::refused:
            ++c.refused;
            break;
        case billijk::Status::undetermined:
            ++c.undetermined;
            break;
        }
    }
    return c;
}

/// CPU seconds of the whole process (all threads): on a loaded machine a fairer measure of the
/// work than wall time, which then mostly shows how long the threads waited for a core.
double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

long max_rss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss; // kilobytes on Linux
}

} // namespace

int main(int argc, char** argv) {
    auto parsed = parse(argc, argv);
    if (!parsed)
        return 2;
    Options const& o = *parsed;

    auto t0 = clock_type::now();
    billijk::plugin::SearchPath path;
    path.origin = "--plugin-path";
    for (auto const& dir : billijk::plugin::split_search_path(o.plugin_path))
        path.directories.push_back({dir, true});
    auto registry = billijk::plugin::Registry::load(path);
    billijk::SourceSet sources;
    auto rules = billijk::load_rules(o.rules, sources, registry);
    auto t1 = clock_type::now();
    for (auto const& refusal : registry.refusals())
        std::cerr << "bench_indicate: plugin refused: " << billijk::plugin::render_refusal(refusal);
    if (!rules) {
        std::cerr << billijk::render_all(rules.diagnostics(), sources);
        return 4;
    }

    std::vector<billijk::Case> pool;
    long const distinct = std::min(o.distinct, o.cases);
    pool.reserve(static_cast<std::size_t>(distinct));
    for (long i = 0; i < distinct; ++i)
        pool.push_back(billijk::bench::synthetic_case(static_cast<int>(i), o.municipality));

    long mismatches = -1;
    if (o.check) {
        mismatches = 0;
        billijk::IndicateOptions quiet;
        quiet.explain = false;
        for (auto const& c : pool)
            if (decided(billijk::indicate(rules.value(), c, {})) !=
                decided(billijk::indicate(rules.value(), c, quiet)))
                ++mismatches;
    }

    billijk::IndicateOptions options;
    options.explain = o.explain;
    std::vector<Counts> counts(static_cast<std::size_t>(o.threads));
    double const cpu0 = cpu_seconds();
    auto t2 = clock_type::now();
    if (o.threads == 1) {
        counts[0] = run_slice(rules.value(), pool, 0, o.cases, options);
    } else {
        std::vector<std::thread> workers;
        for (int t = 0; t < o.threads; ++t) {
            long const from = o.cases * t / o.threads;
            long const to = o.cases * (t + 1) / o.threads;
            workers.emplace_back([&, t, from, to] {
                counts[static_cast<std::size_t>(t)] =
                    run_slice(rules.value(), pool, from, to, options);
            });
        }
        for (auto& w : workers)
            w.join();
    }
    auto t3 = clock_type::now();
    double const cpu = cpu_seconds() - cpu0;

    Counts total;
    for (auto const& c : counts)
        total.add(c);
    double const load_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
    double const seconds = std::chrono::duration<double>(t3 - t2).count();
    std::cout << "load_ms=" << load_ms << " rules=" << rules.value().program().rules.size()
              << " refusals=" << rules.value().program().refusals.size()
              << " plugins=" << registry.plugins().size() << " threads=" << o.threads
              << " explain=" << (o.explain ? "on" : "off") << " cases=" << o.cases
              << " seconds=" << seconds << " cases_per_s=" << static_cast<long>(o.cases / seconds)
              << " us_per_case_core=" << seconds * o.threads * 1e6 / static_cast<double>(o.cases)
              << " cpu_seconds=" << cpu
              << " cpu_us_per_case=" << cpu * 1e6 / static_cast<double>(o.cases)
              << " granted=" << total.granted << " refused=" << total.refused
              << " undetermined=" << total.undetermined << " errors=" << total.errors
              << " maxrss_kb=" << max_rss_kb() << " allocator=" << billijk::bench::allocator_name();
    if (mismatches >= 0)
        std::cout << " explain_mismatches=" << mismatches;
    std::cout << "\n";
    return total.errors == 0 && mismatches <= 0 ? 0 : 1;
}
