// Comparing two indication outputs: a unified diff of the JSON text, and what changed in the
// things that determine it (engine, rule packages, plugins, parameters and tables), which is
// what `billijk replay` shows when the bytes differ.
//
//   std::cout << store::unified_diff(stored, again, "stored", "replayed");
//   for (auto const& line : store::describe_changes(stored, again)) std::cout << line << "\n";
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace billijk::store {

/// A unified diff ("--- a", "+++ b", "@@ -l,n +l,n @@" hunks with `context` lines around each
/// change) of two texts, line by line; "" when they are equal.
std::string unified_diff(std::string_view a, std::string_view b, std::string_view label_a,
                         std::string_view label_b, std::size_t context = 3);

/// One line per difference in what determined two indications: "engine: billijk 0.1.0 →
/// billijk 0.2.0", "rule package barendrecht.jeugd: hash sha256:… → sha256:…", "plugin GM0489
/// (Barendrecht): version 2015.1 → 2016.1, sha256 … → …", "parameter barendrecht.jeugd.
/// informal_share: 60% → 70%". Empty when none of these differ (e.g. only the case did).
std::vector<std::string> describe_changes(std::string_view stored_json, std::string_view new_json);

} // namespace billijk::store
