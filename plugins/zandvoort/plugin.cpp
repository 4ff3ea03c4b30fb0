// Zandvoort (CBS GM0473): the municipality's plugin for the Wmo 2015, so far without tariffs.
//
// Since 2015-01-01 Haarlem executes the Wmo for Zandvoort; the Zandvoort council adopts its own
// regulations, hence its own plugin. Source of the policy: letter of the Haarlem and Zandvoort
// aldermen to their councils, 22-02-2016, section 2g-2h (shared/domain/regulations/
// haarlem-zandvoort.md). Our sources give no money amount that Zandvoort sets and the rules use:
// the in-kind cost prices are facts of the case, 350 zones per year and the 90% compensation are
// policy (parameters of rules/regional/haarlem_zandvoort.rules). So this plugin registers GM0473
// with its name and version and carries no table yet; README.md says what would go here.
#include "billijk_embedded_rules.hpp" // the rule package (billijk_add_plugin RULES)
#include "billijk_plugin.hpp"

namespace sdk = billijk::sdk;

// plugins/zandvoort/rules/wmo.rules calls no table of this plugin.

BILLIJK_PLUGIN(
    sdk::plugin("GM0473", "Zandvoort", "2015.1").with_rule_sources(billijk_embedded::rule_sources))
