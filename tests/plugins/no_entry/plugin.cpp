// Test plugin: a shared library that exports nothing, so it has no billijk_plugin_entry.
// Expected: refused with P0002 "no entry point 'billijk_plugin_entry': not a Billijk plugin".
#include "billijk/plugin_abi.h"

namespace {

// Hidden like everything in a plugin: the library loads, but dlsym finds no entry point.
int plugin_entry_with_a_typo() {
    return BILLIJK_PLUGIN_ABI_MAJOR;
}

} // namespace

int billijk_test_unused(); // hidden visibility: not exported either
int billijk_test_unused() {
    return plugin_entry_with_a_typo();
}
