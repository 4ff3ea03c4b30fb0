// Haarlem (CBS GM0392): the municipality's plugin for the Wmo 2015, so far without tariffs.
//
// Haarlem executes the Wmo for itself and for Zandvoort (GM0473); each council adopts its own
// regulations, hence two plugins. Source of the policy: letter of the Haarlem and Zandvoort
// aldermen to their councils, 22-02-2016, section 2g-2h (shared/domain/regulations/
// haarlem-zandvoort.md). Our sources give no money amount that Haarlem sets and the rules use:
// the in-kind cost prices are facts of the case (Haarlem's tariff list is not in our sources),
// 350 zones per year and the 90% compensation are policy (parameters of
// rules/regional/haarlem_zandvoort.rules), and the 2014 OV-taxi fares (EUR 1.30 per zone, EUR
// 3.50 for 5 zones, from February 2014) predate the Wmo 2015 package and price no provision. So
// this plugin registers GM0392 with its name and version and carries no table yet; README.md
// lists what would go here and why it does not yet.
#include "billijk_embedded_rules.hpp" // the rule package (billijk_add_plugin RULES)
#include "billijk_plugin.hpp"

namespace sdk = billijk::sdk;

// plugins/haarlem/rules/wmo.rules calls no table of this plugin.

BILLIJK_PLUGIN(
    sdk::plugin("GM0392", "Haarlem", "2015.1").with_rule_sources(billijk_embedded::rule_sources))
