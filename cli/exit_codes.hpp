// The documented exit codes of `billijk` (docs/cli.md). Scripts rely on them: never renumber.
#pragma once

namespace billijk::cli {

enum ExitCode : int {
    exit_ok = 0,         ///< success
    exit_findings = 1,   ///< a check ran and found problems (failing golden case, deviation, lint)
    exit_usage = 2,      ///< wrong command line
    exit_bad_input = 3,  ///< a case file is unreadable, not JSON, or violates the case contract
    exit_rule_error = 4, ///< the rule files do not parse or check
    exit_plugin_error = 5, ///< a plugin was refused (P00xx)
    exit_eval_error = 6,   ///< evaluation failed (overflow, an amount without finite decimals)
    exit_store_error = 7,  ///< the store: database unusable or too new, no pseudonym key,
                           ///< no such record, a failed write (nothing written) (S01xx)
    exit_internal = 70,    ///< a bug: please report it with the input that caused it
};

} // namespace billijk::cli
