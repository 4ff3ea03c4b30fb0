// One function per verb of `billijk`; main.cpp dispatches to them. Each returns an exit code
// from exit_codes.hpp and writes results to stdout, problems to stderr.
#pragma once

namespace billijk::cli {

int cmd_indicate(int argc, char** argv);
int cmd_check(int argc, char** argv);
int cmd_lint(int argc, char** argv); // docs/diagnostics/lint.md
int cmd_plugins(int argc, char** argv);
int cmd_review(int argc, char** argv); // docs/review-format.md
int cmd_batch(int argc, char** argv);  // docs/batch.md
int cmd_replay(int argc, char** argv); // store verbs: docs/store.md
int cmd_show(int argc, char** argv);
int cmd_audit(int argc, char** argv);
int cmd_decide(int argc, char** argv);
int cmd_signals(int argc, char** argv);
int cmd_impact(int argc, char** argv); // docs/impact.md
int cmd_fmt(int argc, char** argv);    // docs/cli.md
int cmd_tables(int argc, char** argv); // docs/tables-verify.md
int cmd_golden(int argc, char** argv); // docs/golden-cases.md

} // namespace billijk::cli
