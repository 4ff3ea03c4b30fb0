// Case JSON reading: every field, every E09xx message with its JSON path, several problems in
// one run, and the canonical text the fingerprint hashes.
#include "io/case_json.hpp"
#include "io/json_tree.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace billijk;

namespace {

std::string const base_case = R"({
  "schema": "billijk.case/1",
  "case_id": "BAR-2017-0042",
  "municipality": "GM0489",
  "law": "jeugdwet",
  "decision_date": "2017-06-01",
  "period": {"start": "2017-07-01", "end": "2018-06-30"},
  "client": {"bsn": "111222333", "birth_date": "2010-03-14"},
  "household": [{"role": "parent", "birth_date": "1980-01-01", "overloaded": false}],
  "requests": [{
    "provision": "begeleiding_individueel",
    "form": "pgb",
    "provider": "informal",
    "rate": "16.00",
    "need": {"amount": "14", "unit": "hours/week"},
    "facts": {"pgb_capable": true}
  }]
})";

/// base_case with the first occurrence of `from` replaced by `to` (which must exist).
std::string with(std::string const& from, std::string const& to, std::string text = base_case) {
    auto const at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    return text;
}

/// "E0911 requests[0].need.unit: ..." for every diagnostic; empty when the case was read.
std::vector<std::string> problems(std::string const& text) {
    auto result = io::read_case(text, "case.json");
    std::vector<std::string> out;
    if (result)
        return out;
    for (Diagnostic const& d : result.diagnostics().items()) {
        CHECK(d.severity == Severity::error);
        CHECK_FALSE(d.span.has_value());
        out.push_back(d.id + " " + d.message);
    }
    return out;
}

std::vector<std::string> one(std::string s) {
    return {std::move(s)};
}

Decimal dec(char const* text) {
    return *Decimal::parse(text);
}

} // namespace

TEST_CASE("a valid case is read field by field", "[io][case]") {
    auto result = io::read_case(base_case, "case.json");
    REQUIRE(result);
    Case const& c = result.value();
    CHECK(c.schema == "billijk.case/1");
    CHECK(c.case_id == "BAR-2017-0042");
    CHECK(c.municipality == "GM0489");
    CHECK(c.law == "jeugdwet");
    CHECK(c.decision_date == *Date::parse("2017-06-01"));
    CHECK(c.period.start == *Date::parse("2017-07-01"));
    CHECK(c.period.end == *Date::parse("2018-06-30"));
    CHECK(c.bsn == "111222333");
    CHECK(c.birth_date == *Date::parse("2010-03-14"));
    REQUIRE(c.household.size() == 1);
    CHECK(c.household[0].role == "parent");
    CHECK(c.household[0].birth_date == Date::parse("1980-01-01"));
    CHECK_FALSE(c.household[0].overloaded);
    REQUIRE(c.requests.size() == 1);
    Request const& r = c.requests[0];
    CHECK(r.provision == "begeleiding_individueel");
    CHECK(r.form == "pgb");
    CHECK(r.provider == std::optional<std::string>("informal"));
    REQUIRE(r.rate);
    CHECK(r.rate->amount == dec("16.00"));
    CHECK(r.rate->amount.to_string() == "16.00");
    CHECK(r.rate->unit.to_string() == "eur/hour");
    REQUIRE(r.need.size() == 1);
    CHECK_FALSE(r.need[0].kind.has_value());
    CHECK(r.need[0].amount.amount == dec("14"));
    CHECK(r.need[0].amount.unit.to_string() == "hours/week");
    REQUIRE(r.facts.size() == 1);
    CHECK(std::get<bool>(r.facts.at("pgb_capable")));
}

