// `billijk indicate --store`: the part of indicate that records the indication in the store
// (docs/store.md), kept apart so that cmd_indicate.cpp stays about indicating.
#pragma once

#include "billijk/indication.hpp"
#include "plugin/registry.hpp"
#include "store/pseudonym.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace billijk::cli {

struct IndicationToStore {
    std::optional<std::string> db_flag;
    std::filesystem::path rules_root;
    plugin::Registry const* plugins = nullptr;
    Indication const* indication = nullptr;
    std::string const* case_text = nullptr;
    std::optional<std::string> date_option;
};

/// Records the indication and prints "billijk indicate: stored as indication N in FILE" on
/// stderr (stdout keeps the indication itself). Returns exit_ok or exit_store_error.
int store_indication_of_run(IndicationToStore const& run, store::PseudonymKey const& key);

} // namespace billijk::cli
