// The content checks (P0005) on descriptions built in memory: every malformed field is
// reported, each once, and arrays are read by their elements' struct_size.
#include "plugin/loader.hpp"
#include "plugin_test_support.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace billijk;
using billijk::test::plugin_ids;
using billijk::test::plugin_messages;

namespace {

int no_op(billijk_host_api const*, billijk_host_context*, billijk_value const* const*, std::size_t,
          billijk_result*) {
    return BILLIJK_OK;
}

billijk_tariff_row row(char const* key, char const* from, char const* to, char const* amount) {
    return {sizeof(billijk_tariff_row), key, from, to, amount, nullptr};
}

/// A valid description whose arrays the test can change before validating it.
struct Description {
    std::vector<billijk_tariff_row> rows{row("begeleiding", "2015-01-01", "2017-12-31", "45.00")};
    std::vector<billijk_tariff_table> tables{{sizeof(billijk_tariff_table), "in_kind_cost",
                                              "eur/hour", nullptr, 0, "art. 1", "Kosten", nullptr}};
    std::vector<char const*> parameter_types{"text", "date"};
    std::vector<billijk_native_function> functions{{sizeof(billijk_native_function), "rate",
                                                    nullptr, 0, "eur/hour", &no_op, "art. 2",
                                                    "Tarief", nullptr}};
    std::vector<billijk_rule_source> sources{
        {sizeof(billijk_rule_source), "gemeente/wmo.rules", "# rules\n"}};
    billijk_plugin_info info{sizeof(billijk_plugin_info),
                             BILLIJK_PLUGIN_ABI_MAJOR,
                             BILLIJK_PLUGIN_ABI_MINOR,
                             "GM0489",
                             "Barendrecht",
                             "1",
                             nullptr,
                             0,
                             nullptr,
                             0,
                             nullptr,
                             0,
                             nullptr};

    Result<plugin::Plugin> validate() {
        tables[0].rows = rows.data();
        tables[0].row_count = rows.size();
        functions[0].parameter_types = parameter_types.data();
        functions[0].parameter_count = parameter_types.size();
        info.tables = tables.data();
        info.table_count = tables.size();
        info.functions = functions.data();
        info.function_count = functions.size();
        info.rule_sources = sources.data();
        info.rule_source_count = sources.size();
        return plugin::validate_description(info, "test.so", "00");
    }
};

/// The messages of a refused description, which must all be P0005.
std::vector<std::string> problems(Description& d) {
    auto result = d.validate();
    REQUIRE_FALSE(result.ok());
    std::vector<std::string> out;
    for (auto const& diag : result.diagnostics().items()) {
        CHECK(diag.id == "P0005");
        CHECK_FALSE(diag.span);
        out.push_back(diag.message);
    }
    return out;
}

} // namespace

TEST_CASE("a valid description becomes a Plugin", "[plugin][validate]") {
    Description d;
    auto result = d.validate();
    INFO(plugin_messages(result.diagnostics()));
    REQUIRE(result.ok());
    plugin::Plugin const& p = result.value();
    CHECK(p.file == "test.so");
    CHECK(p.sha256 == "00");
    CHECK(p.municipality_code == "GM0489");
    REQUIRE(p.tables.size() == 1);
    CHECK(p.tables[0].rows[0].valid_to == Date::parse("2017-12-31"));
    REQUIRE(p.functions.size() == 1);
    CHECK(p.functions[0].parameters.size() == 2);
    CHECK(p.functions[0].result.unit.to_string() == "eur/hour");
    REQUIRE(p.rule_sources.size() == 1);
    CHECK(p.rule_sources[0].text == "# rules\n");
}

TEST_CASE("the municipality code must be a CBS code", "[plugin][validate]") {
    for (char const* code : {"0489", "GM489", "gm0489", "GM04899", "GMabcd"}) {
        Description d;
        d.info.municipality_code = code;
        CHECK(problems(d) ==
              std::vector<std::string>{"municipality code \"" + std::string(code) +
                                       "\" is not a CBS code (expected \"GM\" and four digits, "
                                       "e.g. \"GM0489\")"});
    }
    Description d;
    d.info.municipality_code = nullptr;
    d.info.name = "";
    d.info.version = nullptr;
    CHECK(problems(d) ==
          std::vector<std::string>{
              "municipality code is missing (expected a CBS code such as \"GM0489\")",
              "name is missing", "version is missing"});
}