TEST_CASE("need in the long form, minutes, optional fields and extra", "[io][case]") {
    std::string text = with(R"("need": {"amount": "14", "unit": "hours/week"})",
                            R"("need": {"items": [
        {"kind": "begeleiding", "amount": "8", "unit": "hours/week"},
        {"kind": "toezicht", "amount": "90", "unit": "minutes/week"}]},
      "extra": {"any": [1, 2.50, null, {"deep": true}]})");
    text = with(R"("provider": "informal",)", "", text);
    text = with(R"("form": "pgb")", R"("form": "in_kind")", text);
    text = with(R"("rate": "16.00",)", "", text);
    text = with(
        R"("household": [{"role": "parent", "birth_date": "1980-01-01", "overloaded": false}],)",
        R"("household": [{"role": "partner"}, {"role": "child", "overloaded": true}],
  "extra": {"dossier": 12345, "bsn": "123456782"},)",
        text);
    text = with(R"("facts": {"pgb_capable": true})",
                R"("facts": {"distance": {"amount": "12.5", "unit": "km/year"},
                 "zones": {"amount": "-1", "unit": "zones/year"},
                 "assessed_on": "2017-05-01", "school": "De Regenboog"})",
                text);
    auto result = io::read_case(text, "case.json");
    INFO(problems(text).size());
    REQUIRE(result);
    Case const& c = result.value();
    REQUIRE(c.household.size() == 2);
    CHECK_FALSE(c.household[0].birth_date.has_value());
    CHECK(c.household[1].overloaded);
    Request const& r = c.requests.at(0);
    CHECK(r.form == "in_kind");
    CHECK_FALSE(r.provider.has_value());
    CHECK_FALSE(r.rate.has_value());
    REQUIRE(r.need.size() == 2);
    CHECK(r.need[0].kind == std::optional<std::string>("begeleiding"));
    CHECK(r.need[1].kind == std::optional<std::string>("toezicht"));
    CHECK(r.need[1].amount.amount == dec("90"));
    CHECK(r.need[1].amount.unit.to_string() == "minutes/week");
    REQUIRE(r.facts.size() == 4);
    auto const& distance = std::get<Quantity>(r.facts.at("distance"));
    CHECK(distance.amount.to_string() == "12.5");
    CHECK(distance.unit.to_string() == "km/year");
    CHECK(std::get<Quantity>(r.facts.at("zones")).amount == dec("-1"));
    CHECK(std::get<std::string>(r.facts.at("assessed_on")) == "2017-05-01");
    CHECK(std::get<std::string>(r.facts.at("school")) == "De Regenboog");
}

