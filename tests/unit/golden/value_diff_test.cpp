// golden/value_diff: per provision status, amounts, period and parts, old → new.
#include "golden/value_diff.hpp"

#include <catch2/catch.hpp>

using namespace billijk::golden;
using nlohmann::json;

namespace {

json indication(std::string const& budget, std::string const& part_rate) {
    return json::parse(R"({"case_id": "C-1", "reference_date": "2017-06-01", "engine": "billijk",
      "rules": [{"package": "p", "version": "2015-01-01..", "hash": "sha256:aa"}],
      "provisions": [{"provision": "begeleiding", "status": "granted", "form": "pgb",
        "quantity": {"amount": "10.0", "unit": "hours/week"},
        "budget": {"amount": ")" +
                       budget + R"(", "unit": "eur/year"},
        "period": {"start": "2017-07-01", "end": "2018-06-30"},
        "reasons": [], "undetermined": [],
        "parts": [{"period": {"start": "2017-07-01", "end": "2017-12-31"}, "status": "granted",
                   "rate": {"amount": ")" +
                       part_rate + R"(", "unit": "eur/hour"}}]}]})");
}

} // namespace

TEST_CASE("equal indications have no value changes") {
    CHECK(diff_values(indication("8320.00", "16.00"), indication("8320.00", "16.00")).empty());
}

TEST_CASE("a changed budget and a changed part rate are named with old and new") {
    auto changes = diff_values(indication("8320.00", "16.00"), indication("7800.00", "15.00"));
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].path == "begeleiding.budget");
    CHECK(changes[0].expected == "8320.00 eur/year");
    CHECK(changes[0].actual == "7800.00 eur/year");
    CHECK(changes[1].path == "begeleiding.parts[0].rate");
    CHECK(changes[1].expected == "16.00 eur/hour");
    CHECK(changes[1].actual == "15.00 eur/hour");
}

TEST_CASE("a status flip, a removed amount and a vanished provision") {
    json e = indication("8320.00", "16.00");
    json a = e;
    a["provisions"][0]["status"] = "refused";
    a["provisions"][0].erase("budget");
    auto changes = diff_values(e, a);
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].path == "begeleiding.status");
    CHECK(changes[0].expected == "granted");
    CHECK(changes[0].actual == "refused");
    CHECK(changes[1].path == "begeleiding.budget");
    CHECK(changes[1].actual == "(none)");

    a["provisions"] = json::array();
    changes = diff_values(e, a);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].path == "begeleiding");
    CHECK(changes[0].actual == "(no such provision)");
}

TEST_CASE("a changed rule package hash is a value change of the indication") {
    json e = indication("1.00", "1.00");
    json a = e;
    a["rules"][0]["hash"] = "sha256:bb";
    auto changes = diff_values(e, a);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].path == "rules");
    CHECK(changes[0].actual == "p 2015-01-01.. sha256:bb");
}
