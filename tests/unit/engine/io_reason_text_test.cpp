// The engine's undetermined reasons in Dutch: every form the evaluator writes, names and dates
// kept; unknown texts unchanged; several reasons each translated.
#include "io/explain_text.hpp"
#include "io/reason_text.hpp"

#include <catch2/catch.hpp>

using namespace billijk;

TEST_CASE("io: every reason the engine writes has a Dutch form", "[io][reason]") {
    using io::dutch_reason;
    CHECK(dutch_reason("missing fact pgb_capable") == "ontbrekend gegeven fact pgb_capable");
    CHECK(dutch_reason("no version of parameter informal_share valid on 2014-06-01") ==
          "geen versie van parameter informal_share geldig op 2014-06-01");
    CHECK(dutch_reason("no version of table customary_care valid on 2014-06-01") ==
          "geen versie van tabel customary_care geldig op 2014-06-01");
    CHECK(dutch_reason("no row of table bg_band matches (0.5 hours/week)") ==
          "geen rij van tabel bg_band past bij (0.5 hours/week)");
    CHECK(dutch_reason("no table bands in package altena.wmo") ==
          "geen tabel bands in pakket altena.wmo");
    CHECK(
        dutch_reason("no tariff in_kind_cost for 'begeleiding_individueel' valid on 2025-01-02") ==
        "geen tarief in_kind_cost voor 'begeleiding_individueel' geldig op 2025-01-02");
    CHECK(dutch_reason("no plugin for municipality GM0489 is loaded: in_kind_cost is unknown") ==
          "geen plugin voor gemeente GM0489 geladen: in_kind_cost is onbekend");
    CHECK(dutch_reason("native function km_allowance failed") ==
          "native functie km_allowance mislukt");
    CHECK(dutch_reason("overflow in need(begeleiding)") == "overloop in need(begeleiding)");
    CHECK(dutch_reason("overflow in budget") == "overloop in budget");
    CHECK(dutch_reason("division by zero in share") == "deling door nul in share");
    CHECK(dutch_reason("invalid rounding step in budget") == "ongeldige afrondingsstap in budget");
    CHECK(dutch_reason("arithmetic error in budget") == "rekenfout in budget");
    CHECK(dutch_reason("rounding step -0.01 is not positive in budget") ==
          "afrondingsstap -0.01 is niet positief in budget");
    CHECK(dutch_reason("request.rate is in eur/week, not eur/hour") ==
          "request.rate is in euro/week, niet in euro/uur");
    CHECK(dutch_reason("cycle through hourly_rate") == "kringverwijzing via hourly_rate");
    CHECK(dutch_reason("'rate' is not a value in package barendrecht.jeugd") ==
          "'rate' is geen waarde in pakket barendrecht.jeugd");
    CHECK(dutch_reason("need item in eur/week is not hours/week or minutes/week") ==
          "behoefte in euro/week is niet in uur/week of minuten/week");
    CHECK(dutch_reason("need item without kind, and provision hbh declares no kind") ==
          "behoefte zonder soort, en voorziening hbh noemt geen soort");
}

TEST_CASE("io: a reason of no known form stays as it is", "[io][reason]") {
    CHECK(io::dutch_reason("the plugin says: tariff unknown") == "the plugin says: tariff unknown");
    CHECK(io::dutch_reason("missing ") == "missing "); // nothing after the piece
    CHECK(io::dutch_reason("no table  in package x") == "no table  in package x"); // no name
    CHECK(io::dutch_reason("no version of parameter x") == "no version of parameter x");
    CHECK(io::dutch_reason("") == "");
}

TEST_CASE("io: a value with several reasons has each in Dutch", "[io][reason]") {
    CHECK(io::dutch_reasons("missing request.rate; no table t in package p; own words") ==
          "ontbrekend gegeven request.rate; geen tabel t in pakket p; own words");
    CHECK(io::localize_value("undetermined: missing fact a; missing fact b", io::Language::nl) ==
          "onbepaald: ontbrekend gegeven fact a; ontbrekend gegeven fact b");
    CHECK(io::localize_value("undetermined: missing fact a; missing fact b", io::Language::en) ==
          "undetermined: missing fact a; missing fact b");
    CHECK(io::localize_reason("no version of parameter x valid on 2020-01-01", io::Language::nl) ==
          "geen versie van parameter x geldig op 2020-01-01");
    CHECK(io::localize_reason("missing request.rate", io::Language::en) == "missing request.rate");
}
