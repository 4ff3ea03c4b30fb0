// Billijk's side of bench/peers: reads the generated cases file (one JSON object a line:
// {"id", "price", "asked", "hours"}, amounts as decimal strings), indicates each case with one of
// the two bench packages, and writes "id,rate,budget" a line. Prints one JSON line with the
// timing of the indicate loop only (reading and building the cases is not timed, as for every
// peer).
//
//   bench_peers --rules DIR --cases cases.jsonl --out billijk.csv
//               [--package decision|bar] [--explain on|off]
//
// --package decision (the default): bench/peers/rules/peerdecision/jeugd.rules (GM9998), exactly
//   the decision the peers compute and nothing else; the in-kind price is its fact in_kind_price.
// --package bar: bench/peers/rules/peerbench/jeugd.rules (GM9999), the same formula within the
//   national Jeugdwet layer and the BAR regional layer, so each case also passes the customary
//   care tables, the client's age and the refusal grounds; the in-kind price is the BAR fallback
//   fact in_kind_cost_in_situation.
// Both packages are in the rules root bench/peers/rules_root.sh makes.
#include "allocator.hpp"
#include "billijk/engine.hpp"
#include "diag/render.hpp"

#include <nlohmann/json.hpp>

#include <time.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace {

std::optional<billijk::Quantity> quantity(std::string const& amount, char const* unit) {
    auto d = billijk::Decimal::parse(amount);
    auto u = billijk::Unit::parse(unit);
    if (!d || !u)
        return std::nullopt;
    return billijk::Quantity{*d, *u};
}

/// A bench package: the municipality code that selects it, how its name reads in the timing, the
/// fact that carries the in-kind price and whether it sees the national layer's PGB conditions.
struct BenchPackage {
    char const* municipality;
    char const* title;
    char const* price_fact;
    bool national_conditions;
};

BenchPackage const decision_package{"GM9998", "same decision", "in_kind_price", false};
BenchPackage const bar_package{"GM9999", "within the BAR layers", "in_kind_cost_in_situation",
                               true};

/// The case for one line, or nothing when a field is missing or not a decimal.
std::optional<billijk::Case> to_case(nlohmann::json const& line, BenchPackage const& package) {
    using namespace billijk;
    if (!line.contains("id") || !line.contains("price") || !line.contains("asked") ||
        !line.contains("hours"))
        return std::nullopt;
    auto price = quantity(line["price"].get<std::string>(), "eur/hour");
    auto asked = quantity(line["asked"].get<std::string>(), "eur/hour");
    auto hours = quantity(line["hours"].get<std::string>(), "hours/week");
    if (!price || !asked || !hours)
        return std::nullopt;
    Case c;
    c.schema = "billijk.case/1";
    c.case_id = line["id"].get<std::string>();
    c.municipality = package.municipality; // no real municipality has either code
    c.law = "jeugdwet";
    c.decision_date = *Date::parse("2017-01-01");
    c.period = {*Date::parse("2017-01-01"), *Date::parse("2017-12-31")};
    c.bsn = "111222333";
    c.birth_date = *Date::parse("1998-01-01"); // 19: no customary care, the hours count whole
    Request r;
    r.provision = "begeleiding_individueel";
    r.form = "pgb";
    r.provider = "informal";
    r.rate = *asked;
    r.need.push_back({std::string("begeleiding"), *hours});
    r.facts[package.price_fact] = *price;
    if (package.national_conditions) {
        // They all hold, so no refusal ground applies. A case may name only the facts its
        // packages declare: the standalone package gets none of these.
        r.facts["pgb_capable"] = true;
        r.facts["in_kind_not_suitable"] = true;
        r.facts["quality_assured"] = true;
        r.facts["earlier_pgb_withdrawn"] = false;
    }
    c.requests.push_back(std::move(r));
    return c;
}

/// CPU seconds of the process (the loop is single-threaded): less sensitive to a loaded machine.
double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

} // namespace

int main(int argc, char** argv) {
    std::string rules_dir, cases_path, out_path;
    bool explain = true;
    BenchPackage const* package = &decision_package;
    bool usage_error = false;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string const flag = argv[i], value = argv[i + 1];
        if (flag == "--rules")
            rules_dir = value;
        else if (flag == "--cases")
            cases_path = value;
        else if (flag == "--out")
            out_path = value;
        else if (flag == "--explain")
            explain = value != "off";
        else if (flag == "--package" && (value == "decision" || value == "bar"))
            package = value == "decision" ? &decision_package : &bar_package;
        else
            usage_error = true;
    }
    if (usage_error || rules_dir.empty() || cases_path.empty() || out_path.empty()) {
        std::cerr << "usage: bench_peers --rules DIR --cases cases.jsonl --out billijk.csv "
                     "[--package decision|bar] [--explain on|off]\n";
        return 2;
    }
    billijk::SourceSet sources;
    auto rules = billijk::load_rules(rules_dir, sources);
    if (!rules) {
        std::cerr << billijk::render_all(rules.diagnostics(), sources);
        return 4;
    }
    std::ifstream in(cases_path);
    if (!in) {
        std::cerr << cases_path << ": cannot read\n";
        return 3;
    }
    std::vector<billijk::Case> cases;
    std::string text;
    for (long line_no = 1; std::getline(in, text); ++line_no) {
        auto parsed = nlohmann::json::parse(text, nullptr, false);
        auto c = parsed.is_discarded() ? std::nullopt : to_case(parsed, *package);
        if (!c) {
            std::cerr << cases_path << ":" << line_no << ": not a bench case\n";
            return 3;
        }
        cases.push_back(std::move(*c));
    }

    billijk::IndicateOptions options;
    options.explain = explain;
    // Only the amounts are kept (as every peer keeps only its result): keeping 100,000 whole
    // explained indications would measure the memory allocator, not the engine.
    struct Amounts {
        std::optional<billijk::Quantity> rate, budget;
    };
    std::vector<Amounts> results(cases.size());
    double const cpu0 = cpu_seconds();
    auto t0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < cases.size(); ++i) {
        auto r = billijk::indicate(rules.value(), cases[i], options);
        if (r && !r.value().provisions.empty())
            results[i] = {r.value().provisions[0].rate, r.value().provisions[0].budget};
    }
    auto t1 = std::chrono::steady_clock::now();
    double const cpu = cpu_seconds() - cpu0;

    std::ofstream out(out_path);
    long failed = 0;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        auto const& r = results[i];
        if (!r.rate || !r.budget) {
            ++failed;
            out << cases[i].case_id << ",error,error\n";
            continue;
        }
        out << cases[i].case_id << "," << r.rate->amount.to_string() << ","
            << r.budget->amount.to_string() << "\n";
    }
    double const seconds = std::chrono::duration<double>(t1 - t0).count();
    std::cout << "{\"peer\": \"billijk, " << package->title << ", explanations "
              << (explain ? "on" : "off") << "\", \"cases\": " << cases.size()
              << ", \"seconds\": " << seconds << ", \"cpu_seconds\": " << cpu
              << ", \"failed\": " << failed << ", \"results\": " << nlohmann::json(out_path).dump()
              << ", \"allocator\": \"" << billijk::bench::allocator_name() << "\"}\n";
    return failed == 0 ? 0 : 1;
}
