/* Test plugin, written in C: built against a newer minor version (1.7) than the host's 1.0.
 * Expected: refused with P0003 "plugin ABI 1.7, this billijk supports ABI 1.0 (major must
 * equal, minor at most 0)": the plugin may rely on members this host does not know. */
#include "billijk/plugin_abi.h"

static const billijk_plugin_info info = {
    sizeof(billijk_plugin_info),
    BILLIJK_PLUGIN_ABI_MAJOR,
    7, /* abi_minor: newer than the host */
    "GM0489",
    "Barendrecht (ABI 1.7)",
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
