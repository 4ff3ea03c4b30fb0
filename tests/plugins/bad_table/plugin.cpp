// Test plugin: a tariff amount written with a decimal comma.
// Expected: refused with P0005 "table 'in_kind_cost' row 1 (begeleiding_individueel): amount
// "45,00" is not a decimal (digits with '.' as the separator, e.g. "45.00")".
#include "billijk_plugin.hpp"

namespace sdk = billijk::sdk;

namespace {

constexpr billijk_tariff_row rows[] = {
    sdk::row("begeleiding_individueel", "2015-01-01", "2017-12-31", "45,00"),
};
constexpr billijk_tariff_table tables[] = {
    sdk::table("in_kind_cost", "eur/hour", rows, "test", "Test"),
};

} // namespace

BILLIJK_PLUGIN(sdk::plugin("GM0597", "Ridderkerk (bad table)", "test").with_tables(tables))
