// A Barendrecht-like rule set for the evaluator tests: a national package with the PGB refusal,
// the care kinds and the customary-care table; a municipal package with the informal-care rate
// cap (60% of the in-kind cost, dated versions), the hours above customary care and the budget.
#pragma once

#include "engine_test_support.hpp"

namespace billijk::test {

inline char const* const national_rules = R"RULES(package national.jeugdwet "Jeugdwet"
  layer national
  law jeugdwet
  valid 2015-01-01 ..

enum care_kind = begeleiding | toezicht | persoonlijke_verzorging

fact pgb_capable: bool
  cites "Jeugdwet art. 8.1.1 lid 2 sub a"
  label "De jeugdige of zijn ouders kunnen de pgb-taken uitvoeren"

parameter weeks_per_year: weeks/year
  cites "Beleidsregels, afgeleid" label "Aantal weken per jaar"
  = 52 weeks/year

refusal not_capable
  cites "Jeugdwet art. 8.1.1 lid 2 sub a"
  label "De ouders kunnen de pgb-taken niet op verantwoorde wijze uitvoeren"
  label_en "The parents cannot carry out the PGB tasks responsibly"
  when request.form == pgb and not pgb_capable

table customary_care: hours/week
  by kind: care_kind, age: years
  hit unique
  cites "CIZ-protocol gebruikelijke zorg" label "Gebruikelijke zorg per soort en leeftijd"
  row begeleiding,             [0, 5)   -> 6 hours/week
  row begeleiding,             [5, 18)  -> 4 hours/week
  row toezicht,                [0, 3)   -> 84 hours/week
  row toezicht,                [3, 5)   -> 70 hours/week
  row toezicht,                [5, 12)  -> 10 hours/week
  row toezicht,                [12, 18) -> 0 hours/week
  row persoonlijke_verzorging, [0, 18)  -> 2 hours/week
)RULES";

inline char const* const barendrecht_rules =
    R"RULES(package barendrecht.jeugd "Beleidsregels Jeugdhulp Barendrecht 2015"
  layer municipal
  law jeugdwet
  municipality GM0489
  extends national.jeugdwet
  valid 2015-01-01 .. 2017-12-31

import "../national/jeugdwet.rules"

parameter informal_share: percent
  cites "Beleidsregels Jeugdhulp 2015 §2.12.1"
  label "Maximaal aandeel van de kostprijs in natura voor informele zorg"
  label_en "Maximum share of the in-kind cost price for informal care"
  = 60%

parameter in_kind_cost: eur/hour
  cites "Rekenkamer Barendrecht 2017, noot 112 (afgeleid: 27 / 0,60)"
  label "Kostprijs goedkoopste adequate voorziening in natura"
  valid 2015-01-01 .. 2016-12-31 = 44.00 eur/hour
  valid 2017-01-01 .. 2017-12-31 = 45.00 eur/hour

rule informal_cap: eur/hour
  cites "Beleidsregels Jeugdhulp 2015 §2.12.1"
  label "Maximaal uurtarief informele zorg"
  label_en "Maximum hourly rate for informal care"
  = round(informal_share * in_kind_cost, 0.01, half_up)

rule hourly_rate: eur/hour
  cites "Beleidsregels Jeugdhulp 2015 §2.12.1"
  label "Uurtarief pgb"
  = if request.provider == informal
      then min(request.rate, informal_cap)
      else min(request.rate, in_kind_cost)

rule age: years
  cites "CIZ-protocol gebruikelijke zorg" label "Leeftijd op de besluitdatum"
  = age_on(client.birth_date, decision_date)

rule hours_per_week: hours/week
  cites "Beleidsregels Jeugdhulp 2015 §2.13" label "Uren boven gebruikelijke zorg"
  = max(need(begeleiding) - customary_care(begeleiding, age), 0 hours/week)
    + max(need(toezicht) - customary_care(toezicht, age), 0 hours/week)

rule budget_per_year: eur/year
  cites "Beleidsregels Jeugdhulp 2015 §2.12" label "Budget per jaar"
  = hourly_rate * hours_per_week * weeks_per_year

refusal no_need
  cites "Beleidsregels Jeugdhulp 2015 §2.13"
  label "Geen zorg nodig boven de gebruikelijke zorg"
  when hours_per_week <= 0 hours/week

provision begeleiding_individueel
  cites "Beleidsregels Jeugdhulp 2015 §2.12" label "Individuele begeleiding"
  kind begeleiding
  category "45" product "45A07" unit_code "04" frequency "2"
  quantity = hours_per_week
  rate = hourly_rate
  budget = budget_per_year
)RULES";

/// Writes both packages under national/ and barendrecht/.
inline void write_barendrecht(RulesDir const& dir) {
    dir.write("national/jeugdwet.rules", national_rules);
    dir.write("barendrecht/jeugd.rules", barendrecht_rules);
}

/// The audit's example: informal begeleiding, €16/h asked, 14 h/week assessed.
inline Case barendrecht_case() {
    Case c = make_case();
    Request r;
    r.provision = "begeleiding_individueel";
    r.form = "pgb";
    r.provider = "informal";
    r.rate = qty("16.00", "eur/hour");
    r.need.push_back({std::nullopt, qty("14", "hours/week")});
    r.facts["pgb_capable"] = true;
    c.requests.push_back(r);
    return c;
}

/// The explanation node named `name` anywhere below `root` (depth first), or nullptr.
inline Explanation const* node(Explanation const& root, std::string const& name) {
    if (root.name == name)
        return &root;
    for (auto const& in : root.inputs)
        if (auto const* found = node(in, name))
            return found;
    return nullptr;
}

} // namespace billijk::test
