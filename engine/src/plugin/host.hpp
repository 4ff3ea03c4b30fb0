// The host side of the plugin ABI: the one billijk_host_api handed to every plugin, and the
// per-call context behind the opaque billijk_host_context pointer. Internal to
// engine/src/plugin/.
#pragma once

#include "billijk/plugin_abi.h"

#include <string>
#include <string_view>

/// Completes the opaque C type of plugin_abi.h: one per init or native-function call, on the
/// host's stack. set_error() stores the plugin's message here.
struct billijk_host_context {
    std::string error;
    bool has_error = false;
};

namespace billijk::plugin {

/// The host API: ABI version and set_error; no clock, environment, files or allocator.
billijk_host_api const* host_api();

/// What to do about a text a plugin hands over that is not UTF-8 (core/utf8.hpp): everything a
/// plugin says ends up in explanations and reasons, which are UTF-8.
inline constexpr std::string_view plugin_utf8_advice =
    "the plugin must hand over UTF-8 (compile its sources as UTF-8)";

/// The message a failed call left in `ctx`, or `fallback` when the plugin gave none. A message
/// that is not UTF-8 is not passed on: the text says so instead.
std::string error_message(billijk_host_context const& ctx, std::string fallback);

} // namespace billijk::plugin
