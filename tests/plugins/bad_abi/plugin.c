/* Test plugin, written in C: describes itself as ABI 99.0.
 * Expected: refused with P0003 "plugin ABI 99.0, this billijk supports ABI 1.0 (major must
 * equal, minor at most 0)". Being C, it also proves that billijk/plugin_abi.h compiles as C. */
#include "billijk/plugin_abi.h"

static const billijk_plugin_info info = {
    sizeof(billijk_plugin_info),
    99, /* abi_major: a future, incompatible ABI */
    0,
    "GM0489",
    "Barendrecht (ABI 99)",
    "test",
    NULL,
    0,
    NULL,
    0,
    NULL,
    0,
    NULL,
};

BILLIJK_PLUGIN_EXPORT const billijk_plugin_info*
billijk_plugin_entry(const billijk_host_api* host) {
    (void)host;
    return &info;
}