TEST_CASE("rows of one key must not overlap in time", "[plugin][validate]") {
    Description d;
    d.rows.push_back(row("begeleiding", "2017-01-01", nullptr, "47.00"));
    CHECK(problems(d) ==
          std::vector<std::string>{"table 'in_kind_cost': duplicate rows for 'begeleiding' on "
                                   "2017-01-01: a row valid 2015-01-01..2017-12-31 and row 2 valid "
                                   "2017-01-01.."});

    Description exact;
    exact.rows.push_back(exact.rows[0]);
    CHECK(problems(exact).size() == 1);

    Description adjacent; // consecutive periods and other keys are fine
    adjacent.rows.push_back(row("begeleiding", "2018-01-01", nullptr, "47.00"));
    adjacent.rows.push_back(row("dagbesteding", "2015-01-01", nullptr, "30.00"));
    CHECK(adjacent.validate().ok());
}

TEST_CASE("row fields are checked: key, dates, amount", "[plugin][validate]") {
    Description d;
    d.rows = {row("Begeleiding", "2015-01-01", nullptr, "45.00"),
              row("a", "2015-02-30", nullptr, "1"),
              row("b", "2015-01-01", "2014-12-31", "1"),
              row("c", "2015-01-01", "31-12-2015", "1"),
              row("d", "2015-01-01", nullptr, "1e3"),
              row("e", nullptr, nullptr, nullptr)};
    CHECK(problems(d) ==
          std::vector<std::string>{
              "table 'in_kind_cost' row 1: key \"Begeleiding\" is not an identifier (lowercase "
              "letters, digits and '_')",
              "table 'in_kind_cost' row 2 (a): valid_from \"2015-02-30\" is not a date "
              "(expected YYYY-MM-DD)",
              "table 'in_kind_cost' row 3 (b): valid_to 2014-12-31 is before valid_from "
              "2015-01-01",
              "table 'in_kind_cost' row 4 (c): valid_to \"31-12-2015\" is not a date (expected "
              "YYYY-MM-DD, or NULL for open-ended)",
              "table 'in_kind_cost' row 5 (d): amount \"1e3\" is not a decimal (digits with '.' "
              "as the separator, e.g. \"45.00\")",
              "table 'in_kind_cost' row 6 (e) valid_from is missing",
              "table 'in_kind_cost' row 6 (e) amount is missing"});
}

TEST_CASE("table name, unit, citation and label are checked", "[plugin][validate]") {
    Description d;
    d.tables[0].name = "in-kind";
    d.tables[0].unit = "euro/hour";
    d.tables[0].cites = nullptr;
    d.tables[0].label_nl = "";
    CHECK(problems(d) ==
          std::vector<std::string>{
              "table 1: name \"in-kind\" is not an identifier (lowercase letters, digits and '_')",
              "table 1: unit \"euro/hour\" is not a unit expression (unit words joined by '/' or "
              "'*', e.g. eur/hour)",
              "table 1 citation (cites) is missing", "table 1 Dutch label (label_nl) is missing"});

    Description text_unit;
    text_unit.tables[0].unit = "text";
    CHECK(problems(text_unit).size() == 1);
}

TEST_CASE("texts a plugin hands over must be UTF-8", "[plugin][validate]") {
    // A plugin compiled from Windows-1252 sources: the section sign and e-acute are single bytes.
    Description d;
    d.tables[0].cites = "Verordening \xA7 5";
    d.tables[0].label_en = "Caf\xE9 rate";
    d.rows[0].cites = "Beleidsregels \xA7 2";
    d.functions[0].label_nl = "Tarief \xE9\xE9n";
    CHECK(problems(d) ==
          std::vector<std::string>{
              "table 'in_kind_cost' citation (cites) is not UTF-8 text (byte 0xA7 at position 13); "
              "the plugin must hand over UTF-8 (compile its sources as UTF-8)",
              "table 'in_kind_cost' English label (label_en) is not UTF-8 text (byte 0xE9 at "
              "position 4); the plugin must hand over UTF-8 (compile its sources as UTF-8)",
              "table 'in_kind_cost' row 1 (begeleiding) citation (cites) is not UTF-8 text "
              "(byte 0xA7 at "
              "position 15); the plugin must hand over UTF-8 (compile its sources as UTF-8)",
              "function 'rate' Dutch label (label_nl) is not UTF-8 text (byte 0xE9 at position "
              "8); the plugin must hand over UTF-8 (compile its sources as UTF-8)"});
}

