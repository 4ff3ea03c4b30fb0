// billijk — executable Wmo 2015 / Jeugdwet indications. Dispatches to one function per verb and
// turns anything unexpected into exit code 70 with a message, never a crash.
#include "commands.hpp"
#include "exit_codes.hpp"

#include "billijk/version.hpp"

#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>

namespace {

constexpr char const* usage = R"(usage: billijk <command> [options]

commands:
  indicate CASE.json   indicate a case: what the regulation gives and why
                       --rules DIR       rule files (default: $BILLIJK_RULES or ./rules near the binary)
                       --date YYYY-MM-DD reference date (default: the case's decision_date)
                       --format text|json   (default text)
                       --lang nl|en         language of the text (default nl)
                       --store [--db FILE] [--key-file FILE]  also record it in the store
                                            (docs/store.md); prints the stored id on stderr
  review DECISIONS     check proposed decisions (JSONL or .csv) against the rules: deviations
                       per field with the engine's explanation (exit 1 when beyond tolerance)
                       --equal-cases        also report equal cases with different budgets
                       --tolerance budget=1.00,rate=0,quantity=0   (default: all 0)
                       --format text|json|csv|html  --output FILE  --lang nl|en
                       --rules DIR  --plugin-path P   (docs/review-format.md)
                       --store [--db FILE]  also record the review in the store's audit log
  review --show N      print stored review N again, as it was printed (docs/store.md)
                       --db FILE  --format text|json|csv|html  --output FILE
  batch CASES.jsonl|CASES.csv --out RESULTS.jsonl|RESULTS.csv
                       indicate a whole caseload, streaming; one JSON line per input line (a
                       .csv out: a row per provision, in the input CSV's dialect), in input
                       order whatever --threads; bad lines reported and skipped (exit 1)
                       --threads N  --no-explain  --date YYYY-MM-DD  --rules DIR  --plugin-path P
                       --store [--db FILE] [--key-file FILE] [--commit-every N]  store each
                       indication with its audit entry, N per transaction (default 5000)
                       --from-line N        continue an unfinished run (docs/batch.md)
  impact --draft DIR CASES...|--db FILE
                       the draft's effect: each case under the base rules and under the base
                       with the draft's files laid over it; before -> after, totals, the
                       distribution and the rules that changed (exit 0; docs/impact.md)
                       --base DIR (default as --rules)  --plugin-path P  --date YYYY-MM-DD
                       --format text|json|csv|html  --output FILE
  golden run [CASES...]
                       run golden cases (default: tests/golden here) against their expected
                       outputs: PASS/FAIL per case, the values and explanation nodes that
                       changed, hand-check mismatches (exit 1 on any failure; docs/golden-cases.md)
                       --update     rewrite the expectations that changed (never from a run that
                                    fails its hand check) and list the files written
                       --coverage   rules, table rows, exceptions, parameter versions and
                                    provisions reached, and those never reached (file:line)
                       --rules DIR  --plugin-path P  --format text|json
  replay ID            recompute stored indication ID with its stored rules and plugins:
                       identical (exit 0) or the difference and what changed (exit 1)
                       --current [--rules DIR] [--plugin-path P]  under today's rules instead
  show ID              print stored indication ID as `indicate` printed it, with its
                       explanation (recomputed with the stored rules and plugins when it was
                       stored without)   --format text|json  --lang nl|en
                       --as-stored  the stored JSON bytes exactly, as the audit chain hashes them
  audit verify         walk the hash-chained audit log; name the first broken entry (exit 1)
                       --db FILE (default $XDG_DATA_HOME/billijk/billijk.db)
                       --threads N  check entries on N threads (default: one per core)
  decide ID            record a committee decision that deviates from indication ID
                       --override FIELD=VALUE (repeatable; status|quantity|rate|budget)
                       --reason TEXT  [--date YYYY-MM-DD]
  signals              overrides per rule, article and month   --format text|json|csv
                       (replay, show, audit, decide, signals: --db FILE, default
                        $XDG_DATA_HOME/billijk/billijk.db)
  check                parse and check the rule files, print every problem
                       --rules DIR
  lint                 check the rule files, then report what a policy writer should look at:
                       labels, unused or unreachable declarations, date gaps, uncovered table
                       inputs, exceptions that never apply, double rounding (exit 1 on findings;
                       docs/diagnostics/lint.md)
                       --rules DIR  --plugin-path P  --format text|json
  fmt [FILE...]        lay rule files out canonically, comments kept; rewrites changed files
                       in place and lists them (exit 4 if a file does not parse; it is untouched)
                       --check  only list the files that would change (exit 1 if any)
                       --rules DIR  all *.rules under DIR (default as for check) instead of FILEs
  tables verify --table PUBLISHED.csv --rule RULE
                       check a published tariff table against the rule it should follow: every
                       row whose value does not follow, both numbers, the difference and the
                       roundings that would explain it (exit 1 when any; docs/tables-verify.md)
                       --package NAME  --date YYYY-MM-DD  --bind COLUMN=NAME (repeatable)
                       --published COLUMN  --rules DIR  --plugin-path P  --format text|json|csv
  plugins              load every municipality plugin; list name, code, version, ABI, file and
                       SHA-256, and every plugin refused with its reason
                       --plugin-path DIR[:DIR]  (default: $BILLIJK_PLUGIN_PATH or ../plugins
                                                 next to the binary)

  --help               this text
  --version            the engine and rule-language version

exit codes: 0 ok, 1 findings, 2 usage, 3 invalid case, 4 rule error, 5 plugin error,
            6 evaluation error, 7 store error, 70 internal error (docs/cli.md)
)";

/// The lines of `usage` about one command: its own line (two spaces, then the command) and the
/// lines indented under it; empty when `usage` has no such command.
std::string command_usage(std::string_view verb) {
    std::string_view rest = usage;
    std::string out;
    bool inside = false;
    while (!rest.empty()) {
        auto const end = rest.find('\n');
        std::string_view const line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
        bool const command_line = line.size() > 2 && line.substr(0, 2) == "  " && line[2] != ' ';
        if (command_line) {
            std::string_view const text = line.substr(2);
            inside = text.substr(0, verb.size()) == verb &&
                     (text.size() == verb.size() || text[verb.size()] == ' ');
        } else if (line.empty() || line.substr(0, 3) != "   ") {
            inside = false;
        }
        if (inside) {
            out += line;
            out += '\n';
        }
    }
    return out;
}

/// True when an argument after the command asks for help.
bool asks_for_help(int argc, char** argv) {
    for (int i = 2; i < argc; ++i)
        if (std::string_view(argv[i]) == "--help" || std::string_view(argv[i]) == "-h")
            return true;
    return false;
}

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
        if (asks_for_help(argc, argv)) {
            // `billijk indicate --help`: the lines about that command, on stdout, exit 0.
            std::string const section = command_usage(verb);
            if (section.empty()) {
                std::cerr << "billijk: unknown command '" << verb << "'; see billijk --help\n";
                return exit_usage;
            }
            std::cout << "usage: billijk" << section.substr(1)
                      << "\nbillijk --help lists every command and the exit codes.\n";
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
        if (verb == "lint")
            return cmd_lint(argc - 2, argv + 2);
        if (verb == "plugins")
            return cmd_plugins(argc - 2, argv + 2);
        if (verb == "batch")
            return cmd_batch(argc - 2, argv + 2);
        if (verb == "review")
            return cmd_review(argc - 2, argv + 2);
        if (verb == "replay")
            return cmd_replay(argc - 2, argv + 2);
        if (verb == "show")
            return cmd_show(argc - 2, argv + 2);
        if (verb == "audit")
            return cmd_audit(argc - 2, argv + 2);
        if (verb == "decide")
            return cmd_decide(argc - 2, argv + 2);
        if (verb == "signals")
            return cmd_signals(argc - 2, argv + 2);
        if (verb == "tables")
            return cmd_tables(argc - 2, argv + 2);
        if (verb == "impact")
            return cmd_impact(argc - 2, argv + 2);
        if (verb == "fmt")
            return cmd_fmt(argc - 2, argv + 2);
        if (verb == "golden")
            return cmd_golden(argc - 2, argv + 2);
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
