// Test plugin: a valid plugin for GM0489, the municipality the Barendrecht plugin supplies.
// Expected, with the Barendrecht plugin earlier on the search path: refused with P0006
// "municipality GM0489 is already supplied by …/barendrecht.so (Barendrecht 2015.1)".
#include "billijk_plugin.hpp"

namespace sdk = billijk::sdk;

namespace {

constexpr billijk_tariff_row rows[] = {
    sdk::row("begeleiding_individueel", "2015-01-01", nullptr, "50.00"),
};
constexpr billijk_tariff_table tables[] = {
    sdk::table("in_kind_cost", "eur/hour", rows, "test", "Test"),
};

} // namespace

BILLIJK_PLUGIN(sdk::plugin("GM0489", "Barendrecht (duplicate)", "test").with_tables(tables))
