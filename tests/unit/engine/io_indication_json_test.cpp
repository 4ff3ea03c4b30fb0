// Indication → JSON: exact text for a hand-built indication, sorted keys, decimal strings,
// omitted empty fields, and byte-identical repeated output.
#include "io/indication_json.hpp"
#include "io_sample_indication.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace billijk;

namespace {

char const* const expected_json = R"JSON({
  "case_id": "BAR-2017-0042",
  "engine": "billijk 0.1.0",
  "fingerprint": "sha256:44863b03e9909b7100e05b02526909a346fd7455183f6619e0fe6198c89981e0",
  "plugins": [
    {
      "abi": "1.0",
      "municipality": "GM0489",
      "name": "Barendrecht",
      "sha256": "4e560b3c0b17f553fffc076787e21f0e560e6f31cb55dee2ba0ee5a3186dffba",
      "version": "2015.1"
    }
  ],
  "provisions": [
    {
      "budget": {
        "amount": "8320.00",
        "unit": "eur/year"
      },
      "codes": {
        "category": "45",
        "product": "45A07",
        "unit": "04"
      },
      "explanation": {
        "cites": "Beleidsregels Jeugdhulp Barendrecht 2015 §2.12",
        "inputs": [
          {
            "cites": "Beleidsregels Jeugdhulp Barendrecht 2015 §2.12.1",
            "expression": "min(request.rate, informal_cap)",
            "formula": "min(16.00 eur/hour, 27.00 eur/hour)",
            "inputs": [
              {
                "kind": "input",
                "label_en": "Requested hourly rate",
                "label_nl": "Gevraagd uurtarief",
                "name": "request.rate",
                "value": "16.00 eur/hour"
              },
              {
                "cites": "Beleidsregels Jeugdhulp Barendrecht 2015 §2.12.1",
                "expression": "round(informal_share * in_kind_cost, 0.01, half_up)",
                "formula": "round(60% * 45.00 eur/hour, 0.01, half_up)",
                "kind": "rule",
                "label_nl": "Maximaal uurtarief informele zorg",
                "layer": "municipal",
                "name": "informal_cap",
                "package": "barendrecht.jeugd",
                "value": "27.00 eur/hour"
              }
            ],
            "kind": "rule",
            "label_en": "PGB hourly rate",
            "label_nl": "Uurtarief pgb",
            "layer": "municipal",
            "name": "hourly_rate",
            "note_en": "version valid 2015-01-01 to 2017-12-31",
            "note_nl": "versie geldig 2015-01-01 t/m 2017-12-31",
            "package": "barendrecht.jeugd",
            "value": "16.00 eur/hour"
          }
        ],
        "kind": "provision",
        "label_en": "Individual support",
        "label_nl": "Individuele begeleiding",
        "layer": "municipal",
        "name": "begeleiding_individueel",
        "package": "barendrecht.jeugd",
        "value": "granted"
      },
      "form": "pgb",
      "granted": true,
      "period": {
        "end": "2018-06-30",
        "start": "2017-07-01"
      },
      "provision": "begeleiding_individueel",
      "quantity": {
        "amount": "10.0",
        "unit": "hours/week"
      },
      "rate": {
        "amount": "16.00",
        "unit": "eur/hour"
      },
      "reasons": [],
      "status": "granted",
      "undetermined": []
    },
    {
      "codes": {},
      "explanation": {
        "inputs": [
          {
            "cites": "Jeugdwet art. 8.1.1 lid 2 sub a",
            "expression": "not pgb_capable",
            "formula": "not false",
            "kind": "refusal",
            "label_nl": "De ouders kunnen de pgb-taken niet op verantwoorde wijze uitvoeren",
            "layer": "national",
            "name": "not_capable",
            "package": "national.jeugdwet",
            "value": "true"
          }
        ],
        "kind": "provision",
        "name": "vervoer",
        "value": "refused"
      },
      "form": "in_kind",
      "granted": false,
      "period": {
        "end": "2018-06-30",
        "start": "2017-07-01"
      },
      "provision": "vervoer",
      "reasons": [
        {
          "cites": "Jeugdwet art. 8.1.1 lid 2 sub a",
          "rule": "not_capable",
          "text_en": "The parents cannot perform the PGB tasks responsibly",
          "text_nl": "De ouders kunnen de pgb-taken niet op verantwoorde wijze uitvoeren"
        }
      ],
      "status": "refused",
      "undetermined": [
        "missing request.rate"
      ]
    }
  ],
  "reference_date": "2017-06-01",
  "rules": [
    {
      "hash": "sha256:9b0020f6716e7b62bfd6c79a8a94c5ea3633258fb214ac301a78d1c05e03503b",
      "package": "barendrecht.jeugd",
      "version": "2015-01-01..2017-12-31"
    },
    {
      "hash": "sha256:8652279509f3b294edb20525c4bbcb6dbd2bd1b8eecdbfbf0ad1ca933fddcbd4",
      "package": "national.jeugdwet",
      "version": "2015-01-01.."
    }
  ],
  "schema": "billijk.indication/1"
}
)JSON";

