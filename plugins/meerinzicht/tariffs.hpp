// Meerinzicht (Emmen GM0114, Coevorden GM0109, Borger-Odoorn GM1681): the Wmo tariffs 2023 that
// the three municipalities share, as tariff tables for their plugins.
//
// Meerinzicht executes the Wmo for the three councils with one tariff list, so the three plugins
// (emmen.cpp, coevorden.cpp, borger_odoorn.cpp) are built from this one header: each adds only
// its CBS code, name and version. The rules that use these tables are in
// rules/regional/meerinzicht.rules (the shared policy) and rules/<municipality>/wmo.rules.
//
// Source of every amount: meerinzicht.nl, "Tarieven Wmo zorg in natura en PGB" (2023), as
// summarised in shared/domain/regulations/meerinzicht-2023.md. The sheet says "2023" and gives
// no dates; every row is therefore valid 2023-01-01 .. 2023-12-31 (assumed: the calendar year).
// Only amounts the sheet lists are here: the zzp (75%) and the household-help social-network
// (50%) rates are percentages of these amounts and are computed in the rules, half-up to cents.
#pragma once

#include "billijk_plugin.hpp"

namespace meerinzicht {

namespace sdk = billijk::sdk;

inline constexpr char const* from_2023 = "2023-01-01";
inline constexpr char const* to_2023 = "2023-12-31";

/// In-kind tariff (ZIN and PGB from a professional provider, 100%) per hour, by product.
constexpr billijk_tariff_row in_kind_hour_rows[] = {
    sdk::row("hulp_bij_het_huishouden", from_2023, to_2023, "31.80",
             "Meerinzicht, Tarieven Wmo zorg in natura en PGB 2023: Hulp bij het huishouden, "
             "per uur, ZIN & PGB professioneel"),
    sdk::row("begeleiding_individueel_regulier", from_2023, to_2023, "66.00",
             "Meerinzicht, Tarieven Wmo zorg in natura en PGB 2023: Begeleiding individueel "
             "regulier, per uur, ZIN & PGB professioneel"),
    sdk::row("begeleiding_individueel_specialistisch", from_2023, to_2023, "73.80",
             "Meerinzicht, Tarieven Wmo zorg in natura en PGB 2023: Begeleiding individueel "
             "specialistisch, per uur, ZIN & PGB professioneel"),
    sdk::row("begeleiding_individueel_waakvlam", from_2023, to_2023, "66.00",
             "Meerinzicht, Tarieven Wmo zorg in natura en PGB 2023: Begeleiding individueel "
             "waakvlam, per uur, ZIN & PGB professioneel"),
    sdk::row("begeleiding_groep_regulier", from_2023, to_2023, "9.60",
             "Meerinzicht, Tarieven Wmo zorg in natura en PGB 2023: Begeleiding groep regulier, "
             "per uur, ZIN & PGB professioneel"),
    sdk::row("begeleiding_groep_arbeidsmatig", from_2023, to_2023, "12.60",
             "Meerinzicht, Tarieven Wmo zorg in natura en PGB 2023: Begeleiding groep "
             "arbeidsmatig, per uur, ZIN & PGB professioneel"),
};

/// In-kind tariff per etmaal (24 hours), by product.
constexpr billijk_tariff_row in_kind_etmaal_rows[] = {
    sdk::row("logeeropvang_verblijf_all_in", from_2023, to_2023, "255.47",
             "Meerinzicht, Tarieven Wmo zorg in natura en PGB 2023: Logeeropvang verblijf "
             "all-in, per etmaal, ZIN & PGB professioneel"),
    sdk::row("logeeropvang_verblijf", from_2023, to_2023, "180.29",
             "Meerinzicht, Tarieven Wmo zorg in natura en PGB 2023: Logeeropvang verblijf, per "
             "etmaal, ZIN & PGB professioneel"),
};

/// Fixed social-network amount per hour. Household help has none (50% of the in-kind tariff);
/// group guidance has none ("not available").
constexpr billijk_tariff_row network_hour_rows[] = {
    sdk::row("begeleiding_individueel_regulier", from_2023, to_2023, "20.00",
             "Meerinzicht, Tarieven Wmo zorg in natura en PGB 2023: Begeleiding individueel "
             "regulier, sociaal netwerk vast bedrag per uur"),
    sdk::row("begeleiding_individueel_specialistisch", from_2023, to_2023, "20.00",
             "Meerinzicht, Tarieven Wmo zorg in natura en PGB 2023: Begeleiding individueel "
             "specialistisch, sociaal netwerk vast bedrag per uur"),
    sdk::row("begeleiding_individueel_waakvlam", from_2023, to_2023, "20.00",
             "Meerinzicht, Tarieven Wmo zorg in natura en PGB 2023: Begeleiding individueel "
             "waakvlam, sociaal netwerk vast bedrag per uur"),
};

/// Fixed social-network amount per etmaal.
constexpr billijk_tariff_row network_etmaal_rows[] = {
    sdk::row("logeeropvang_verblijf_all_in", from_2023, to_2023, "30.00",
             "Meerinzicht, Tarieven Wmo zorg in natura en PGB 2023: Logeeropvang verblijf "
             "all-in, sociaal netwerk vast bedrag per etmaal"),
    sdk::row("logeeropvang_verblijf", from_2023, to_2023, "30.00",
             "Meerinzicht, Tarieven Wmo zorg in natura en PGB 2023: Logeeropvang verblijf, "
             "sociaal netwerk vast bedrag per etmaal"),
};

/// Transport to group guidance, per trip, by distance band and wheelchair (professional and
/// zzp only). Keys: the band the rules' table vervoer_tariefsleutel picks.
constexpr billijk_tariff_row transport_ride_rows[] = {
    sdk::row("tot_9_km", from_2023, to_2023, "14.51",
             "Meerinzicht, Tarieven Wmo zorg in natura en PGB 2023: vervoer naar begeleiding "
             "groep, tot 9 km, per rit"),
    sdk::row("tot_9_km_rolstoel", from_2023, to_2023, "23.86",
             "Meerinzicht, Tarieven Wmo zorg in natura en PGB 2023: vervoer naar begeleiding "
             "groep, tot 9 km, rolstoel, per rit"),
    sdk::row("km_10_25", from_2023, to_2023, "30.18",
             "Meerinzicht, Tarieven Wmo zorg in natura en PGB 2023: vervoer naar begeleiding "
             "groep, 10-25 km, per rit"),
    sdk::row("km_10_25_rolstoel", from_2023, to_2023, "38.03",
             "Meerinzicht, Tarieven Wmo zorg in natura en PGB 2023: vervoer naar begeleiding "
             "groep, 10-25 km, rolstoel, per rit"),
};

inline constexpr char const* sheet =
    "Meerinzicht, Tarieven Wmo zorg in natura en PGB 2023 (meerinzicht.nl); geldig 2023-01-01 "
    "t/m 2023-12-31 (aangenomen: het blad noemt alleen 2023)";

/// The tables every Meerinzicht plugin supplies. Names differ from every rule of the regional
/// layer, which reaches them through the overrides in rules/<municipality>/wmo.rules.
constexpr billijk_tariff_table tables[] = {
    sdk::table("tarief_natura_uur", "eur/hour", in_kind_hour_rows, sheet,
               "Tarief zorg in natura en pgb professioneel (100%) per uur",
               "Tariff in kind and PGB professional (100%) per hour"),
    sdk::table("tarief_natura_etmaal", "eur/etmaal", in_kind_etmaal_rows, sheet,
               "Tarief zorg in natura en pgb professioneel (100%) per etmaal",
               "Tariff in kind and PGB professional (100%) per etmaal (24 hours)"),
    sdk::table("tarief_netwerk_uur", "eur/hour", network_hour_rows, sheet,
               "Vast bedrag pgb sociaal netwerk per uur",
               "Fixed PGB amount for the social network per hour"),
    sdk::table("tarief_netwerk_etmaal", "eur/etmaal", network_etmaal_rows, sheet,
               "Vast bedrag pgb sociaal netwerk per etmaal",
               "Fixed PGB amount for the social network per etmaal (24 hours)"),
    sdk::table("tarief_vervoer_rit", "eur/ride", transport_ride_rows, sheet,
               "Tarief vervoer naar begeleiding groep per rit (professioneel)",
               "Tariff for transport to group guidance per trip (professional)"),
};

} // namespace meerinzicht
