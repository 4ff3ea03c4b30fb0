// Diagnostics as text, LLVM style: the only place where the engine's diagnostics become prose.
//
//   rules/x.rules:12:7: error[E0203]: unknown name 'hourly_rat'
//      12 |   = min(hourly_rat, 3)
//         |         ^~~~~~~~~~
//   rules/x.rules:3:1: note: declared here
//
// The first line is `path:line:col: SEVERITY[ID]: message` (line and column 1-based, column in
// bytes). A diagnostic with a span then shows its source line, prefixed with the line number
// right-aligned in at least 5 columns and " | ", and a caret line: '^' under the first byte of
// the span and '~' under the rest of it on that line (a span reaching past the end of its line
// is cut there; an empty span is a lone '^'). The caret line copies tabs from the source line
// and writes one character per UTF-8 code point, so the caret stays aligned under tabs and
// non-ASCII text. Notes follow as `path:line:col: note: message`, or `note: message` without
// a span. A diagnostic without a span is just `SEVERITY[ID]: message`; an empty ID drops the
// brackets. Every rendered diagnostic ends with '\n'.
#pragma once

#include "billijk/diagnostic.hpp"
#include "billijk/source.hpp"

#include <string>

namespace billijk {

/// One diagnostic with its source line and notes, ending in '\n'.
std::string render(Diagnostic const& diagnostic, SourceSet const& sources);
/// Every diagnostic in order, each rendered as by render().
std::string render_all(Diagnostics const& diagnostics, SourceSet const& sources);

} // namespace billijk
