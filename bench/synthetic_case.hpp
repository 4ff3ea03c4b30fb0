// Synthetic Barendrecht cases for the benchmarks: deterministic in `i`, varied ages, needs,
// providers and asked rates, so that some are capped, some refused and some granted as asked.
// The generated rule packages of bench/gen_rules.py read the same facts and provision.
#pragma once

#include "billijk/case.hpp"

#include <string>

namespace billijk::bench {

inline Case synthetic_case(int i, std::string const& municipality = "GM0489") {
    Case c;
    c.schema = "billijk.case/1";
    c.case_id = "BENCH-" + std::to_string(i);
    c.municipality = municipality;
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

} // namespace billijk::bench
