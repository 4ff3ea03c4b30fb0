// The parser's API: rule-file text in, syntax tree (tree.hpp) or E01xx diagnostics out.
//
// Free of Spirit X3: this is the only syntax header the rest of the engine includes besides
// tree.hpp. Spans in the tree are byte offsets into the parsed file. On an error inside a
// declaration the parser records a diagnostic, skips to the next line that starts with a
// declaration keyword and goes on, so one run reports every independent syntax error; the
// result then holds all of them (docs/diagnostics/syntax.md lists the ids).
//
//   SourceSet sources;
//   FileId id = sources.add("jeugd.rules", text);
//   Result<File> parsed = syntax::parse(sources, id);
//   if (!parsed) render(parsed.diagnostics());
#pragma once

#include "billijk/result.hpp"
#include "billijk/source.hpp"
#include "syntax/tree.hpp"

namespace billijk::syntax {

/// Parse one rule file: a package header, imports and declarations.
Result<File> parse(SourceSet const& sources, FileId file);

/// Parse a file that holds exactly one expression (tests, tools, a future REPL).
Result<ExprPtr> parse_expression(SourceSet const& sources, FileId file);

} // namespace billijk::syntax
