#include "store/replay.hpp"

#include "billijk/engine.hpp"
#include "io/case_json.hpp"
#include "io/fingerprint.hpp"
#include "io/indication_json.hpp"
#include "io/indication_reader.hpp"

#include <cstdlib>
#include <fstream>
#include <set>

#include <sys/stat.h>

namespace billijk::store {

namespace fs = std::filesystem;

Result<ScratchDir> ScratchDir::create() {
    std::error_code ec;
    fs::path base = fs::temp_directory_path(ec);
    if (ec)
        base = "/tmp";
    std::string templ = (base / "billijk-replay-XXXXXX").string();
    // mkdtemp creates the directory with mode 0700: only this user can read the stored rules
    // and plugins while they are there.
    if (::mkdtemp(templ.data()) == nullptr)
        return fail("S0110", std::nullopt,
                    "cannot create a private temporary directory under " + base.string() +
                        " (set TMPDIR to a writable directory)");
    return ScratchDir(fs::path(templ));
}

ScratchDir::~ScratchDir() {
    if (path_.empty())
        return;
    std::error_code ec;
    fs::remove_all(path_, ec); // best effort: a leftover directory holds no personal data
}

namespace {

bool write_file(fs::path const& path, std::string const& bytes) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out.flush());
}

/// A stored relative path must stay inside the directory it is written to.
bool is_safe_relative(std::string const& path) {
    fs::path const p(path);
    if (p.empty() || p.is_absolute())
        return false;
    for (auto const& part : p)
        if (part == "..")
            return false;
    return true;
}

} // namespace

Result<ScratchDir> materialise(StoredIndication const& stored) {
    BILLIJK_TRY(dir, ScratchDir::create());
    for (auto const& f : stored.rule_files) {
        if (!is_safe_relative(f.path))
            return fail("S0108", std::nullopt,
                        "stored rule file path '" + f.path + "' is not a relative path");
        if (!write_file(dir.rules() / f.path, f.text))
            return fail("S0110", std::nullopt, "cannot write " + (dir.rules() / f.path).string());
    }
    std::error_code ec;
    fs::create_directories(dir.rules(), ec);
    fs::create_directories(dir.plugins(), ec);
    std::set<std::string> names;
    for (auto const& p : stored.plugins) {
        if (io::sha256_hex(p.bytes) != p.sha256)
            return fail("S0108", std::nullopt,
                        "stored plugin " + p.name + " (" + p.municipality +
                            ") no longer has its recorded SHA-256 " + p.sha256);
        // Two stored plugins may share a file name (they came from different directories).
        std::string name = fs::path(p.file_name).filename().string();
        if (name.empty() || !names.insert(name).second)
            name = p.sha256 + ".so";
        names.insert(name);
        if (!write_file(dir.plugins() / name, p.bytes))
            return fail("S0110", std::nullopt, "cannot write " + (dir.plugins() / name).string());
    }
    return dir;
}

Recomputed recompute(RecomputeInput const& input, SourceSet& sources) {
    Recomputed out;
    IndicateOptions options;
    if (input.date_option) {
        options.reference_date = Date::parse(*input.date_option);
        if (!options.reference_date) {
            out.stage = RecomputeStage::case_input;
            out.diagnostics.error("S0108", std::nullopt,
                                  "stored --date '" + *input.date_option + "' is not a date");
            return out;
        }
    }
    auto the_case = io::read_case(input.case_text, "case");
    if (!the_case) {
        out.stage = RecomputeStage::case_input;
        out.diagnostics = the_case.diagnostics();
        return out;
    }
    auto registry = plugin::Registry::load(input.plugins);
    out.refusals = registry.refusals();
    auto rules = load_rules(input.rules_root, sources, registry);
    if (!rules) {
        out.stage = RecomputeStage::rules;
        out.diagnostics = rules.diagnostics();
        return out;
    }
    auto const write = input.one_line ? io::write_indication_json_line : io::write_indication_json;
    std::string const canonical_case = io::canonical_case_json(input.case_text);
    // The output as `indicate` (explain) or `batch --no-explain` (not) writes it.
    auto output = [&](bool explain) -> std::optional<std::string> {
        options.explain = explain;
        auto indication = indicate(rules.value(), the_case.value(), options);
        if (!indication) {
            out.stage = RecomputeStage::evaluation;
            out.diagnostics = indication.diagnostics();
            return std::nullopt;
        }
        Indication result = std::move(indication).value();
        result.fingerprint = io::fingerprint(result, canonical_case);
        return write(result, explain);
    };
    auto first = output(input.explain);
    if (!first)
        return out;
    out.output = std::move(*first);
    if (!input.explain) {
        out.output_without_explanations = out.output;
        return out;
    }
    // Evaluated again rather than written from the explained indication: without explanations
    // a re-indication's changes name no rule, label or formula (they come from the explanation),
    // so the explained indication written without its trees is not what --no-explain stored.
    auto bare = output(false);
    if (!bare)
        return out;
    out.output_without_explanations = std::move(*bare);
    return out;
}

RecomputeInput replay_input(StoredIndication const& stored, ScratchDir const* dir) {
    RecomputeInput input;
    input.case_text = case_for_replay(stored.case_json);
    input.date_option = stored.date_option;
    input.explain = explains(stored);
    input.one_line = io::indication_json_is_one_line(stored.output);
    if (dir != nullptr) {
        input.rules_root = dir->rules();
        input.plugins.directories.push_back({dir->plugins(), true});
        input.plugins.origin = "stored plugins";
    }
    return input;
}

bool explains(StoredIndication const& stored) {
    return io::indication_json_has_explanations(stored.output);
}

Result<std::string> explained_output(StoredIndication const& stored) {
    if (explains(stored))
        return stored.output;
    BILLIJK_TRY(dir, materialise(stored));
    RecomputeInput input = replay_input(stored, &dir);
    input.explain = true;
    SourceSet sources;
    auto again = recompute(input, sources);
    std::string const which = "indication " + std::to_string(stored.id);
    if (again.stage != RecomputeStage::ok)
        return fail("S0112", std::nullopt,
                    which + " was stored without its explanations, and recomputing them failed (" +
                        (again.diagnostics.items().empty()
                             ? std::string("plugins refused")
                             : again.diagnostics.items().front().message) +
                        "); billijk replay " + std::to_string(stored.id) + " shows why");
    if (again.output_without_explanations != stored.output)
        return fail("S0112", std::nullopt,
                    which +
                        " was stored without its explanations, and the stored rules and plugins "
                        "no longer give its output; billijk replay " +
                        std::to_string(stored.id) + " shows what differs");
    return std::move(again.output);
}

Result<ShownIndication> shown_indication(StoredIndication const& stored) {
    BILLIJK_TRY(output, explained_output(stored));
    auto read = io::read_indication_json(output);
    if (!read.indication)
        return fail("S0111", std::nullopt,
                    "indication " + std::to_string(stored.id) +
                        ": the stored output is not a billijk.indication/1 document: " +
                        read.error + " (audit verify names the damaged entry)");
    return ShownIndication{std::move(*read.indication), !explains(stored)};
}

} // namespace billijk::store
