// Altena (CBS GM1959): the municipality's Wmo PGB tariffs, as a plugin.
//
// Source: loketaltena.nl, page "Wmo tarieven PGB" (shared/domain/regulations/altena.md). The page
// shows no year. Every row is therefore valid from 2019-01-01, the day the municipality of Altena
// was formed (Aalburg, Werkendam and Woudrichem), without an end date, and every row's citation
// says that the year is not shown: an explanation that quotes a tariff also says so. See
// README.md. The social-network tariff (Verordening art. 10 lid 5: 40% / 25% below the PGB
// tariff) is computed in plugins/altena/rules/wmo.rules, not stored here.
#include "billijk_embedded_rules.hpp" // the rule package (billijk_add_plugin RULES)
#include "billijk_plugin.hpp"

namespace sdk = billijk::sdk;

namespace {

#define ALTENA_PAGE                                                                                \
    "loketaltena.nl, Wmo tarieven PGB (jaar niet vermeld op de pagina; "                           \
    "geldig vanaf 2019-01-01 aangenomen, zonder einddatum): "

// Begeleiding licht and midden: a fixed amount per four weeks.
constexpr billijk_tariff_row fourweekly_rows[] = {
    sdk::row("begeleiding_licht", "2019-01-01", nullptr, "344.13",
             ALTENA_PAGE "Begeleiding licht, 344,13 euro per 4 weken"),
    sdk::row("begeleiding_midden", "2019-01-01", nullptr, "1032.39",
             ALTENA_PAGE "Begeleiding midden, 1.032,39 euro per 4 weken"),
};

// Begeleiding zwaar: an amount per unit, the number of units on the basis of a quote.
constexpr billijk_tariff_row per_unit_rows[] = {
    sdk::row("begeleiding_zwaar", "2019-01-01", nullptr, "43.35",
             ALTENA_PAGE "Begeleiding zwaar, 43,35 euro per eenheid (op basis van een offerte)"),
};

// Household help (HbH) 1 and 2: the PGB tariff per hour.
constexpr billijk_tariff_row hourly_rows[] = {
    sdk::row("hbh_1", "2019-01-01", nullptr, "16.30", ALTENA_PAGE "HbH 1, 16,30 euro per uur"),
    sdk::row("hbh_2", "2019-01-01", nullptr, "20.19", ALTENA_PAGE "HbH 2, 20,19 euro per uur"),
};

// Household help: the PGB+ hourly wage the page gives next to each PGB tariff.
constexpr billijk_tariff_row pgb_plus_rows[] = {
    sdk::row("hbh_1", "2019-01-01", nullptr, "14.80", ALTENA_PAGE "HbH 1, uurloon PGB+ 14,80 euro"),
    sdk::row("hbh_2", "2019-01-01", nullptr, "19.88", ALTENA_PAGE "HbH 2, uurloon PGB+ 19,88 euro"),
};

// Transport with begeleiding: an amount per day, higher when a wheelchair is transported.
constexpr billijk_tariff_row daily_rows[] = {
    sdk::row("vervoer_begeleiding", "2019-01-01", nullptr, "5.10",
             ALTENA_PAGE "Vervoer bij begeleiding, 5,10 euro per dag"),
    sdk::row("vervoer_begeleiding_rolstoel", "2019-01-01", nullptr, "15.30",
             ALTENA_PAGE "Vervoer bij begeleiding, rolstoelvervoer 15,30 euro per dag"),
};

#undef ALTENA_PAGE

constexpr billijk_tariff_table tables[] = {
    sdk::table("pgb_tariff_fourweekly", "eur/fourweeks", fourweekly_rows,
               "loketaltena.nl, Wmo tarieven PGB (jaar niet vermeld)",
               "Pgb-tarief per 4 weken (begeleiding licht en midden; jaar niet vermeld)",
               "PGB tariff per 4 weeks (guidance light and medium; year not shown)"),
    sdk::table("pgb_tariff_per_unit", "eur", per_unit_rows,
               "loketaltena.nl, Wmo tarieven PGB (jaar niet vermeld)",
               "Pgb-tarief per eenheid (begeleiding zwaar, op basis van een offerte; jaar niet "
               "vermeld)",
               "PGB tariff per unit (guidance heavy, on the basis of a quote; year not shown)"),
    sdk::table("pgb_tariff_hourly", "eur/hour", hourly_rows,
               "loketaltena.nl, Wmo tarieven PGB (jaar niet vermeld)",
               "Pgb-tarief per uur hulp bij het huishouden (jaar niet vermeld)",
               "PGB tariff per hour of household help (year not shown)"),
    sdk::table("pgb_plus_hourly_wage", "eur/hour", pgb_plus_rows,
               "loketaltena.nl, Wmo tarieven PGB (jaar niet vermeld)",
               "Uurloon PGB+ hulp bij het huishouden (jaar niet vermeld)",
               "PGB+ hourly wage for household help (year not shown)"),
    sdk::table("transport_tariff_daily", "eur/day", daily_rows,
               "loketaltena.nl, Wmo tarieven PGB (jaar niet vermeld)",
               "Pgb-tarief per dag vervoer bij begeleiding (jaar niet vermeld)",
               "PGB tariff per day of transport with guidance (year not shown)"),
};

} // namespace

BILLIJK_PLUGIN(sdk::plugin("GM1959", "Altena", "1.0")
                   .with_tables(tables)
                   .with_rule_sources(billijk_embedded::rule_sources))
