// The canonical pretty-printer: a syntax tree back to rule-language text.
//
// One layout for every file (header items and clauses indented by two spaces, one blank line
// between declarations, meta in the order cites, label, label_en; the iWmo codes of a provision
// on one line; table rows with their cells aligned in columns; expressions with the fewest
// parentheses that keep their meaning), so `print(parse(print(f)))` == `print(f)`.
//
// Comments are not part of the tree. `format` takes the source text the tree was parsed from
// and puts its comments back: a comment on its own line before the code it precedes (a block
// keeps a blank line after it if it had one), a comment after code at the end of that line, an
// indented comment right under a declaration's last line under that declaration. `format` also
// keeps where the writer broke a long expression (before an operator, before `then`/`else`,
// between call arguments) and lays those breaks out canonically: an operator chain continues
// under its first operand, `then`/`else` two columns right of their `if` (in an `else if`
// chain every `else` under the first `if`), call arguments under the first argument. Used by
// `billijk fmt`, the round-trip property test and the parser fuzzer.
//
//   auto parsed = syntax::parse(sources, id);
//   std::string canonical = syntax::format(parsed.value(), sources.file(id).text);
#pragma once

#include "syntax/tree.hpp"

#include <string>
#include <string_view>

namespace billijk::syntax {

/// The whole file in canonical layout, ending with a newline; no comments, no line breaks
/// inside expressions.
std::string print(File const& file);
/// The whole file in canonical layout with the comments and expression line breaks of
/// `source`, the text `file` was parsed from (spans in `file` are offsets into it).
std::string format(File const& file, std::string_view source);
/// One expression on one line, e.g. `min(request.rate, 45.00 eur/hour) * 2`.
std::string print(Expr const& expr);
/// A type as written in a declaration: `bool`, `eur/hour`, `care_kind`.
std::string print(TypeExpr const& type);

} // namespace billijk::syntax