std::string read_text(std::string const& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("indication JSON for a hand-built indication", "[io][indication]") {
    Indication const ind = test::sample_indication();
    std::string const json = io::write_indication_json(ind);
    CHECK(json == expected_json);
    CHECK(json.back() == '\n');
    // The sample validated by docs/schema/indication.schema.json is this very output.
    CHECK(read_text(std::string(BILLIJK_SOURCE_DIR) + "/tests/schema/indication-sample.json") ==
          json);
}

TEST_CASE("indication JSON is byte-identical for identical input", "[io][indication]") {
    Indication const ind = test::sample_indication();
    Indication const copy = ind;
    std::string const first = io::write_indication_json(ind);
    CHECK(io::write_indication_json(ind) == first);
    CHECK(io::write_indication_json(copy) == first);
    CHECK(io::write_indication_json(test::sample_indication()) == first);
}

TEST_CASE("indication JSON status, granted flag and absent values", "[io][indication]") {
    Indication ind;
    ind.case_id = "X";
    ind.reference_date = *Date::parse("2017-06-01");
    ProvisionResult p;
    p.provision = "hulp_bij_het_huishouden";
    p.status = Status::undetermined;
    p.form = "in_kind";
    p.period = {*Date::parse("2017-07-01"), *Date::parse("2017-12-31")};
    p.frequency = "2";
    p.undetermined = {"missing fact household_size"};
    p.explanation.kind = "provision";
    p.explanation.value = "undetermined";
    ind.provisions = {p};
    CHECK(io::write_indication_json(ind) == R"({
  "case_id": "X",
  "engine": "",
  "fingerprint": "",
  "provisions": [
    {
      "codes": {
        "frequency": "2"
      },
      "explanation": {
        "kind": "provision",
        "value": "undetermined"
      },
      "form": "in_kind",
      "granted": false,
      "period": {
        "end": "2017-12-31",
        "start": "2017-07-01"
      },
      "provision": "hulp_bij_het_huishouden",
      "reasons": [],
      "status": "undetermined",
      "undetermined": [
        "missing fact household_size"
      ]
    }
  ],
  "reference_date": "2017-06-01",
  "rules": [],
  "schema": "billijk.indication/1"
}
)");
    CHECK(io::status_name(Status::granted) == "granted");
    CHECK(io::status_name(Status::refused) == "refused");
}

TEST_CASE("indication JSON without explanations, and telling the two forms apart",
          "[io][indication]") {
    Indication const ind = test::sample_indication();
    std::string const full = io::write_indication_json(ind);
    std::string const bare = io::write_indication_json(ind, false);
    CHECK(full.find("\"explanation\"") != std::string::npos);
    CHECK(bare.find("\"explanation\"") == std::string::npos);
    CHECK(bare.back() == '\n');
    // The same document less the explanation members, pretty-printed as the full form.
    auto without = nlohmann::json::parse(full);
    for (auto& p : without["provisions"])
        p.erase("explanation");
    CHECK(bare == without.dump(2) + "\n");
    // The one-line form without explanations is the same document.
    CHECK(nlohmann::json::parse(io::write_indication_json_line(ind, false)) ==
          nlohmann::json::parse(bare));

    CHECK(io::indication_json_has_explanations(full));
    CHECK(io::indication_json_has_explanations(io::write_indication_json_line(ind)));
    CHECK_FALSE(io::indication_json_has_explanations(bare));
    CHECK_FALSE(io::indication_json_has_explanations(io::write_indication_json_line(ind, false)));
    // Without provisions both forms are the same bytes, which hold everything there is.
    Indication empty = ind;
    empty.provisions.clear();
    CHECK(io::write_indication_json(empty, false) == io::write_indication_json(empty));
    CHECK(io::indication_json_has_explanations(io::write_indication_json(empty)));
    CHECK_FALSE(io::indication_json_has_explanations("not json"));
    CHECK_FALSE(io::indication_json_has_explanations("[]"));
    CHECK_FALSE(io::indication_json_has_explanations(R"({"provisions": {}})"));
}
