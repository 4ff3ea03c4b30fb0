// billijk decide ID --override FIELD=VALUE [--override ...] --reason TEXT [--date YYYY-MM-DD]
//                [--db FILE]
// The indication committee records a decision that deviates from the engine's indication ID
// (docs/store.md, "Deviation register"). --override may be repeated.
#include "args.hpp"
#include "commands.hpp"
#include "core/utf8.hpp"
#include "exit_codes.hpp"
#include "store_options.hpp"

#include "billijk/date.hpp"
#include "store/decisions.hpp"

#include <iostream>
#include <vector>

namespace billijk::cli {

int cmd_decide(int argc, char** argv) {
    constexpr char const* command = "billijk decide";
    // Args keeps one value per option: take every --override out first.
    std::vector<std::string> overrides;
    std::vector<char*> rest;
    for (int i = 0; i < argc; ++i) {
        std::string_view const arg = argv[i];
        if (arg == "--override") {
            if (i + 1 >= argc) {
                std::cerr << command << ": option --override needs a value\n";
                return exit_usage;
            }
            overrides.emplace_back(argv[++i]);
        } else if (arg.rfind("--override=", 0) == 0) {
            overrides.emplace_back(arg.substr(11));
        } else {
            rest.push_back(argv[i]);
        }
    }
    Args args(rest.data(), rest.data() + rest.size());
    if (auto err = args.parse({"db", "reason", "date"}, {})) {
        std::cerr << command << ": " << *err << "\n";
        return exit_usage;
    }
    auto const id = indication_id_argument(
        args.positional(), command, "billijk decide 17 --override budget=7000.00 --reason \"...\"");
    if (!id)
        return exit_usage;
    if (overrides.empty()) {
        std::cerr << command << ": give at least one --override FIELD=VALUE\n";
        return exit_usage;
    }
    auto const reason = args.option("reason");
    if (!reason) {
        std::cerr << command
                  << ": --reason TEXT is required: why the committee decides "
                     "differently\n";
        return exit_usage;
    }
    // The reason and the values are kept in the store's JSON and the audit log, which are UTF-8.
    auto not_utf8_arg = [&](std::string_view option, std::string_view text) {
        auto why = not_utf8(text, "pass UTF-8 (set the terminal or script to UTF-8)");
        if (why)
            std::cerr << command << ": " << option << " " << *why << "\n";
        return why.has_value();
    };
    if (not_utf8_arg("--reason", *reason))
        return exit_usage;
    for (auto const& text : overrides)
        if (not_utf8_arg("--override", text))
            return exit_usage;
    std::string decided_on = today_utc();
    if (auto date = args.option("date")) {
        if (!Date::parse(*date)) {
            std::cerr << command << ": --date " << *date
                      << " is not a calendar date (expected YYYY-MM-DD)\n";
            return exit_usage;
        }
        decided_on = *date;
    }
    std::vector<store::OverrideSpec> specs;
    for (auto const& text : overrides) {
        auto spec = store::parse_override(text);
        if (!spec) {
            print_store_errors(command, spec.diagnostics());
            return exit_usage;
        }
        specs.push_back(std::move(spec).value());
    }

    auto db = open_database(args.option("db"), command);
    if (!db)
        return exit_store_error;
    auto decision = store::record_decision(*db, *id, specs, *reason, decided_on, now_utc());
    if (!decision) {
        print_store_errors(command, decision.diagnostics());
        // A wrong field or value is the user's to fix; a failed write or missing record is not.
        bool const usage = decision.diagnostics().items().front().id == "S0109";
        return usage ? exit_usage : exit_store_error;
    }
    std::cout << "decision " << decision.value() << " recorded for indication " << *id << "\n";
    return exit_ok;
}

} // namespace billijk::cli
