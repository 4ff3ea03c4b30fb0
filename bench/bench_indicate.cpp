// Throughput of `indicate` on the Barendrecht package: loads the rules once, generates N
// synthetic cases (deterministic, varied ages, needs, providers and rates), indicates each and
// prints cases per second and the rule-load time. Figures are for comparison within one run
// (ratios), not absolute claims: see docs/performance.md.
//
//   build/bench/bench_indicate [--rules DIR] [--cases N]
#include "billijk/engine.hpp"
#include "diag/render.hpp"

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

namespace {

billijk::Case synthetic_case(int i) {
    using namespace billijk;
    Case c;
    c.schema = "billijk.case/1";
    c.case_id = "BENCH-" + std::to_string(i);
    c.municipality = "GM0489";
    c.law = "jeugdwet";
    c.decision_date = *Date::parse("2017-06-01");
    c.period = {*Date::parse("2017-07-01"), *Date::parse("2018-06-30")};
    c.bsn = "111222333";
    c.birth_date = Date::from_ymd(2000 + i % 17, 1 + static_cast<unsigned>(i % 12),
                                  1 + static_cast<unsigned>(i % 28));
    Request r;
    r.provision = "begeleiding_individueel";
    r.form = "pgb";
    r.provider = (i % 3 == 0) ? "professional" : "informal";
    r.rate = Quantity{*Decimal::parse(std::to_string(14 + i % 40) + ".50"),
                      *Unit::parse_word("eur") / *Unit::parse_word("hour")};
    Unit const hours_per_week = *Unit::parse_word("hours") / *Unit::parse_word("week");
    r.need.push_back({std::string("begeleiding"), {Decimal::from_int(2 + i % 12), hours_per_week}});
    r.need.push_back({std::string("toezicht"), {Decimal::from_int(i % 30), hours_per_week}});
    r.facts["pgb_capable"] = true;
    r.facts["in_kind_not_suitable"] = (i % 10) != 0;
    r.facts["quality_assured"] = true;
    r.facts["earlier_pgb_withdrawn"] = false;
    c.requests.push_back(std::move(r));
    return c;
}

} // namespace

int main(int argc, char** argv) {
    std::string rules_dir = BILLIJK_SOURCE_DIR "/rules";
    int cases = 20000;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string const flag = argv[i];
        if (flag == "--rules")
            rules_dir = argv[i + 1];
        else if (flag == "--cases")
            cases = std::atoi(argv[i + 1]);
    }
    using clock = std::chrono::steady_clock;
    billijk::SourceSet sources;
    auto t0 = clock::now();
    auto rules = billijk::load_rules(rules_dir, sources);
    auto t1 = clock::now();
    if (!rules) {
        std::cerr << billijk::render_all(rules.diagnostics(), sources);
        return 4;
    }
    std::size_t granted = 0;
    auto t2 = clock::now();
    for (int i = 0; i < cases; ++i) {
        auto ind = billijk::indicate(rules.value(), synthetic_case(i), {});
        if (ind && !ind.value().provisions.empty() &&
            ind.value().provisions.front().status == billijk::Status::granted)
            ++granted;
    }
    auto t3 = clock::now();
    auto us = [](auto d) {
        return std::chrono::duration_cast<std::chrono::microseconds>(d).count();
    };
    long long const eval_us = us(t3 - t2);
    std::cout << "rule set load: " << us(t1 - t0) << " us\n"
              << "indicate (explained): " << cases << " cases in " << eval_us
              << " us = " << (eval_us > 0 ? static_cast<long long>(cases) * 1000000 / eval_us : 0)
              << " cases/s, " << (cases > 0 ? eval_us * 1000 / cases : 0) << " ns/case; " << granted
              << " granted\n";
    return 0;
}
