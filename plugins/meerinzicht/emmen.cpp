// Emmen (CBS GM0114): the Wmo tariffs 2023 of Meerinzicht, the organisation that executes the Wmo
// for Emmen, Coevorden and Borger-Odoorn. The tables are shared (tariffs.hpp, every row citing the
// Meerinzicht tariff list 2023); this file adds only the municipality's code, name and version,
// so that plugins/meerinzicht/rules/emmen/wmo.rules (municipality GM0114) sees them. See README.md.
#include "billijk_embedded_rules.hpp" // the rule package (billijk_add_plugin RULES)
#include "tariffs.hpp"

BILLIJK_PLUGIN(meerinzicht::sdk::plugin("GM0114", "Emmen", "2023.1")
                   .with_tables(meerinzicht::tables)
                   .with_rule_sources(billijk_embedded::rule_sources))