TEST_CASE("each problem is reported with its JSON path", "[io][case]") {
    SECTION("unknown unit") {
        CHECK(
            problems(with(R"("unit": "hours/week")", R"("unit": "uur/week")")) ==
            one(R"(E0911 requests[0].need.unit: unknown unit "uur/week" (expected hours/week or minutes/week))"));
    }
    SECTION("a known unit that a need cannot have") {
        CHECK(
            problems(with(R"("unit": "hours/week")", R"("unit": "eur/hour")")) ==
            one(R"(E0911 requests[0].need.unit: expected hours/week or minutes/week, found "eur/hour")"));
    }
    // The messages never repeat the BSN: a mistyped one is still nearly a person's number.
    SECTION("BSN elfproef") {
        CHECK(problems(with("111222333", "111222334")) ==
              one("E0912 client.bsn: the 9 digits fail the BSN check (elfproef); the number is "
                  "not repeated here"));
    }
    SECTION("BSN of the wrong length") {
        CHECK(problems(with(R"("111222333")", R"("11122233")")) ==
              one("E0912 client.bsn: expected 9 digits, found 8 digits"));
    }
    SECTION("BSN with other characters") {
        CHECK(problems(with(R"("111222333")", R"("111 222 333")")) ==
              one("E0912 client.bsn: expected 9 digits, found 11 characters, not all digits"));
    }
    SECTION("BSN as a number") {
        CHECK(problems(with(R"("111222333")", "111222333")) ==
              one("E0906 client.bsn: expected a string of 9 digits, found a JSON number"));
    }
    SECTION("impossible date") {
        CHECK(problems(with("2018-06-30", "2017-02-30")) ==
              one("E0909 period.end: 2017-02-30 is not a calendar date"));
    }
    SECTION("date in another shape") {
        CHECK(problems(with("2017-06-01", "1-6-2017")) ==
              one(R"(E0909 decision_date: expected a date like "2017-07-01", found "1-6-2017")"));
    }
    // Nor a birth date: personal data too. The message gives the form of what was found (a byte
    // of é, a quote: ?), at most 24 characters of it.
    SECTION("birth date in another shape") {
        CHECK(problems(with("2010-03-14", "14-03-2010")) ==
              one("E0909 client.birth_date: expected a date like \"2017-07-01\", found one of the "
                  "form 99-99-9999 (a birth date is not repeated in messages)"));
        CHECK(problems(with("1980-01-01", "1 januari 1980\\u00e9\\\"")) ==
              one("E0909 household[0].birth_date: expected a date like \"2017-07-01\", found one "
                  "of the form 9 AAAAAAA 9999??? (a birth date is not repeated in messages)"));
        CHECK(problems(with("2010-03-14", "14 March in the year 2010 after noon")) ==
              one("E0909 client.birth_date: expected a date like \"2017-07-01\", found one of the "
                  "form 99 AAAAA AA AAA AAAA 999... (a birth date is not repeated in messages)"));
    }
    SECTION("impossible birth date") {
        CHECK(problems(with("2010-03-14", "2010-02-30")) ==
              one("E0909 client.birth_date: is not a calendar date (a birth date is not repeated "
                  "in messages)"));
    }
    SECTION("period ends before it starts") {
        CHECK(problems(with(R"({"start": "2017-07-01", "end": "2018-06-30"})",
                            R"({"start": "2017-06-01", "end": "2017-01-01"})")) ==
              one("E0910 period: end 2017-01-01 is before start 2017-06-01"));
    }
    SECTION("negative need") {
        CHECK(problems(with(R"("amount": "14")", R"("amount": "-2")")) ==
              one("E0908 requests[0].need.amount: must not be negative"));
    }
    SECTION("negative rate") {
        CHECK(problems(with(R"("16.00")", R"("-16.00")")) ==
              one("E0908 requests[0].rate: must not be negative"));
    }
    SECTION("rate as a JSON number") {
        CHECK(
            problems(with(R"("16.00")", "16.00")) ==
            one(R"(E0906 requests[0].rate: must be a decimal string like "16.00", found a JSON number)"));
    }
    SECTION("rate with a decimal comma") {
        CHECK(
            problems(with(R"("16.00")", R"("16,00")")) ==
            one(R"(E0907 requests[0].rate: must be a decimal string like "16.00", found "16,00")"));
    }
    SECTION("amount with too many decimals") {
        CHECK(
            problems(with(R"("amount": "14")", R"("amount": "1.0000000000000000001")")) ==
            one(R"(E0907 requests[0].need.amount: "1.0000000000000000001" is too large or has more than 18 decimals)"));
    }
    SECTION("unknown field at the top") {
        CHECK(problems(with(R"("law": "jeugdwet",)", R"("law": "jeugdwet", "foo": 1,)")) ==
              one(R"(E0903 foo: unknown field (put extra data under "extra"))"));
    }
    SECTION("unknown field inside a request") {
        CHECK(problems(with(R"("form": "pgb",)", R"("form": "pgb", "urgent": true,)")) ==
              one(R"(E0903 requests[0].urgent: unknown field (put extra data under "extra"))"));
    }
    SECTION("municipality") {
        CHECK(problems(with(R"("GM0489")", R"("0489")")) ==
              one(R"(E0914 municipality: expected a CBS code like "GM0489", found "0489")"));
    }
    SECTION("law") {
        CHECK(problems(with(R"("jeugdwet")", R"("jeugd")")) ==
              one(R"(E0915 law: expected "jeugdwet" or "wmo", found "jeugd")"));
    }
    SECTION("schema") {
        CHECK(problems(with("billijk.case/1", "billijk.case/2")) ==
              one(R"(E0913 schema: expected "billijk.case/1", found "billijk.case/2")"));
    }
    SECTION("form and provider") {
        CHECK(problems(with(R"("form": "pgb")", R"("form": "PGB")")) ==
              one(R"(E0915 requests[0].form: expected "pgb" or "in_kind", found "PGB")"));
        CHECK(
            problems(with(R"("informal")", R"("mantelzorger")")) ==
            one(R"(E0915 requests[0].provider: expected "informal", "professional", "zzp" or "institution", found "mantelzorger")"));
    }
    SECTION("provider is required for a pgb") {
        CHECK(problems(with(R"("provider": "informal",)", "")) ==
              one(R"(E0916 requests[0].provider: required when form is "pgb")"));
    }
    SECTION("household role and overloaded") {
        CHECK(
            problems(with(R"("role": "parent")", R"("role": "mother")")) ==
            one(R"(E0915 household[0].role: expected "parent", "partner", "child", "housemate" or "other", found "mother")"));
        CHECK(problems(with(R"("overloaded": false)", R"("overloaded": "no")")) ==
              one("E0905 household[0].overloaded: expected true or false, found a string"));
    }
    SECTION("missing required fields") {
        CHECK(problems(with(R"(, "birth_date": "2010-03-14")", "")) ==
              one("E0904 client.birth_date: required field is missing"));
        CHECK(problems(with(R"("case_id": "BAR-2017-0042",)", "")) ==
              one("E0904 case_id: required field is missing"));
        CHECK(problems(with(R"("need": {"amount": "14", "unit": "hours/week"},)", "")) ==
              one("E0904 requests[0].need: required field is missing"));
    }
    SECTION("wrong JSON types") {
        CHECK(problems(with(R"("BAR-2017-0042")", "42")) ==
              one("E0906 case_id: expected a string, found a JSON number"));
        CHECK(problems(with(R"({"start": "2017-07-01", "end": "2018-06-30"})", "[]")) ==
              one("E0905 period: expected an object, found an array"));
        CHECK(problems(R"([1, 2])") == one("E0905 (root): expected an object, found an array"));
    }
    SECTION("empty values and names") {
        CHECK(problems(with(R"("BAR-2017-0042")", R"("")")) ==
              one("E0918 case_id: must not be empty"));
        CHECK(
            problems(with(R"("begeleiding_individueel")", R"("Begeleiding individueel")")) ==
            one(R"(E0919 requests[0].provision: expected a name like "begeleiding_individueel" (lowercase letters, digits and _), found "Begeleiding individueel")"));
    }
    SECTION("need shapes") {
        CHECK(
            problems(with(R"({"amount": "14", "unit": "hours/week"})",
                          R"({"amount": "14", "unit": "hours/week", "items": []})")) ==
            one(R"(E0917 requests[0].need: use either "amount" and "unit" or "items", not both)"));
        CHECK(problems(with(R"({"amount": "14", "unit": "hours/week"})", R"({"items": []})")) ==
              one("E0917 requests[0].need.items: must list at least one item"));
        CHECK(problems(with(R"({"amount": "14", "unit": "hours/week"})",
                            R"({"items": [{"kind": "toezicht", "amount": "1", "unit": "hours/week"},
                                          {"kind": "toezicht", "amount": "2", "unit": "hours/week"}]})")) ==
              one(R"(E0917 requests[0].need.items[1].kind: "toezicht" is listed twice)"));
    }
    SECTION("facts") {
        CHECK(
            problems(with(R"({"pgb_capable": true})", R"({"pgb_capable": 1})")) ==
            one(R"(E0906 requests[0].facts.pgb_capable: must be a decimal string like "16.00", found a JSON number)"));
        CHECK(
            problems(with(R"({"pgb_capable": true})", R"({"pgb_capable": null})")) ==
            one(R"(E0905 requests[0].facts.pgb_capable: expected true, false, a string or {"amount", "unit"}, found null)"));
        CHECK(
            problems(with(R"({"pgb_capable": true})", R"({"Pgb capable": true})")) ==
            one(R"(E0919 requests[0].facts["Pgb capable"]: fact names are lowercase identifiers like "pgb_capable")"));
        CHECK(problems(with(R"({"pgb_capable": true})",
                            R"({"distance": {"amount": "3", "unit": "miles"}})")) ==
              one(R"(E0911 requests[0].facts.distance.unit: unknown unit "miles")"));
    }
    SECTION("no requests") {
        CHECK(problems(R"({"schema": "billijk.case/1", "case_id": "X", "municipality": "GM0489",
            "law": "wmo", "decision_date": "2017-06-01",
            "period": {"start": "2017-07-01", "end": "2018-06-30"},
            "client": {"bsn": "111222333", "birth_date": "2010-03-14"}, "requests": []})") ==
              one("E0918 requests: must list at least one request"));
    }
    SECTION("duplicate fields") {
        CHECK(problems(with(R"("law": "jeugdwet",)", R"("law": "jeugdwet", "law": "wmo",)")) ==
              one("E0902 law: field appears more than once"));
    }
}

