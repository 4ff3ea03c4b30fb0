// De Ronde Venen (CBS GM0736): the municipality's in-kind maximum tariffs 2023 for the Wmo, as a
// plugin.
//
// Source: the municipality's PGB page (gemeente.derondevenen.nl, "Persoonsgebonden budget"),
// table "Maximale tarieven zorg in natura 2023", as excerpted in
// shared/domain/regulations/de-ronde-venen-2023.md. The published table continues beyond these
// rows; only the rows in our excerpt are encoded. The PGB rates (90% / 75% / 50% of these
// tariffs, the informal caps, rounding half-up to cents) are rules, in
// plugins/de_ronde_venen/rules/wmo.rules. See README.md.
#include "billijk_embedded_rules.hpp" // the rule package (billijk_add_plugin RULES)
#include "billijk_plugin.hpp"

namespace sdk = billijk::sdk;

namespace {

constexpr char const* source_page = "Gemeente De Ronde Venen, Persoonsgebonden budget, tabel "
                                    "maximale tarieven zorg in natura 2023";

// Per hour. Group guidance excludes transport ("excl. vervoer"), per the published row.
constexpr billijk_tariff_row in_kind_tariff_rows[] = {
    sdk::row("huishoudelijke_hulp_hh1", "2023-01-01", "2023-12-31", "32.85",
             "Gemeente De Ronde Venen, tarieven zorg in natura 2023: Huishoudelijke hulp HH1, per "
             "uur"),
    sdk::row("begeleiding_groep_licht", "2023-01-01", "2023-12-31", "8.38",
             "Gemeente De Ronde Venen, tarieven zorg in natura 2023: Begeleiding groep licht "
             "(excl. vervoer), per uur"),
    sdk::row("begeleiding_groep_middel", "2023-01-01", "2023-12-31", "12.93",
             "Gemeente De Ronde Venen, tarieven zorg in natura 2023: Begeleiding groep middel, per "
             "uur"),
    sdk::row("begeleiding_groep_zwaar", "2023-01-01", "2023-12-31", "21.18",
             "Gemeente De Ronde Venen, tarieven zorg in natura 2023: Begeleiding groep zwaar, per "
             "uur"),
    sdk::row("begeleiding_individueel_licht", "2023-01-01", "2023-12-31", "56.40",
             "Gemeente De Ronde Venen, tarieven zorg in natura 2023: Begeleiding individueel "
             "licht, per uur"),
};

// Per minute: the municipality publishes these next to the hourly tariffs (0.55 and 0.94). They
// are the published figures, not derived here (32.85 / 60 = 0.5475; 56.40 / 60 = 0.94).
constexpr billijk_tariff_row in_kind_tariff_per_minute_rows[] = {
    sdk::row("huishoudelijke_hulp_hh1_minuten", "2023-01-01", "2023-12-31", "0.55",
             "Gemeente De Ronde Venen, tarieven zorg in natura 2023: Huishoudelijke hulp HH1, "
             "per minuut"),
    sdk::row("begeleiding_individueel_licht_minuten", "2023-01-01", "2023-12-31", "0.94",
             "Gemeente De Ronde Venen, tarieven zorg in natura 2023: Begeleiding individueel "
             "licht, per minuut"),
};

constexpr billijk_tariff_table tables[] = {
    sdk::table("in_kind_tariff", "eur/hour", in_kind_tariff_rows, source_page,
               "Maximaal tarief zorg in natura 2023, per uur",
               "Maximum in-kind tariff 2023, per hour"),
    sdk::table("in_kind_tariff_per_minute", "eur/minute", in_kind_tariff_per_minute_rows,
               source_page, "Maximaal tarief zorg in natura 2023, per minuut",
               "Maximum in-kind tariff 2023, per minute"),
};

// plugins/de_ronde_venen/rules/wmo.rules calls in_kind_tariff(request.provision) and
// in_kind_tariff_per_minute(request.provision).

} // namespace

BILLIJK_PLUGIN(sdk::plugin("GM0736", "De Ronde Venen", "2023.1")
                   .with_tables(tables)
                   .with_rule_sources(billijk_embedded::rule_sources))
