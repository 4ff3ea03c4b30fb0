// Indication → text in Dutch and English: exact text for a hand-built indication, unit
// translation, and byte-identical repeated output.
#include "io/explain_text.hpp"
#include "io_sample_indication.hpp"

#include <catch2/catch.hpp>

using namespace billijk;
using io::Language;

TEST_CASE("Dutch text for a hand-built indication", "[io][text]") {
    CHECK(io::write_indication_text(test::sample_indication(), Language::nl) ==
          R"TEXT(Indicatie BAR-2017-0042
Peildatum: 2017-06-01
Rekenregels:
  - barendrecht.jeugd, versie 2015-01-01..2017-12-31, sha256:9b0020f6716e7b62bfd6c79a8a94c5ea3633258fb214ac301a78d1c05e03503b
  - national.jeugdwet, versie 2015-01-01.., sha256:8652279509f3b294edb20525c4bbcb6dbd2bd1b8eecdbfbf0ad1ca933fddcbd4
Programma: billijk 0.1.0

Voorziening: Individuele begeleiding (begeleiding_individueel)
  Besluit: toegekend
  Vorm: pgb (persoonsgebonden budget)
  Omvang: 10.0 uur/week
  Tarief: 16.00 euro/uur
  Budget: 8320.00 euro/jaar
  Periode: 2017-07-01 t/m 2018-06-30
  Codes: categorie 45, product 45A07, eenheid 04
  Toelichting:
    - Individuele begeleiding: toegekend [Beleidsregels Jeugdhulp Barendrecht 2015 §2.12]
      bron: barendrecht.jeugd (gemeentelijk)
      - Uurtarief pgb: 16.00 euro/uur [Beleidsregels Jeugdhulp Barendrecht 2015 §2.12.1]
        = min(request.rate, informal_cap) = min(16.00 euro/uur, 27.00 euro/uur)
        bron: barendrecht.jeugd (gemeentelijk)
        versie geldig 2015-01-01 t/m 2017-12-31
        - Gevraagd uurtarief: 16.00 euro/uur
        - Maximaal uurtarief informele zorg: 27.00 euro/uur [Beleidsregels Jeugdhulp Barendrecht 2015 §2.12.1]
          = round(informal_share * in_kind_cost, 0.01, half_up) = round(60% * 45.00 euro/uur, 0.01, half_up)
          bron: barendrecht.jeugd (gemeentelijk)

Voorziening: vervoer
  Besluit: afgewezen
  Vorm: zorg in natura
  Periode: 2017-07-01 t/m 2018-06-30
  Redenen van afwijzing:
    - De ouders kunnen de pgb-taken niet op verantwoorde wijze uitvoeren [Jeugdwet art. 8.1.1 lid 2 sub a]
  Niet te bepalen:
    - ontbrekend gegeven request.rate
  Toelichting:
    - vervoer: afgewezen
      - De ouders kunnen de pgb-taken niet op verantwoorde wijze uitvoeren: ja [Jeugdwet art. 8.1.1 lid 2 sub a]
        = not pgb_capable = not false
        bron: national.jeugdwet (landelijk)

Vingerafdruk: sha256:44863b03e9909b7100e05b02526909a346fd7455183f6619e0fe6198c89981e0
)TEXT");
}

