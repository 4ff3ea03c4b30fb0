// The host side of the plugin ABI: the one billijk_host_api handed to every plugin, and the
// per-call context behind the opaque billijk_host_context pointer. Internal to
// engine/src/plugin/.
#pragma once

#include "billijk/plugin_abi.h"

#include <string>

/// Completes the opaque C type of plugin_abi.h: one per init or native-function call, on the
/// host's stack. set_error() stores the plugin's message here.
struct billijk_host_context {
    std::string error;
    bool has_error = false;
};

namespace billijk::plugin {

/// The host API: ABI version and set_error; no clock, environment, files or allocator.
billijk_host_api const* host_api();

/// The message a failed call left in `ctx`, or `fallback` when the plugin gave none.
std::string error_message(billijk_host_context const& ctx, std::string fallback);

} // namespace billijk::plugin
