// Oegstgeest (CBS GM0579): the monthly PGB amounts for household support (huishoudelijke
// ondersteuning, HO) of the Financieel besluit Wmo 2023, as a plugin.
//
// Source: Financieel besluit Wmo 2023 Oegstgeest (shared/domain/regulations/oegstgeest-2023.md).
// One table per provider type (informal, zzp, institution), keyed by product, because a tariff
// table takes one text key and the rule language cannot turn a provider type into text. The
// amounts are transitional: they apply until re-indication, at the latest until 2023-12-31, so
// every row ends on 2023-12-31; a later reference date finds no row (undetermined). That they
// start on 2023-01-01 is assumed from the besluit's year. See README.md.
#include "billijk_embedded_rules.hpp" // the rule package (billijk_add_plugin RULES)
#include "billijk_plugin.hpp"

namespace sdk = billijk::sdk;

namespace {

#define OEGSTGEEST_BESLUIT                                                                         \
    "Financieel besluit Wmo 2023 Oegstgeest, pgb-bedragen huishoudelijke ondersteuning per "       \
    "maand (overgangstarief tot herindicatie, uiterlijk tot en met 2023-12-31; ingang "            \
    "2023-01-01 aangenomen): "

constexpr billijk_tariff_row informal_rows[] = {
    sdk::row("ho_midden", "2023-01-01", "2023-12-31", "150.50",
             OEGSTGEEST_BESLUIT "HO Midden, informele hulp, 150,50 euro"),
    sdk::row("ho_zwaar", "2023-01-01", "2023-12-31", "247.50",
             OEGSTGEEST_BESLUIT "HO Zwaar, informele hulp, 247,50 euro"),
};

constexpr billijk_tariff_row zzp_rows[] = {
    sdk::row("ho_midden", "2023-01-01", "2023-12-31", "179.00",
             OEGSTGEEST_BESLUIT "HO Midden, zzp'er, 179,00 euro"),
    sdk::row("ho_zwaar", "2023-01-01", "2023-12-31", "294.50",
             OEGSTGEEST_BESLUIT "HO Zwaar, zzp'er, 294,50 euro"),
};

constexpr billijk_tariff_row institution_rows[] = {
    sdk::row("ho_midden", "2023-01-01", "2023-12-31", "292.50",
             OEGSTGEEST_BESLUIT "HO Midden, instelling, 292,50 euro"),
    sdk::row("ho_zwaar", "2023-01-01", "2023-12-31", "480.50",
             OEGSTGEEST_BESLUIT "HO Zwaar, instelling, 480,50 euro"),
};

#undef OEGSTGEEST_BESLUIT

constexpr billijk_tariff_table tables[] = {
    sdk::table("ho_pgb_informal", "eur/month", informal_rows,
               "Financieel besluit Wmo 2023 Oegstgeest",
               "Pgb-bedrag per maand huishoudelijke ondersteuning bij informele hulp "
               "(overgangstarief)",
               "PGB amount per month for household support by an informal helper (transitional "
               "tariff)"),
    sdk::table("ho_pgb_zzp", "eur/month", zzp_rows, "Financieel besluit Wmo 2023 Oegstgeest",
               "Pgb-bedrag per maand huishoudelijke ondersteuning bij een zzp'er "
               "(overgangstarief)",
               "PGB amount per month for household support by a self-employed helper "
               "(transitional tariff)"),
    sdk::table("ho_pgb_institution", "eur/month", institution_rows,
               "Financieel besluit Wmo 2023 Oegstgeest",
               "Pgb-bedrag per maand huishoudelijke ondersteuning bij een instelling "
               "(overgangstarief)",
               "PGB amount per month for household support by an institution (transitional "
               "tariff)"),
};

} // namespace

BILLIJK_PLUGIN(sdk::plugin("GM0579", "Oegstgeest", "2023.1")
                   .with_tables(tables)
                   .with_rule_sources(billijk_embedded::rule_sources))
