// billijk show ID [--db FILE] [--format text|json] [--lang nl|en] [--as-stored]
// The committee's and the auditor's command: print a stored indication as `billijk indicate`
// printed it, with its explanation, years later and without the case file (docs/store.md,
// "Showing a stored indication"). An indication stored without explanations has them recomputed
// with the stored rules and plugins, and only when these give the stored output exactly. The
// committee's decisions that deviate from it (`billijk decide`) follow the text.
#include "args.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "store_options.hpp"

#include "io/explain_text.hpp"
#include "io/indication_json.hpp"
#include "store/decisions.hpp"
#include "store/replay.hpp"

#include <iostream>

namespace billijk::cli {

namespace {

constexpr char const* command = "billijk show";

/// The committee's decisions that deviate from the indication, after its text: "" when there
/// are none. Values are written as the indication writes them (units in Dutch in Dutch).
std::string decisions_text(std::vector<store::RecordedDecision> const& decisions,
                           Indication const& indication, io::Language lang) {
    if (decisions.empty())
        return {};
    bool const nl = lang == io::Language::nl;
    auto value = [&](std::string const& v) {
        return v == "none" ? std::string(nl ? "geen" : "none") : io::localize_value(v, lang);
    };
    auto field = [&](std::string const& f) -> std::string {
        if (!nl)
            return f;
        return f == "status" ? "besluit" : f == "quantity" ? "omvang" : f == "rate" ? "tarief" : f;
    };
    std::string out = nl ? "\nBesluiten van de commissie die van deze indicatie afwijken:\n"
                         : "\nCommittee decisions that deviate from this indication:\n";
    for (auto const& d : decisions) {
        out += "  - " + std::string(nl ? "besluit " : "decision ") + std::to_string(d.id) +
               (nl ? " van " : " of ") + d.decided_on + ":\n";
        for (auto const& o : d.overrides) {
            std::string const provision = o.provision < indication.provisions.size()
                                              ? indication.provisions[o.provision].provision
                                              : "#" + std::to_string(o.provision);
            out += "      " + provision + " " + field(o.field) + ": " + value(o.engine_value) +
                   " -> " + value(o.decided) + "\n";
        }
        out += "      " + std::string(nl ? "reden: " : "reason: ") + d.reason + "\n";
    }
    return out;
}

} // namespace

int cmd_show(int argc, char** argv) {
    Args args(argv, argv + argc);
    if (auto err = args.parse({"db", "format", "lang"}, {"as-stored"})) {
        std::cerr << command << ": " << *err << "\n";
        return exit_usage;
    }
    auto const id = indication_id_argument(args.positional(), command, "billijk show 17");
    if (!id)
        return exit_usage;
    std::string const format = args.option("format").value_or("text");
    std::string const lang = args.option("lang").value_or("nl");
    bool const as_stored = args.has("as-stored");
    if (format != "text" && format != "json") {
        std::cerr << command << ": --format must be text or json, not '" << format << "'\n";
        return exit_usage;
    }
    if (lang != "nl" && lang != "en") {
        std::cerr << command << ": --lang must be nl or en, not '" << lang << "'\n";
        return exit_usage;
    }
    if (as_stored && (args.option("format").value_or("json") != "json" || args.option("lang"))) {
        std::cerr << command
                  << ": --as-stored prints the stored JSON bytes; it takes no --format text or "
                     "--lang\n";
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
    auto decided = store::decisions_on(*db, *id);
    if (!decided) {
        print_store_errors(command, decided.diagnostics());
        return exit_store_error;
    }
    if (as_stored || format == "json") {
        // The JSON is the indication's contract: the committee's decisions are not in it.
        for (auto const& d : decided.value())
            std::cerr << command << ": note: the committee decided otherwise on indication " << *id
                      << " (decision " << d.id << " of " << d.decided_on << "); `billijk show "
                      << *id << "` lists it after the indication\n";
    }
    if (as_stored) {
        // Exactly the bytes whose hash the audit chain holds; `batch` stored them on one line.
        std::string const& output = stored.value().output;
        std::cout << output << (output.ends_with('\n') ? "" : "\n");
        return exit_ok;
    }

    auto shown = store::shown_indication(stored.value());
    if (!shown) {
        print_store_errors(command, shown.diagnostics());
        std::cerr << command << ": `billijk show " << *id
                  << " --as-stored` prints the stored output as it is\n";
        return exit_store_error;
    }
    if (shown.value().recomputed)
        std::cerr << command << ": indication " << *id
                  << " was stored without its explanations; they were recomputed with the "
                     "stored rules and plugins, which give its stored output exactly\n";
    Indication const& indication = shown.value().indication;
    if (format == "json") {
        std::cout << io::write_indication_json(indication);
        return exit_ok;
    }
    auto const language = lang == "en" ? io::Language::en : io::Language::nl;
    std::cout << io::write_indication_text(indication, language)
              << decisions_text(decided.value(), indication, language);
    return exit_ok;
}

} // namespace billijk::cli