TEST_CASE("invalid JSON is one diagnostic with line and column", "[io][case]") {
    auto result =
        io::read_case("{\n  \"schema\": \"billijk.case/1\",\n  \"case_id\": x\n}", "case.json");
    REQUIRE_FALSE(result);
    REQUIRE(result.diagnostics().items().size() == 1);
    Diagnostic const& d = result.diagnostics().items()[0];
    CHECK(d.id == "E0901");
    CHECK_FALSE(d.span.has_value());
    CHECK(d.message.rfind("invalid JSON at line 3 column 14: ", 0) == 0);

    auto end = io::read_case("{\"a\": 1", "case.json");
    REQUIRE_FALSE(end);
    CHECK(end.diagnostics().items()[0].message.rfind("invalid JSON at line 1 column 8: ", 0) == 0);

    std::string deep(200, '[');
    auto too_deep = io::read_case(deep, "case.json");
    REQUIRE_FALSE(too_deep);
    CHECK(too_deep.diagnostics().items()[0].message ==
          "invalid JSON at line 1 column 101: arrays and objects nested more than 100 deep");
}

TEST_CASE("every problem in a case is reported in one run", "[io][case]") {
    std::string text = with(R"("law": "jeugdwet",)", R"("law": "jeugd", "foo": {},)");
    text = with("111222333", "111222334", text);
    text = with("2018-06-30", "2017-02-30", text);
    text = with(R"("16.00")", "16", text);
    text = with(R"("unit": "hours/week")", R"("unit": "uur/week")", text);
    text = with(R"("amount": "14")", R"("amount": "-14")", text);
    CHECK(
        problems(text) ==
        std::vector<std::string>{
            R"(E0903 foo: unknown field (put extra data under "extra"))",
            R"(E0915 law: expected "jeugdwet" or "wmo", found "jeugd")",
            "E0909 period.end: 2017-02-30 is not a calendar date",
            "E0912 client.bsn: the 9 digits fail the BSN check (elfproef); the number is not "
            "repeated here",
            R"(E0906 requests[0].rate: must be a decimal string like "16.00", found a JSON number)",
            "E0908 requests[0].need.amount: must not be negative",
            R"(E0911 requests[0].need.unit: unknown unit "uur/week" (expected hours/week or minutes/week))",
        });
}