TEST_CASE("English text for a hand-built indication", "[io][text]") {
    CHECK(io::write_indication_text(test::sample_indication(), Language::en) ==
          R"TEXT(Indication BAR-2017-0042
Reference date: 2017-06-01
Rules:
  - barendrecht.jeugd, version 2015-01-01..2017-12-31, sha256:9b0020f6716e7b62bfd6c79a8a94c5ea3633258fb214ac301a78d1c05e03503b
  - national.jeugdwet, version 2015-01-01.., sha256:8652279509f3b294edb20525c4bbcb6dbd2bd1b8eecdbfbf0ad1ca933fddcbd4
Engine: billijk 0.1.0

Provision: Individual support (begeleiding_individueel)
  Decision: granted
  Form: pgb (personal budget)
  Quantity: 10.0 hours/week
  Rate: 16.00 eur/hour
  Budget: 8320.00 eur/year
  Period: 2017-07-01 to 2018-06-30
  Codes: category 45, product 45A07, unit 04
  Explanation:
    - Individual support: granted [Beleidsregels Jeugdhulp Barendrecht 2015 §2.12]
      source: barendrecht.jeugd (municipal)
      - PGB hourly rate: 16.00 eur/hour [Beleidsregels Jeugdhulp Barendrecht 2015 §2.12.1]
        = min(request.rate, informal_cap) = min(16.00 eur/hour, 27.00 eur/hour)
        source: barendrecht.jeugd (municipal)
        version valid 2015-01-01 to 2017-12-31
        - Requested hourly rate: 16.00 eur/hour
        - Maximaal uurtarief informele zorg: 27.00 eur/hour [Beleidsregels Jeugdhulp Barendrecht 2015 §2.12.1]
          = round(informal_share * in_kind_cost, 0.01, half_up) = round(60% * 45.00 eur/hour, 0.01, half_up)
          source: barendrecht.jeugd (municipal)

Provision: vervoer
  Decision: refused
  Form: in kind
  Period: 2017-07-01 to 2018-06-30
  Refusal reasons:
    - The parents cannot perform the PGB tasks responsibly [Jeugdwet art. 8.1.1 lid 2 sub a]
  Undetermined:
    - missing request.rate
  Explanation:
    - vervoer: refused
      - De ouders kunnen de pgb-taken niet op verantwoorde wijze uitvoeren: true [Jeugdwet art. 8.1.1 lid 2 sub a]
        = not pgb_capable = not false
        source: national.jeugdwet (national)

Fingerprint: sha256:44863b03e9909b7100e05b02526909a346fd7455183f6619e0fe6198c89981e0
)TEXT");
}

TEST_CASE("text output is byte-identical for identical input", "[io][text]") {
    Indication const ind = test::sample_indication();
    for (Language lang : {Language::nl, Language::en}) {
        std::string const first = io::write_indication_text(ind, lang);
        CHECK(io::write_indication_text(ind, lang) == first);
        CHECK(io::write_indication_text(test::sample_indication(), lang) == first);
    }
}

TEST_CASE("units are translated word by word in Dutch", "[io][text]") {
    CHECK(io::unit_text("eur/hour", Language::nl) == "euro/uur");
    CHECK(io::unit_text("hours/week", Language::nl) == "uur/week");
    CHECK(io::unit_text("minutes/week", Language::nl) == "minuten/week");
    CHECK(io::unit_text("eur/year", Language::nl) == "euro/jaar");
    CHECK(io::unit_text("zones/year", Language::nl) == "zones/jaar");
    CHECK(io::unit_text("days", Language::nl) == "dagen");
    CHECK(io::unit_text("eur/month", Language::nl) == "euro/maand");
    CHECK(io::unit_text("hours*eur/week", Language::nl) == "uur*euro/week");
    CHECK(io::unit_text("count", Language::nl) == "stuks");
    CHECK(io::unit_text("eur/hour", Language::en) == "eur/hour");
    CHECK(io::unit_text("furlongs", Language::nl) == "furlongs");
}

TEST_CASE("units after numbers are translated, names are not", "[io][text]") {
    CHECK(io::localize_units("min(16.00 eur/hour, 27.00 eur/hour)", Language::nl) ==
          "min(16.00 euro/uur, 27.00 euro/uur)");
    CHECK(io::localize_units("hours_per_week * 52 weeks/year", Language::nl) ==
          "hours_per_week * 52 weken/jaar");
    CHECK(io::localize_units("age_on(client.birth_date, 2017-06-01) >= 18 years", Language::nl) ==
          "age_on(client.birth_date, 2017-06-01) >= 18 jaar");
    CHECK(io::localize_units("days_between(a, b) - 3 days_off", Language::nl) ==
          "days_between(a, b) - 3 days_off");
    CHECK(io::localize_units("x2 hours", Language::nl) == "x2 hours");
    CHECK(io::localize_units("60% * 45.00 eur/hour", Language::en) == "60% * 45.00 eur/hour");
    CHECK(io::localize_value("true", Language::nl) == "ja");
    CHECK(io::localize_value("false", Language::en) == "false");
    CHECK(io::localize_value("undetermined: missing request.rate", Language::nl) ==
          "onbepaald: ontbrekend gegeven request.rate");
    CHECK(io::localize_value("8320.00 eur/year", Language::nl) == "8320.00 euro/jaar");
}
