// billijk signals [--db FILE] [--format text|json|csv]
// For policy writers: which rules and articles the committee keeps overriding, per month
// (docs/store.md, "Signals").
#include "args.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "store_options.hpp"

#include "store/signals.hpp"

#include <iostream>

namespace billijk::cli {

int cmd_signals(int argc, char** argv) {
    constexpr char const* command = "billijk signals";
    Args args(argv, argv + argc);
    if (auto err = args.parse({"db", "format"}, {})) {
        std::cerr << command << ": " << *err << "\n";
        return exit_usage;
    }
    if (!args.positional().empty()) {
        std::cerr << command << ": unexpected argument '" << args.positional().front() << "'\n";
        return exit_usage;
    }
    std::string const format = args.option("format").value_or("text");
    if (format != "text" && format != "json" && format != "csv") {
        std::cerr << command << ": --format must be text, json or csv, not '" << format << "'\n";
        return exit_usage;
    }
    auto db = open_database(args.option("db"), command);
    if (!db)
        return exit_store_error;
    auto signals = store::collect_signals(*db);
    if (!signals) {
        print_store_errors(command, signals.diagnostics());
        return exit_store_error;
    }
    if (format == "json")
        std::cout << store::render_signals_json(signals.value());
    else if (format == "csv")
        std::cout << store::render_signals_csv(signals.value());
    else
        std::cout << store::render_signals_text(signals.value());
    return exit_ok;
}

} // namespace billijk::cli
