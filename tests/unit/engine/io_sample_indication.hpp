// A hand-built indication shared by the io writer tests: one granted PGB and one refused
// in-kind provision, with an explanation tree of three levels.
#pragma once

#include "billijk/indication.hpp"

#include <string_view>

namespace billijk::test {

inline Unit unit_of(std::string_view numerator, std::string_view denominator = {}) {
    Unit u = *Unit::parse_word(numerator);
    return denominator.empty() ? u : u / *Unit::parse_word(denominator);
}

inline Quantity quantity_of(char const* amount, Unit unit) {
    return Quantity{*Decimal::parse(amount), unit};
}

inline Indication sample_indication() {
    Indication ind;
    ind.case_id = "BAR-2017-0042";
    ind.fingerprint = "sha256:44863b03e9909b7100e05b02526909a346fd7455183f6619e0fe6198c89981e0";
    ind.engine = "billijk 0.1.0";
    ind.reference_date = *Date::parse("2017-06-01");
    ind.rules = {{"barendrecht.jeugd", "2015-01-01..2017-12-31",
                  "sha256:9b0020f6716e7b62bfd6c79a8a94c5ea3633258fb214ac301a78d1c05e03503b"},
                 {"national.jeugdwet", "2015-01-01..",
                  "sha256:8652279509f3b294edb20525c4bbcb6dbd2bd1b8eecdbfbf0ad1ca933fddcbd4"}};
    ind.plugins = {{"Barendrecht", "GM0489", "2015.1", "1.0",
                    "4e560b3c0b17f553fffc076787e21f0e560e6f31cb55dee2ba0ee5a3186dffba"}};

    ProvisionResult granted;
    granted.provision = "begeleiding_individueel";
    granted.status = Status::granted;
    granted.form = "pgb";
    granted.quantity = quantity_of("10.0", unit_of("hours", "week"));
    granted.rate = quantity_of("16.00", unit_of("eur", "hour"));
    granted.budget = quantity_of("8320.00", unit_of("eur", "year"));
    granted.period = {*Date::parse("2017-07-01"), *Date::parse("2018-06-30")};
    granted.category = "45";
    granted.product = "45A07";
    granted.unit_code = "04";

    Explanation request_rate;
    request_rate.kind = "input";
    request_rate.name = "request.rate";
    request_rate.label_nl = "Gevraagd uurtarief";
    request_rate.label_en = "Requested hourly rate";
    request_rate.value = "16.00 eur/hour";

    Explanation cap;
    cap.kind = "rule";
    cap.name = "informal_cap";
    cap.package = "barendrecht.jeugd";
    cap.layer = "municipal";
    cap.cites = "Beleidsregels Jeugdhulp Barendrecht 2015 §2.12.1";
    cap.label_nl = "Maximaal uurtarief informele zorg";
    cap.value = "27.00 eur/hour";
    cap.expression = "round(informal_share * in_kind_cost, 0.01, half_up)";
    cap.formula = "round(60% * 45.00 eur/hour, 0.01, half_up)";

    Explanation rate;
    rate.kind = "rule";
    rate.name = "hourly_rate";
    rate.package = "barendrecht.jeugd";
    rate.layer = "municipal";
    rate.cites = "Beleidsregels Jeugdhulp Barendrecht 2015 §2.12.1";
    rate.label_nl = "Uurtarief pgb";
    rate.label_en = "PGB hourly rate";
    rate.value = "16.00 eur/hour";
    rate.expression = "min(request.rate, informal_cap)";
    rate.formula = "min(16.00 eur/hour, 27.00 eur/hour)";
    rate.note_nl = "versie geldig 2015-01-01 t/m 2017-12-31";
    rate.note_en = "version valid 2015-01-01 to 2017-12-31";
    rate.inputs = {request_rate, cap};

    granted.explanation.kind = "provision";
    granted.explanation.name = "begeleiding_individueel";
    granted.explanation.package = "barendrecht.jeugd";
    granted.explanation.layer = "municipal";
    granted.explanation.cites = "Beleidsregels Jeugdhulp Barendrecht 2015 §2.12";
    granted.explanation.label_nl = "Individuele begeleiding";
    granted.explanation.label_en = "Individual support";
    granted.explanation.value = "granted";
    granted.explanation.inputs = {rate};

    ProvisionResult refused;
    refused.provision = "vervoer";
    refused.status = Status::refused;
    refused.form = "in_kind";
    refused.period = granted.period;
    refused.reasons = {{"not_capable", "Jeugdwet art. 8.1.1 lid 2 sub a",
                        "De ouders kunnen de pgb-taken niet op verantwoorde wijze uitvoeren",
                        "The parents cannot perform the PGB tasks responsibly"}};
    refused.undetermined = {"missing request.rate"};
    Explanation refusal;
    refusal.kind = "refusal";
    refusal.name = "not_capable";
    refusal.package = "national.jeugdwet";
    refusal.layer = "national";
    refusal.cites = "Jeugdwet art. 8.1.1 lid 2 sub a";
    refusal.label_nl = "De ouders kunnen de pgb-taken niet op verantwoorde wijze uitvoeren";
    refusal.value = "true";
    refusal.expression = "not pgb_capable";
    refusal.formula = "not false";
    refused.explanation.kind = "provision";
    refused.explanation.name = "vervoer";
    refused.explanation.value = "refused";
    refused.explanation.inputs = {refusal};

    ind.provisions = {granted, refused};
    return ind;
}

} // namespace billijk::test
