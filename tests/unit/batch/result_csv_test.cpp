#include "batch/result_csv.hpp"

#include <catch2/catch.hpp>

using namespace billijk;

namespace {

Indication sample() {
    Indication ind;
    ind.case_id = "BAR-2017-0001";
    ind.fingerprint = "sha256:ab";
    ProvisionResult granted;
    granted.provision = "begeleiding_individueel";
    granted.status = Status::granted;
    granted.form = "pgb";
    granted.quantity = Quantity{*Decimal::parse("8"), *Unit::parse("hours/week")};
    granted.rate = Quantity{*Decimal::parse("16.00"), *Unit::parse("eur/hour")};
    granted.budget = Quantity{*Decimal::parse("6656.00"), *Unit::parse("eur/year")};
    granted.period = {*Date::parse("2017-07-01"), *Date::parse("2018-06-30")};
    ProvisionResult refused = granted;
    refused.status = Status::refused;
    refused.quantity = refused.rate = refused.budget = std::nullopt;
    refused.reasons = {{"no_pgb_capable", "Jeugdwet art. 8.1.1", "Geen pgb: kan het niet", "No"},
                       {"other", "x", "Tweede reden, met komma", "Second"}};
    ind.provisions = {granted, refused};
    return ind;
}

} // namespace

TEST_CASE("batch: a CSV result row per provision, with commas and decimal points", "[batch][csv]") {
    CHECK(batch::result_csv_header(',') ==
          "line,case_id,provision,status,form,quantity,quantity_unit,rate,rate_unit,budget,"
          "budget_unit,period_start,period_end,reasons,fingerprint,errors");
    CHECK(batch::result_csv_rows(7, sample(), ',') ==
          "7,BAR-2017-0001,begeleiding_individueel,granted,pgb,8,hours/week,16.00,eur/hour,"
          "6656.00,eur/year,2017-07-01,2018-06-30,,sha256:ab,\n"
          "7,BAR-2017-0001,begeleiding_individueel,refused,pgb,,,,,,,2017-07-01,2018-06-30,"
          "\"Geen pgb: kan het niet | Tweede reden, met komma\",sha256:ab,");
}

TEST_CASE("batch: with semicolons, amounts have a decimal comma", "[batch][csv]") {
    auto const rows = batch::result_csv_rows(2, sample(), ';');
    CHECK(rows.substr(0, rows.find('\n')) ==
          "2;BAR-2017-0001;begeleiding_individueel;granted;pgb;8;hours/week;16,00;eur/hour;"
          "6656,00;eur/year;2017-07-01;2018-06-30;;sha256:ab;");
    // A comma in a text needs no quotes here.
    CHECK(rows.find(";Geen pgb: kan het niet | Tweede reden, met komma;") != std::string::npos);
}

TEST_CASE("batch: a line without an indication is a row with its errors", "[batch][csv]") {
    std::vector<Diagnostic> problems = {
        {"E0904",
         Severity::error,
         std::nullopt,
         "client.birth_date: required field is missing",
         {}},
        {"E0911", Severity::error, std::nullopt, "unit \"uur\xE9\"", {}}};
    CHECK(batch::error_csv_row(3, problems, ',') ==
          "3,,,,,,,,,,,,,,,\"E0904 client.birth_date: required field is missing | E0911 unit "
          "\"\"uur\\xE9\"\"\"");
}

TEST_CASE("batch: a case id that looks like a formula is not one in the spreadsheet",
          "[batch][csv]") {
    auto ind = sample();
    ind.provisions.clear();
    for (std::string id : {"=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)"}) {
        ind.case_id = id;
        auto const row = batch::result_csv_rows(4, ind, ';');
        INFO(row);
        // The apostrophe comes first in the cell, in quotes or not.
        CHECK((row.starts_with("4;'" + id.substr(0, 1)) ||
               row.starts_with("4;\"'" + id.substr(0, 1))));
    }
    ind.case_id = "BAR-1";
    CHECK(batch::result_csv_rows(4, ind, ';') == "4;BAR-1;;;;;;;;;;;;;sha256:ab;");
}
