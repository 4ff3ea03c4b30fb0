// Replay: recompute a stored indication and compare the bytes (`billijk replay`, docs/store.md).
//
// The stored rule texts and plugin files are written to a private temporary directory (mode
// 0700, removed afterwards) and loaded from there exactly as `billijk indicate` loads the
// originals; the case is the stored one with a placeholder BSN (pseudonym.hpp: the BSN never
// influences an indication). `--current` recomputes the same case under today's rules and
// plugins instead.
//
//   auto stored = store::load_indication(db, 17);
//   auto dir = store::materialise(stored.value());              // rules/ and plugins/
//   SourceSet sources;
//   auto again = store::recompute({dir.value().rules(), {{dir.value().plugins(), true}}, …},
//                                 sources);
//   bool same = again.value().output == stored.value().output;
//   auto full = store::explained_output(stored.value());       // recomputed when left out
//   auto shown = store::shown_indication(stored.value());      // read back, for `billijk show`
#pragma once

#include "billijk/indication.hpp"
#include "billijk/source.hpp"
#include "plugin/registry.hpp"
#include "store/records.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace billijk::store {

/// A private temporary directory, removed with everything in it when destroyed.
class ScratchDir {
  public:
    /// Creates $TMPDIR/billijk-replay-XXXXXX (or /tmp/...) with mode 0700. S0110 on failure.
    static Result<ScratchDir> create();
    ScratchDir(ScratchDir&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
    ScratchDir& operator=(ScratchDir&&) = delete;
    ScratchDir(ScratchDir const&) = delete;
    ScratchDir& operator=(ScratchDir const&) = delete;
    ~ScratchDir();

    std::filesystem::path const& path() const { return path_; }
    std::filesystem::path rules() const { return path_ / "rules"; }
    std::filesystem::path plugins() const { return path_ / "plugins"; }

  private:
    explicit ScratchDir(std::filesystem::path path) : path_(std::move(path)) {}
    std::filesystem::path path_;
};

/// Writes the stored rule files under rules/ and plugin files under plugins/, checking that
/// every plugin's bytes still have their recorded hash (S0108 otherwise).
Result<ScratchDir> materialise(StoredIndication const& stored);

struct RecomputeInput {
    std::filesystem::path rules_root;
    plugin::SearchPath plugins;
    std::string case_text; ///< as the engine reads it (case_for_replay of the stored case)
    std::optional<std::string> date_option;
    /// With explanations, as `indicate --format json`; false as `batch --store --no-explain`
    /// stored it (`explains(stored)` says which a stored output is).
    bool explain = true;
    /// On one line, as `batch --store` stored it (the result line's indication); false
    /// indented, as `indicate --store` (`io::indication_json_is_one_line` says which).
    bool one_line = false;
};

/// Stage at which a recomputation failed, for the exit code.
enum class RecomputeStage { ok, rules, case_input, evaluation };

struct Recomputed {
    RecomputeStage stage = RecomputeStage::ok;
    std::string output; ///< the JSON output bytes (stage ok)
    /// The case evaluated again without explanations, as `batch --no-explain` writes it (stage
    /// ok). Not `output` with its trees left out: a re-indication's changes then name no rule.
    std::string output_without_explanations;
    Diagnostics diagnostics;               ///< why it failed (spans into the SourceSet)
    std::vector<plugin::Refusal> refusals; ///< plugins on the path that were refused
};

/// The input that recomputes `stored` in the form it was stored in: its case and --date and,
/// with `dir` (what materialise wrote), the stored rules and plugins; without it the caller
/// names the rules and plugins (`replay --current`).
RecomputeInput replay_input(StoredIndication const& stored, ScratchDir const* dir);

/// Loads the rules and plugins and indicates the case exactly as `billijk indicate --format json`
/// (without explanations when `input.explain` is false, on one line when `input.one_line`).
Recomputed recompute(RecomputeInput const& input, SourceSet& sources);

/// Whether a stored output holds its explanations (`batch --store --no-explain` leaves them
/// out; the output's hash in the audit chain covers which form it is).
bool explains(StoredIndication const& stored);

/// The stored output with its explanations. One stored without them is recomputed with the
/// stored rules and plugins, and used only when the recomputation without explanations gives
/// the stored bytes exactly (S0112 otherwise: `billijk replay` shows why).
Result<std::string> explained_output(StoredIndication const& stored);

/// A stored indication as `billijk show` prints it: with its explanations, read back into an
/// Indication so that it can be written as text or as `indicate --format json` writes it.
struct ShownIndication {
    Indication indication;
    /// Stored without explanations (`batch --store --no-explain`): they were recomputed with the
    /// stored rules and plugins, which gave the stored output exactly (explained_output).
    bool recomputed = false;
};

/// explained_output, read back with io::read_indication_json. S0111 when the output is not a
/// billijk.indication/1 document (the message names the JSON path and what is wrong); S0112 as
/// explained_output.
Result<ShownIndication> shown_indication(StoredIndication const& stored);

} // namespace billijk::store
