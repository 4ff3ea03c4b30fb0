// Maastricht (CBS GM0935): the municipality's tariffs for Wmo collective transport (Omnibuzz).
//
// Source: Besluit maatschappelijke ondersteuning Maastricht art. 16, as amended on 14-12-2021
// (gmb-2021-470974): from 2022-01-01 the client pays EUR 0.86 per zone, indexed every 1 January
// with the NEA index. Our sources give neither the index figures nor the indexed amounts, so the
// only row ends on 2022-12-31: a ride from 2023-01-01 finds no tariff and is undetermined, never
// priced at the 2022 amount. The zone limits (590 zones per calendar year, 5 zones per ride) are
// policy, not tariffs, and stay parameters of plugins/maastricht/rules/vervoer.rules. See
// README.md.
#include "billijk_embedded_rules.hpp" // the rule package (billijk_add_plugin RULES)
#include "billijk_plugin.hpp"

namespace sdk = billijk::sdk;

namespace {

constexpr billijk_tariff_row zone_fare_rows[] = {
    sdk::row("client", "2022-01-01", "2022-12-31", "0.86",
             "Besluit maatschappelijke ondersteuning Maastricht art. 16, wijziging van "
             "14-12-2021 (gmb-2021-470974): EUR 0,86 per zone vanaf 2022-01-01; per 1 januari "
             "geïndexeerd met de NEA-index (latere bedragen niet in onze bronnen)"),
};

constexpr billijk_tariff_table tables[] = {
    sdk::table("zone_fare", "eur/zone", zone_fare_rows,
               "Besluit maatschappelijke ondersteuning Maastricht art. 16 (gmb-2021-470974)",
               "Eigen bijdrage per zone collectief vervoer (alleen het bedrag voor 2022 is "
               "bekend; de jaarlijkse NEA-indexatie ontbreekt)",
               "Client fare per zone of collective transport (only the 2022 amount is known; the "
               "yearly NEA indexation is missing)"),
};

// plugins/maastricht/rules/vervoer.rules calls zone_fare("client").

} // namespace

BILLIJK_PLUGIN(sdk::plugin("GM0935", "Maastricht", "2022.1")
                   .with_tables(tables)
                   .with_rule_sources(billijk_embedded::rule_sources))
