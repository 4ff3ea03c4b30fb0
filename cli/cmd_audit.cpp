// billijk audit verify [--db FILE] [--threads N]
// Walks the hash-chained audit log and names the first broken entry (docs/store.md, "Audit
// log"). Exit 0 when intact, 1 when broken. The entries are checked on --threads threads
// (default: one per core); the report does not depend on the number.
#include "args.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "store_options.hpp"

#include "store/audit.hpp"

#include <algorithm>
#include <iostream>
#include <thread>

namespace billijk::cli {

int cmd_audit(int argc, char** argv) {
    constexpr char const* command = "billijk audit";
    if (argc < 1 || std::string_view(argv[0]) != "verify") {
        std::cerr << command << ": expected a subcommand: billijk audit verify [--db FILE]\n";
        return exit_usage;
    }
    Args args(argv + 1, argv + argc);
    if (auto err = args.parse({"db", "threads"}, {})) {
        std::cerr << command << " verify: " << *err << "\n";
        return exit_usage;
    }
    if (!args.positional().empty()) {
        std::cerr << command << " verify: unexpected argument '" << args.positional().front()
                  << "'\n";
        return exit_usage;
    }
    store::VerifyOptions options;
    options.threads = std::max(1U, std::thread::hardware_concurrency());
    if (auto t = args.option("threads")) {
        auto n = parse_count(*t, 1, 256);
        if (!n) {
            std::cerr << command << " verify: --threads must be a whole number from 1 to 256, not '"
                      << *t << "'\n";
            return exit_usage;
        }
        options.threads = static_cast<unsigned>(*n);
    }
    auto db = open_database(args.option("db"), "billijk audit verify");
    if (!db)
        return exit_store_error;
    auto report = store::verify_audit(*db, options);
    if (!report) {
        print_store_errors("billijk audit verify", report.diagnostics());
        return exit_store_error;
    }
    auto const& r = report.value();
    if (r.broken) {
        std::cout << "audit log BROKEN at ";
        if (r.broken->seq)
            std::cout << "entry " << *r.broken->seq << " (" << r.broken->subject << ")";
        else
            std::cout << r.broken->subject;
        std::cout << ": " << r.broken->problem << "\n";
        std::cout << r.entries << " entr" << (r.entries == 1 ? "y" : "ies")
                  << " before it verified\n";
        return exit_findings;
    }
    std::cout << "audit log intact: " << r.entries << " entr" << (r.entries == 1 ? "y" : "ies")
              << ", head sha256:" << r.head << "\n";
    return exit_ok;
}

} // namespace billijk::cli
