// Test plugin: its init hook fails with its own message.
// Expected: refused with P0004 "plugin initialisation failed: tariff table missing for 2016".
#include "billijk_plugin.hpp"

namespace sdk = billijk::sdk;

namespace {

int initialise(sdk::Init& init) {
    return init.fail("tariff table missing for 2016");
}

} // namespace

BILLIJK_PLUGIN(
    sdk::plugin("GM0613", "Albrandswaard (init fails)", "test").with_init(sdk::init<initialise>))
