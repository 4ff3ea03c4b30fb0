// billijk replay ID [--db FILE] [--current [--rules DIR] [--plugin-path DIR[:DIR]]]
// The auditor's command: recompute a stored indication with the stored rule texts and plugin
// files and confirm byte identity, or show what differs and why (docs/store.md, "Replay").
#include "args.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "rules_location.hpp"
#include "store_options.hpp"

#include "diag/render.hpp"
#include "io/fingerprint.hpp"
#include "store/compare.hpp"
#include "store/replay.hpp"

#include <iostream>

namespace billijk::cli {

namespace {

constexpr char const* command = "billijk replay";

int exit_for(store::RecomputeStage stage) {
    switch (stage) {
    case store::RecomputeStage::rules:
        return exit_rule_error;
    case store::RecomputeStage::case_input:
        return exit_bad_input;
    case store::RecomputeStage::evaluation:
        return exit_eval_error;
    default:
        return exit_ok;
    }
}

} // namespace

int cmd_replay(int argc, char** argv) {
    Args args(argv, argv + argc);
    if (auto err = args.parse({"db", "rules", "plugin-path"}, {"current"})) {
        std::cerr << command << ": " << *err << "\n";
        return exit_usage;
    }
    auto const id = indication_id_argument(args.positional(), command, "billijk replay 17");
    if (!id)
        return exit_usage;
    bool const current = args.has("current");
    if (!current && (args.option("rules") || args.option("plugin-path"))) {
        std::cerr << command
                  << ": --rules and --plugin-path go with --current (a replay uses the stored "
                     "rules and plugins)\n";
        return exit_usage;
    }
    auto db = open_database(args.option("db"), command);
    if (!db)
        return exit_store_error;
    auto stored = store::load_indication(*db, *id);
    if (!stored) {
        print_store_errors(command, stored.diagnostics());
        return exit_store_error;
    }

    // Recomputed in the form it was stored in: `batch --store --no-explain` left the
    // explanations out.
    bool const explained = store::explains(stored.value());
    std::optional<store::ScratchDir> scratch;
    store::RecomputeInput input;
    if (current) {
        auto root = find_rules_root(args.option("rules"));
        if (!root) {
            std::cerr << command << ": no rules directory found; pass --rules DIR\n";
            return exit_usage;
        }
        input = store::replay_input(stored.value(), nullptr);
        input.rules_root = *root;
        input.plugins = plugin_search_path(args.option("plugin-path"));
        // Changed parameters and tables are read from explanations: a row stored without them is
        // recomputed with them too, and compared without.
        input.explain = true;
    } else {
        auto dir = store::materialise(stored.value());
        if (!dir) {
            print_store_errors(command, dir.diagnostics());
            return exit_store_error;
        }
        scratch.emplace(std::move(dir).value());
        input = store::replay_input(stored.value(), &*scratch);
    }

    SourceSet sources;
    auto again = store::recompute(input, sources);
    for (auto const& refusal : again.refusals)
        std::cerr << command << ": warning: plugin refused: " << plugin::render_refusal(refusal);
    if (again.stage != store::RecomputeStage::ok) {
        std::cerr << command << ": indication " << *id << " could not be recomputed"
                  << (current ? " under the current rules" : "") << ":\n";
        for (auto const& d : again.diagnostics.items()) {
            Diagnostics one;
            one.add(d);
            std::cerr << (d.span ? "" : "case of indication " + std::to_string(*id) + ": ")
                      << render_all(one, sources);
        }
        return exit_for(again.stage);
    }

    std::string const& before = stored.value().output;
    std::string const& after = explained ? again.output : again.output_without_explanations;
    std::string const what =
        current ? "under the current rules and plugins" : "with the stored rules and plugins";
    if (before == after) {
        std::cout << "indication " << *id << " (" << stored.value().case_id << "), recomputed "
                  << what << ": identical (" << before.size()
                  << " bytes, sha256:" << io::sha256_hex(before)
                  << (explained ? "" : "; stored without explanations") << ")\n";
        return exit_ok;
    }
    std::cout << "indication " << *id << " (" << stored.value().case_id << "), recomputed " << what
              << ": " << (current ? "would change" : "DIFFERS from the stored output") << "\n";
    auto changes = store::describe_changes(before, after);
    if (current && !explained) {
        // The stored indication's explanations, recomputed with the stored rules and plugins,
        // against the current ones: what parameters and tables changed.
        auto stored_explained = store::explained_output(stored.value());
        if (stored_explained)
            changes = store::describe_changes(stored_explained.value(), again.output);
        else
            std::cerr << command << ": warning: changed parameters and tables are not listed: "
                      << stored_explained.diagnostics().items().front().message << "\n";
    }
    std::cout << "what changed:\n";
    if (changes.empty())
        std::cout << "  nothing in the engine, rule packages, plugins, parameters or tables; "
                     "the difference is in the computation itself\n";
    for (auto const& line : changes)
        std::cout << "  " << line << "\n";
    std::cout << store::unified_diff(before, after, "stored indication " + std::to_string(*id),
                                     current ? "current rules" : "replayed");
    return exit_findings;
}

} // namespace billijk::cli
