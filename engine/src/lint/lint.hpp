// Lint: findings about a rule set that loads and checks, but that a policy writer should look at
// (docs/diagnostics/lint.md). The checker (sema/) reports what makes rules wrong; lint reports
// what makes them suspect: unused or unreachable declarations, dates no version covers, table
// inputs no row answers, exceptions that can never apply, a value rounded twice.
//
//   auto rules = billijk::load_rules(root, sources, plugins);      // must have no errors
//   auto findings = billijk::lint::run(rules.value().program());
//   std::cout << billijk::lint::render_text(findings, sources);
//
// Every finding is a warning with a stable id L0xxx, the span of the offending text and a
// one-line hint (how to fix). The order is fixed: by file, then offset, then id.
#pragma once

#include "billijk/diagnostic.hpp"
#include "billijk/source.hpp"

#include <string>
#include <vector>

namespace billijk::sema {
struct Program;
}

namespace billijk::lint {

struct Finding {
    Diagnostic diagnostic; ///< id L0xxx, severity, span, message, notes (without the hint)
    std::string hint;      ///< one line: what to do about it
};

/// Runs every lint pass over a checked program.
std::vector<Finding> run(sema::Program const& program);

/// As diag/render: `path:line:col: warning[L0201]: message`, the source line and caret, the
/// notes, then the hint as a last `note:` line.
std::string render_text(std::vector<Finding> const& findings, SourceSet const& sources);

/// {"schema": "billijk.lint/1", "findings": [{"id", "severity", "file", "line", "column",
/// "message", "text", "hint", "notes": [{"file", "line", "column", "message"}]}]}: sorted keys,
/// one line.
std::string render_json(std::vector<Finding> const& findings, SourceSet const& sources);

} // namespace billijk::lint
