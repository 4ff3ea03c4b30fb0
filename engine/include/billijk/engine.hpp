// The engine facade: load a rule set once, then indicate many cases against it.
//
//   SourceSet sources;
//   auto rules = billijk::load_rules("rules", sources);          // parse + check, once
//   if (!rules) render(rules.diagnostics(), sources);
//   auto ind = billijk::indicate(rules.value(), the_case, {});   // pure: no clock, no env
//
// Loading parses every *.rules file under the root, resolves names, checks units, tables,
// dating and layering, and reports every problem it can find in one run. Indicating picks the
// municipal package for the case's municipality and law that is valid on the reference date.
#pragma once

#include "billijk/case.hpp"
#include "billijk/indication.hpp"
#include "billijk/result.hpp"
#include "billijk/source.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

namespace billijk {

namespace sema {
struct Program; // the checked, typed rule set (engine/src/sema/ir.hpp)
}
namespace plugin {
class Registry; // the loaded municipality plugins (engine/src/plugin/registry.hpp)
}

/// A loaded, checked rule set. Cheap to copy; immutable; safe to share between threads.
class RuleSet {
  public:
    explicit RuleSet(std::shared_ptr<sema::Program const> program, Diagnostics warnings = {});
    sema::Program const& program() const { return *program_; }
    /// The program, shared: what an indication keeps alive while its explanations borrow from it.
    std::shared_ptr<sema::Program const> const& shared_program() const { return program_; }
    /// Warnings of a successful load (W0207: a call that only the municipality's plugin, which
    /// is not loaded, could supply).
    Diagnostics const& warnings() const { return warnings_; }

    /// What an indication under a package names as its sources: the packages of its lineage
    /// (Indication::rules) and their plugins, one per municipality in code order
    /// (Indication::plugins). Built once per load, for every package: an indication copies
    /// them instead of rendering validity ranges and ABI versions per case.
    struct Sources {
        std::vector<RulePackageRef> rules;
        std::vector<PluginRef> plugins;
    };
    /// `package`: an index into program().packages.
    Sources const& sources(std::uint32_t package) const { return (*sources_)[package]; }

  private:
    std::shared_ptr<sema::Program const> program_;
    Diagnostics warnings_;
    std::shared_ptr<std::vector<Sources> const> sources_; ///< by package; shared by copies
};

/// Parse and check every *.rules file under `root` (recursively, in sorted path order).
/// Diagnostics carry spans into `sources`, which must outlive their rendering.
Result<RuleSet> load_rules(std::filesystem::path const& root, SourceSet& sources);

/// The same, with the accepted plugins of `plugins` (its refusals are the caller's to report):
/// a municipal package sees, by name, the tariff tables and native functions of the plugin whose
/// municipality code is its own (docs/rule-language.md, "Tariff tables and functions from a
/// plugin"). The rule set keeps a copy of each plugin's description.
Result<RuleSet> load_rules(std::filesystem::path const& root, SourceSet& sources,
                           plugin::Registry const& plugins);

/// The same, with a draft laid over the root (`billijk impact --draft`): every *.rules file under
/// `overlay` replaces the file at the same relative path, whether that is a file of the root or
/// a file a plugin embeds (so a draft "barendrecht/jeugd.rules" replaces the Barendrecht
/// plugin's package for this load instead of failing with E0222), or adds it. A drafted file is
/// shown in diagnostics at its real path under `overlay`.
Result<RuleSet> load_rules_with_overlay(std::filesystem::path const& root,
                                        std::filesystem::path const& overlay, SourceSet& sources,
                                        plugin::Registry const& plugins);

struct IndicateOptions {
    /// The date whose rules apply; default: the case's decision_date.
    std::optional<Date> reference_date;
    /// false: compute the same statuses, amounts, reasons and undetermined reasons, but build
    /// no explanation (ProvisionResult::explanation and field_sources stay empty, and a
    /// re-indication's changes name no rule or formula). For bulk runs that store only the
    /// amounts (`billijk batch --no-explain`) and for measuring what explanations cost.
    bool explain = true;
};

/// Indicate every request of the case. Errors (no package for the municipality, a fact that no
/// package declares, a fact of the wrong type) are diagnostics naming the JSON path; missing
/// inputs are not errors but make values undetermined. `fingerprint` is left empty: the caller
/// sets it with io/fingerprint.hpp, which also sees the canonical input text.
Result<Indication> indicate(RuleSet const& rules, Case const& the_case,
                            IndicateOptions const& options);

} // namespace billijk