TEST_CASE("function signatures must use known types", "[plugin][validate]") {
    Description d;
    d.parameter_types = {"text", "uur", nullptr};
    d.functions[0].return_type = "euro/hour";
    d.functions[0].fn = nullptr;
    CHECK(problems(d) ==
          std::vector<std::string>{
              "function 'rate': parameter 2 type \"uur\" is not a type (expected text, date, "
              "bool or a unit such as eur/hour)",
              "function 'rate': parameter 3 type is missing",
              "function 'rate': return type \"euro/hour\" is not a type (expected text, date, "
              "bool or a unit such as eur/hour)",
              "function 'rate' has no implementation (fn is NULL)"});
}

TEST_CASE("tables and functions share one namespace", "[plugin][validate]") {
    Description d;
    d.functions[0].name = "in_kind_cost";
    CHECK(problems(d) == std::vector<std::string>{"function 'in_kind_cost': the name is already "
                                                  "used by a table of this plugin"});
}

TEST_CASE("rule source paths are relative .rules paths, each once", "[plugin][validate]") {
    Description d;
    d.sources.push_back({sizeof(billijk_rule_source), "/etc/x.rules", "x"});
    d.sources.push_back({sizeof(billijk_rule_source), "a/../b.rules", "x"});
    d.sources.push_back({sizeof(billijk_rule_source), "a/b.txt", "x"});
    d.sources.push_back({sizeof(billijk_rule_source), "gemeente/wmo.rules", "y"});
    d.sources.push_back({sizeof(billijk_rule_source), "c.rules", nullptr});
    auto const found = problems(d);
    REQUIRE(found.size() == 5);
    CHECK(found[0].rfind("rule source 2: path \"/etc/x.rules\" must be relative", 0) == 0);
    CHECK(found[1].rfind("rule source 3: path \"a/../b.rules\"", 0) == 0);
    CHECK(found[2].rfind("rule source 4: path \"a/b.txt\"", 0) == 0);
    CHECK(found[3] == "rule sources 1 and 5 have the same path \"gemeente/wmo.rules\"");
    CHECK(found[4] == "rule source 6 text is missing");
}

TEST_CASE("every problem of a description is reported", "[plugin][validate]") {
    Description d;
    d.info.municipality_code = "0489";
    d.rows[0].amount = "45,00";
    d.functions[0].return_type = "euro";
    CHECK(problems(d).size() == 3);
}

TEST_CASE("arrays are walked by their elements' struct_size", "[plugin][validate]") {
    SECTION("elements of a newer minor, longer than this host's, are read at their stride") {
        struct LongerRow {
            billijk_tariff_row row;
            char const* appended_in_a_later_minor;
        };
        std::vector<LongerRow> rows{
            {row("a", "2015-01-01", nullptr, "1.00"), "x"},
            {row("b", "2015-01-01", nullptr, "2.00"), "y"},
        };
        for (auto& r : rows) {
            r.row.struct_size = sizeof(LongerRow);
        }
        Description d;
        auto result = [&] {
            d.validate(); // fills the pointers; then point the table at the longer rows
            d.tables[0].rows = &rows[0].row;
            d.tables[0].row_count = rows.size();
            return plugin::validate_description(d.info, "test.so", "00");
        }();
        INFO(plugin_messages(result.diagnostics()));
        REQUIRE(result.ok());
        REQUIRE(result.value().tables[0].rows.size() == 2);
        CHECK(result.value().tables[0].rows[1].key == "b");
        CHECK(result.value().tables[0].rows[1].amount.to_string() == "2.00");
    }
    SECTION("an element shorter than ABI 1.0's is refused") {
        Description d;
        d.rows[0].struct_size = 8;
        CHECK(problems(d) ==
              std::vector<std::string>{
                  "table 'in_kind_cost' rows: element struct_size is 8, ABI 1.0 "
                  "needs at least " +
                  std::to_string(sizeof(billijk_tariff_row)) + " (set it to sizeof the struct)"});
    }
    SECTION("elements of one array have one size") {
        Description d;
        d.rows.push_back(row("x", "2015-01-01", nullptr, "1"));
        d.rows[1].struct_size = sizeof(billijk_tariff_row) + 8;
        CHECK(problems(d) == std::vector<std::string>{
                                 "table 'in_kind_cost' rows: element 2 has struct_size " +
                                 std::to_string(sizeof(billijk_tariff_row) + 8) +
                                 ", element 1 has " + std::to_string(sizeof(billijk_tariff_row)) +
                                 " (all elements of an array have the same size)"});
    }
    SECTION("a NULL array with a count is refused") {
        Description d;
        d.validate();
        d.info.tables = nullptr;
        auto result = plugin::validate_description(d.info, "test.so", "00");
        REQUIRE_FALSE(result.ok());
        CHECK(result.diagnostics().items().front().message ==
              "tables: the array is NULL but its count is 1");
    }
}
