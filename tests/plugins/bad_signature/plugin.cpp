// Test plugin: a native function whose declared return type is not a unit ("euro/hour").
// Expected: refused with P0005 "function 'informal_rate': return type "euro/hour" is not a type
// (expected text, date, bool or a unit such as eur/hour)".
#include "billijk_plugin.hpp"

namespace sdk = billijk::sdk;

namespace {

int informal_rate(sdk::Call& call) {
    return call.return_decimal("27.00");
}

constexpr char const* parameters[] = {"text", "date"};
constexpr billijk_native_function functions[] = {
    sdk::function("informal_rate", parameters, "euro/hour", sdk::native<informal_rate>, "test",
                  "Test"),
};

} // namespace

BILLIJK_PLUGIN(sdk::plugin("GM0599", "Rotterdam (bad signature)", "test").with_functions(functions))