TEST_CASE("canonical case JSON sorts keys, drops whitespace and the BSN", "[io][case]") {
    std::string const text = R"({
  "schema": "billijk.case/1",
  "client": {"bsn": "111222333", "birth_date": "2010-03-14"},
  "requests": [{"rate": "16.00", "need": {"unit": "hours/week", "amount": "14"}}],
  "extra": {"z": 1.50, "a": [true, null, -3], "bsn": "111222333", "text": "é\"\n"}
})";
    std::string const canonical = io::canonical_case_json(text);
    CHECK(
        canonical ==
        R"({"client":{"birth_date":"2010-03-14"},"extra":{"a":[true,null,-3],"text":"é\"\n","z":1.50},"requests":[{"need":{"amount":"14","unit":"hours/week"},"rate":"16.00"}],"schema":"billijk.case/1"})");
    CHECK(canonical.find("111222333") == std::string::npos);
    CHECK(io::canonical_case_json(base_case).find("111222333") == std::string::npos);
    // Formatting and key order do not matter; content does.
    CHECK(io::canonical_case_json(R"({"b": 1, "a": {"d": "x", "c": "y"}})") ==
          io::canonical_case_json("{\"a\":{\"c\":\"y\",\"d\":\"x\"},\n\"b\":1}"));
    CHECK(io::canonical_case_json("{oops") == "");
    // Every member named exactly "bsn" goes, at any depth and inside arrays; no other does.
    CHECK(
        io::canonical_case_json(
            R"({"bsn": "1", "x": [{"bsn": "2", "k": 1}, [{"y": {"bsn": "3"}}]], "x.bsn": "4", "BSN": "5"})") ==
        R"({"BSN":"5","x":[{"k":1},[{"y":{}}]],"x.bsn":"4"})");
}

