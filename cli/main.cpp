// billijk — executable Wmo 2015 / Jeugdwet indications. Dispatches to one function per verb and
// turns anything unexpected into exit code 70 with a message, never a crash.
#include "commands.hpp"
#include "exit_codes.hpp"

#include "billijk/version.hpp"

#include <cstring>
#include <exception>
#include <iostream>
#include <string_view>

namespace {

constexpr char const* usage = R"(usage: billijk <command> [options]

commands:
  indicate CASE.json   indicate a case: what the regulation gives and why
                       --rules DIR       rule files (default: $BILLIJK_RULES or ./rules near the binary)
                       --date YYYY-MM-DD reference date (default: the case's decision_date)
                       --format text|json   (default text)
                       --lang nl|en         language of the text (default nl)
  check                parse and check the rule files, print every problem
                       --rules DIR
  plugins              load every municipality plugin; list name, code, version, ABI, file and
                       SHA-256, and every plugin refused with its reason
                       --plugin-path DIR[:DIR]  (default: $BILLIJK_PLUGIN_PATH or ../plugins
                                                 next to the binary)

  --help               this text
  --version            the engine and rule-language version

exit codes: 0 ok, 1 findings, 2 usage, 3 invalid case, 4 rule error, 5 plugin error,
            6 evaluation error, 70 internal error (docs/cli.md)
)";

} // namespace

int main(int argc, char** argv) {
    using namespace billijk::cli;
    if (argc < 2) {
        std::cerr << usage;
        return exit_usage;
    }
    std::string_view const verb = argv[1];
    try {
        if (verb == "--help" || verb == "-h" || verb == "help") {
            std::cout << usage;
            return exit_ok;
        }
        if (verb == "--version") {
            std::cout << billijk::engine_name << " (rule language "
                      << billijk::rule_language_version << ")\n";
            return exit_ok;
        }
        if (verb == "indicate")
            return cmd_indicate(argc - 2, argv + 2);
        if (verb == "check")
            return cmd_check(argc - 2, argv + 2);
        if (verb == "plugins")
            return cmd_plugins(argc - 2, argv + 2);
        std::cerr << "billijk: unknown command '" << verb << "'; see billijk --help\n";
        return exit_usage;
    } catch (std::exception const& e) {
        std::cerr << "billijk: internal error: " << e.what() << "\n";
        return exit_internal;
    } catch (...) {
        std::cerr << "billijk: internal error\n";
        return exit_internal;
    }
}
