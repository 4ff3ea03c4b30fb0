// Albrandswaard (CBS GM0613): the municipality's tariffs for the Jeugdwet PGB, as a plugin.
//
// Our sources publish NO Albrandswaard tariff and do not contain the Albrandswaard verordening or
// beleidsregels jeugdhulp. What they show (Rekenkamer Barendrecht 2017, footnotes 41, 109, 143;
// Wmo-raad Barendrecht 17-05-2017) is that Barendrecht, Albrandswaard and Ridderkerk share one
// executing organisation, the BAR-organisatie, with one BAR-wide work instruction for the wijkteams
// (which indicate the youth-care PGB), while each council adopts its own regulations. The one
// amount here is therefore ASSUMED equal to Barendrecht's (itself derived from the audit report: 27
// / 0.60 = 45.00), and its citation says so in every explanation that uses it. See README.md.
#include "billijk_embedded_rules.hpp" // the rule package (billijk_add_plugin RULES)
#include "billijk_plugin.hpp"

namespace sdk = billijk::sdk;

namespace {

constexpr billijk_tariff_row in_kind_cost_rows[] = {
    sdk::row("begeleiding_individueel", "2015-01-01", "2017-12-31", "45.00",
             "AANGENOMEN, geen bron voor Albrandswaard: gelijk aan het Barendrechtse bedrag "
             "(afgeleid uit "
             "Rekenkamer Barendrecht 2017, indicatiestelling PGB jeugdhulp: maximum 27 euro per "
             "uur voor informele zorg, 27 / 0,60 = 45,00), omdat de BAR-organisatie de jeugdhulp "
             "voor Barendrecht, Albrandswaard en Ridderkerk uitvoert (Rekenkamer 2017, noten 41, "
             "109, 143); een eigen tarief van Albrandswaard staat niet in onze bronnen"),
};

constexpr billijk_tariff_table tables[] = {
    sdk::table(
        "in_kind_cost", "eur/hour", in_kind_cost_rows,
        "Tarieflijst jeugdhulp Albrandswaard: niet in onze bronnen; bedrag aangenomen gelijk aan "
        "Barendrecht (BAR-organisatie)",
        "Kostprijs van de goedkoopste adequate voorziening in natura (aangenomen gelijk "
        "aan Barendrecht, afgeleid uit het rekenkamerrapport)",
        "Cost price of the cheapest adequate provision in kind (assumed equal to "
        "Barendrecht, derived from the audit report)"),
};

// plugins/albrandswaard/rules/jeugd.rules calls in_kind_cost(request.provision).

} // namespace

BILLIJK_PLUGIN(sdk::plugin("GM0613", "Albrandswaard", "2015.1")
                   .with_tables(tables)
                   .with_rule_sources(billijk_embedded::rule_sources))
