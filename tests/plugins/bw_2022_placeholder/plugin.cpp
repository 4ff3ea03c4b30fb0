// PLACEHOLDER plugin for the beschermd wonen 2022 package (rules/regional/bw_2022.rules): the
// centrumgemeente that published gmb-2021-482859 is not known, so its CBS code is not either.
// GM9022 is no municipality's code. This plugin exists only so that tests/golden/bw_2022/ can run
// the shared package end to end; it is built into build/tests/plugins/placeholders/, which only
// the golden tests put on the search path, never into build/plugins. When the municipality is
// known, its own plugin (plugins/<gemeente>/) takes this rule file with the real code.
#include "billijk_embedded_rules.hpp" // placeholder.rules (billijk_add_plugin RULES)
#include "billijk_plugin.hpp"

namespace sdk = billijk::sdk;

BILLIJK_PLUGIN(sdk::plugin("GM9022", "PLAATSHOUDER beschermd wonen 2022", "2022.0")
                   .with_rule_sources(billijk_embedded::rule_sources))
