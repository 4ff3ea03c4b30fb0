// Barendrecht (CBS GM0489): the municipality's tariffs for the Jeugdwet PGB, as a plugin.
//
// Source: Beleidsregels Jeugdhulp Barendrecht 2015 §2.12.1 (informal care at most 60% of the
// cost price of the cheapest adequate provision in kind) and the Rekenkamer Barendrecht report
// (2017), section "indicatiestelling PGB jeugdhulp", which gives €27/h as the informal maximum;
// the in-kind cost price is derived from it: 27 / 0.60 = 45.00 eur/hour. See README.md.
#include "billijk_embedded_rules.hpp" // the rule package (billijk_add_plugin RULES)
#include "billijk_plugin.hpp"

namespace sdk = billijk::sdk;

namespace {

constexpr billijk_tariff_row in_kind_cost_rows[] = {
    sdk::row("begeleiding_individueel", "2015-01-01", "2017-12-31", "45.00",
             "Rekenkamer Barendrecht 2017, indicatiestelling PGB jeugdhulp: maximum 27 euro per "
             "uur voor informele zorg (afgeleid: 27 / 0,60 = 45,00)"),
};

constexpr billijk_tariff_table tables[] = {
    sdk::table("in_kind_cost", "eur/hour", in_kind_cost_rows,
               "Beleidsregels Jeugdhulp Barendrecht 2015 §2.12.1; bedragen afgeleid uit het "
               "rapport van de Rekenkamer Barendrecht 2017",
               "Kostprijs van de goedkoopste adequate voorziening in natura (afgeleid uit het "
               "rekenkamerrapport)",
               "Cost price of the cheapest adequate provision in kind (derived from the audit "
               "report)"),
};

// plugins/barendrecht/rules/jeugd.rules calls in_kind_cost(request.provision) (overriding the BAR
// regional layer's in_kind_price, rules/regional/bar.rules).

} // namespace

BILLIJK_PLUGIN(sdk::plugin("GM0489", "Barendrecht", "2015.1")
                   .with_tables(tables)
                   .with_rule_sources(billijk_embedded::rule_sources))
