// Someren (CBS GM0847): the municipality's Wmo PGB tariffs 2023-2024, as a plugin.
//
// Source: zosomeren.nl, "PGB tarieven 2023" (household support, begeleiding individueel and
// groep), with the 2024 household-support steps of the cao VVT (HBH 5) that Someren applies
// (shared/domain/regulations/someren.md and national.md). Every row cites its source; rows that
// are our arithmetic or an assumption say "afgeleid" or "aangenomen". See README.md.
//
// The rule package plugins/someren/rules/wmo.rules picks the row keys; the amounts live here only.
#include "billijk_embedded_rules.hpp" // the rule package (billijk_add_plugin RULES)
#include "billijk_plugin.hpp"

namespace sdk = billijk::sdk;

namespace {

constexpr char const* src_2023 = "zosomeren.nl, PGB tarieven 2023";
constexpr char const* src_ho_2024_jan =
    "zosomeren.nl, PGB tarieven: hulp bij het huishouden 2024 19,80 per uur vanaf 2024-01-01 "
    "(treden cao VVT HBH 5 na CRvB 16-08-2023)";
constexpr char const* src_ho_2024_mar =
    "zosomeren.nl, PGB tarieven: hulp bij het huishouden 2024 20,39 per uur vanaf 2024-03-01 "
    "(treden cao VVT HBH 5 na CRvB 16-08-2023)";
constexpr char const* src_ho_2024_oct =
    "zosomeren.nl, PGB tarieven: hulp bij het huishouden 2024 20,99 per uur vanaf 2024-10-01 "
    "(treden cao VVT HBH 5 na CRvB 16-08-2023)";
constexpr char const* src_beg = "zosomeren.nl, PGB tarieven 2023 (bedragen 2023/2024)";

// Household support: the PGB hourly rate (2023: 125% of the minimum wage, informal; 2024: the
// cao VVT steps). Used for PGBs still calculated in hours (set before 2018-01-01).
constexpr billijk_tariff_row ho_hourly_rows[] = {
    sdk::row("uur", "2023-01-01", "2023-12-31", "16.48",
             "zosomeren.nl, PGB tarieven 2023: hulp bij het huishouden informeel, 125% van het "
             "minimumloon = 16,48 per uur"),
    sdk::row("uur", "2024-01-01", "2024-02-29", "19.80", src_ho_2024_jan),
    sdk::row("uur", "2024-03-01", "2024-09-30", "20.39", src_ho_2024_mar),
    sdk::row("uur", "2024-10-01", "2024-12-31", "20.99", src_ho_2024_oct),
};

// Household support: euro per point per year (points x factor = annual budget). 2023 is on the
// sheet; for 2024 the sheet says only "indexed like the PGB tariff", so the factor follows the
// hourly steps (derived).
constexpr billijk_tariff_row ho_point_factor_rows[] = {
    sdk::row("punt", "2023-01-01", "2023-12-31", "16.48",
             "zosomeren.nl, PGB tarieven 2023: punten x factor 16,48 = jaarbudget"),
    sdk::row("punt", "2024-01-01", "2024-02-29", "19.80",
             "zosomeren.nl: factor geïndexeerd zoals het pgb-tarief (afgeleid: gelijk aan het "
             "uurtarief 2024 vanaf 2024-01-01, 19,80)"),
    sdk::row("punt", "2024-03-01", "2024-09-30", "20.39",
             "zosomeren.nl: factor geïndexeerd zoals het pgb-tarief (afgeleid: gelijk aan het "
             "uurtarief vanaf 2024-03-01, 20,39)"),
    sdk::row("punt", "2024-10-01", "2024-12-31", "20.99",
             "zosomeren.nl: factor geïndexeerd zoals het pgb-tarief (afgeleid: gelijk aan het "
             "uurtarief vanaf 2024-10-01, 20,99)"),
};

// Household support: annual maxima per profile, 2023 only (2024 maxima are not in our sources).
constexpr billijk_tariff_row ho_annual_max_rows[] = {
    sdk::row("basis", "2023-01-01", "2023-12-31", "3471.21",
             "zosomeren.nl, PGB tarieven 2023: hulp bij het huishouden Basis, maximaal per jaar"),
    sdk::row("plus", "2023-01-01", "2023-12-31", "4049.79",
             "zosomeren.nl, PGB tarieven 2023: hulp bij het huishouden Plus (incl. wasverzorging), "
             "maximaal per jaar"),
    sdk::row("extra", "2023-01-01", "2023-12-31", "6942.41",
             "zosomeren.nl, PGB tarieven 2023: hulp bij het huishouden Extra, maximaal per jaar"),
};

constexpr billijk_tariff_row meal_rows[] = {
    sdk::row("maaltijd", "2023-01-01", "2023-12-31", "10.78",
             "zosomeren.nl, PGB tarieven 2023: maaltijdbereiding 10,78 per maaltijd"),
};

// Begeleiding: hourly tariffs. The sheet gives them for "2023/2024".
constexpr billijk_tariff_row begeleiding_rate_rows[] = {
    sdk::row("individueel", "2023-01-01", "2024-12-31", "62.00",
             "zosomeren.nl, PGB tarieven 2023: begeleiding individueel 62,00 per uur (2023/2024)"),
    sdk::row("individueel_bijzonder", "2023-01-01", "2024-12-31", "62.14",
             "zosomeren.nl, PGB tarieven 2023: begeleiding individueel boven 8 uur per week, "
             "bijzondere regeling 62,14 per uur zonder maximum (2023/2024)"),
    sdk::row("groep", "2023-01-01", "2024-12-31", "66.68",
             "zosomeren.nl, PGB tarieven 2023: begeleiding groep 66,68 per uur (2023/2024)"),
};

// Begeleiding: annual maxima per band (key = the band the rule package's decision table picks).
constexpr billijk_tariff_row begeleiding_max_rows[] = {
    sdk::row("individueel_regulier_1_2", "2023-01-01", "2024-12-31", "4507.44",
             "zosomeren.nl, PGB tarieven 2023: begeleiding individueel regulier 1-2 uur per week, "
             "maximaal per jaar"),
    sdk::row("individueel_regulier_2_4", "2023-01-01", "2024-12-31", "7812.84",
             "zosomeren.nl, PGB tarieven 2023: begeleiding individueel regulier 2-4 uur per week, "
             "maximaal per jaar"),
    sdk::row("individueel_regulier_4_8", "2023-01-01", "2024-12-31", "18029.64",
             "zosomeren.nl, PGB tarieven 2023: begeleiding individueel regulier 4-8 uur per week, "
             "maximaal per jaar"),
    sdk::row("individueel_extra_1_2", "2023-01-01", "2024-12-31", "5810.52",
             "zosomeren.nl, PGB tarieven 2023: begeleiding individueel extra 1-2 uur per week, "
             "maximaal per jaar"),
    sdk::row("individueel_extra_2_4", "2023-01-01", "2024-12-31", "9684.36",
             "zosomeren.nl, PGB tarieven 2023: begeleiding individueel extra 2-4 uur per week, "
             "maximaal per jaar"),
    sdk::row("individueel_extra_4_8", "2023-01-01", "2024-12-31", "22080.12",
             "zosomeren.nl, PGB tarieven 2023: begeleiding individueel extra 4-8 uur per week, "
             "maximaal per jaar"),
    sdk::row("groep_regulier_1_2", "2023-01-01", "2024-12-31", "4848.24",
             "zosomeren.nl, PGB tarieven 2023: begeleiding groep regulier 1-2 uur per week, "
             "maximaal per jaar"),
    sdk::row("groep_regulier_2_4", "2023-01-01", "2024-12-31", "8403.48",
             "zosomeren.nl, PGB tarieven 2023: begeleiding groep regulier 2-4 uur per week, "
             "maximaal per jaar"),
};

constexpr billijk_tariff_table tables[] = {
    sdk::table("ho_hourly_rate", "eur/hour", ho_hourly_rows, src_2023,
               "Uurtarief pgb hulp bij het huishouden (voor pgb's die in uren worden berekend)",
               "PGB hourly rate for household support (for PGBs calculated in hours)"),
    sdk::table("ho_point_factor", "eur/year", ho_point_factor_rows, src_2023,
               "Factor hulp bij het huishouden: euro per punt per jaar",
               "Household support factor: euro per point per year"),
    sdk::table("ho_annual_max", "eur/year", ho_annual_max_rows, src_2023,
               "Maximum pgb hulp bij het huishouden per jaar, per profiel",
               "Maximum PGB for household support per year, per profile"),
    sdk::table("meal_rate", "eur/meal", meal_rows, src_2023,
               "Tarief maaltijdbereiding per maaltijd", "Rate for meal preparation per meal"),
    sdk::table("begeleiding_rate", "eur/hour", begeleiding_rate_rows, src_beg,
               "Uurtarief pgb begeleiding", "PGB hourly rate for guidance"),
    sdk::table("begeleiding_max", "eur/year", begeleiding_max_rows, src_beg,
               "Maximum pgb begeleiding per jaar, per band",
               "Maximum PGB for guidance per year, per band"),
};

} // namespace

BILLIJK_PLUGIN(sdk::plugin("GM0847", "Someren", "2024.1")
                   .with_tables(tables)
                   .with_rule_sources(billijk_embedded::rule_sources))