TEST_CASE("JSON paths quote keys that are not names", "[io][json]") {
    CHECK(io::json_path_member("", "schema") == "schema");
    CHECK(io::json_path_member("period", "end") == "period.end");
    CHECK(io::json_path_member(io::json_path_index("requests", 2), "rate") == "requests[2].rate");
    CHECK(io::json_path_member("facts", "a b") == R"(facts["a b"])");
}

TEST_CASE("A lazy JSON path writes what the path functions write", "[io][json]") {
    io::JsonPath const root;
    CHECK(root.str().empty());
    CHECK(root.member("schema").str() == io::json_path_member("", "schema"));
    io::JsonPath const requests("requests");
    io::JsonPath const first = requests.index(0);
    io::JsonPath const need = first.member("need");
    io::JsonPath const items = need.member("items");
    CHECK(items.str() == "requests[0].need.items");
    io::JsonPath const second_item = items.index(1);
    CHECK(second_item.member("unit").str() == "requests[0].need.items[1].unit");
    io::JsonPath const facts = first.member("facts");
    CHECK(facts.member("a b").str() == R"(requests[0].facts["a b"])");
    io::JsonPath const named("client.bsn");
    CHECK(named.str() == "client.bsn");
    CHECK(root.index(3).str() == io::json_path_index("", 3));
}

namespace {

std::string read_source_file(std::string const& relative) {
    std::ifstream in(std::string(BILLIJK_SOURCE_DIR) + "/" + relative, std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("the schema samples mean the same to the engine", "[io][case]") {
    // examples/ is valid under docs/schema/case.schema.json (CTest), and so for the engine.
    auto example = io::read_case(read_source_file("examples/barendrecht-informal.json"),
                                 "examples/barendrecht-informal.json");
    REQUIRE(example);
    CHECK(example.value().requests.at(0).facts.size() == 4);
    CHECK(example.value().requests.at(0).need.at(0).amount.amount == dec("10"));
    // The negative sample fails the schema (CTest) and the engine, for the same reasons.
    CHECK(
        problems(read_source_file("tests/schema/invalid/case-several-errors.json")) ==
        std::vector<std::string>{
            R"(E0903 foo: unknown field (put extra data under "extra"))",
            R"(E0914 municipality: expected a CBS code like "GM0489", found "0489")",
            R"(E0915 law: expected "jeugdwet" or "wmo", found "jeugd")",
            "E0912 client.bsn: expected 9 digits, found 8 digits",
            R"(E0916 requests[0].provider: required when form is "pgb")",
            R"(E0906 requests[0].rate: must be a decimal string like "16.00", found a JSON number)",
            "E0908 requests[0].need.amount: must not be negative",
            R"(E0911 requests[0].need.unit: unknown unit "uur/week" (expected hours/week or minutes/week))",
        });
}

TEST_CASE("a re-indication names the indication it replaces", "[io][case]") {
    std::string const previous =
        R"("facts": {"pgb_capable": true}, "previous": {"decided_on": "2015-03-01",
           "quantity": {"amount": "8", "unit": "hours/week"},
           "budget": {"amount": "8320.00", "unit": "eur/year"}})";
    auto result = io::read_case(with(R"("facts": {"pgb_capable": true})", previous), "case.json");
    REQUIRE(result);
    auto const& p = result.value().requests.at(0).previous;
    REQUIRE(p);
    CHECK(p->decided_on.to_string() == "2015-03-01");
    CHECK(p->quantity->amount.to_string() == "8");
    CHECK(p->quantity->unit.to_string() == "hours/week");
    CHECK(!p->rate);
    CHECK(p->budget->unit.to_string() == "eur/year");

    SECTION("without a date") {
        CHECK(
            problems(with(
                R"("facts": {"pgb_capable": true})",
                R"("facts": {}, "previous": {"quantity": {"amount": "8", "unit": "hours/week"}})")) ==
            one("E0904 requests[0].previous.decided_on: required field is missing"));
    }
    SECTION("with an unknown unit") {
        CHECK(
            problems(with(
                R"("facts": {"pgb_capable": true})",
                R"("facts": {}, "previous": {"decided_on": "2015-03-01", "quantity": {"amount": "8", "unit": "uur/week"}})")) ==
            one(R"(E0911 requests[0].previous.quantity.unit: unknown unit "uur/week")"));
    }
}
