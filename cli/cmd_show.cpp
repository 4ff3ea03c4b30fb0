// billijk show ID [--db FILE] [--format text|json] [--lang nl|en] [--as-stored]
// The committee's and the auditor's command: print a stored indication as `billijk indicate`
// printed it, with its explanation, years later and without the case file (docs/store.md,
// "Showing a stored indication"). An indication stored without explanations has them recomputed
// with the stored rules and plugins, and only when these give the stored output exactly.
#include "args.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "store_options.hpp"

#include "io/explain_text.hpp"
#include "io/indication_json.hpp"
#include "store/replay.hpp"

#include <iostream>

namespace billijk::cli {

namespace {

constexpr char const* command = "billijk show";

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
    if (format == "json")
        std::cout << io::write_indication_json(indication);
    else
        std::cout << io::write_indication_text(indication,
                                               lang == "en" ? io::Language::en : io::Language::nl);
    return exit_ok;
}

} // namespace billijk::cli
