// The checker's entry point: syntax trees of every rule file in → checked Program out.
//
// The facade (facade/load_rules.cpp) parses the files and then calls `check` once with all of
// them. `check` runs every phase and keeps going after errors, so one run reports as much as it
// can; the Program is only usable when `diags` holds no errors afterwards.
//
//   std::vector<sema::CheckInput> files = ...;   // one per parsed file
//   Diagnostics diags;
//   auto program = sema::check(files, sources, diags);
//   if (diags.has_errors()) return diags;
#pragma once

#include "billijk/diagnostic.hpp"
#include "billijk/source.hpp"
#include "sema/ir.hpp"
#include "syntax/tree.hpp"

#include <memory>
#include <string>
#include <vector>

namespace billijk::sema {

struct CheckInput {
    FileId file = 0;
    std::string path; ///< as shown in diagnostics
    std::string hash; ///< "sha256:..." of the file text
    syntax::File const* tree = nullptr;
};

/// `plugins`: the accepted plugins; each municipal package sees the tables and functions of the
/// plugin with its municipality code.
std::shared_ptr<Program> check(std::vector<CheckInput> const& files, SourceSet const& sources,
                               Diagnostics& diags, std::vector<plugin::Plugin> plugins = {});

} // namespace billijk::sema
