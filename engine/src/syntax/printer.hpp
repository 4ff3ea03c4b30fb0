// The canonical pretty-printer: a syntax tree back to rule-language text.
//
// One layout for every file (header items and clauses indented by two spaces, one blank line
// between declarations, meta in the order cites, label, label_en; expressions with the fewest
// parentheses that keep their meaning), so `print(parse(print(f)))` == `print(f)`. Used by
// `billijk fmt`, golden tree dumps and the round-trip fuzzer. Comments are not part of the tree
// and are therefore not printed.
//
//   auto parsed = syntax::parse(sources, id);
//   std::string canonical = syntax::print(parsed.value());
#pragma once

#include "syntax/tree.hpp"

#include <string>

namespace billijk::syntax {

/// The whole file in canonical layout, ending with a newline.
std::string print(File const& file);
/// One expression on one line, e.g. `min(request.rate, 45.00 eur/hour) * 2`.
std::string print(Expr const& expr);
/// A type as written in a declaration: `bool`, `eur/hour`, `care_kind`.
std::string print(TypeExpr const& type);

} // namespace billijk::syntax
