// The common case of parse_json_tree, parsed without nlohmann: well-formed JSON without duplicate
// keys, \u escapes or anything else unusual.
//
// nlohmann's SAX parser with the tree builder took about 130 instructions a byte of a case, a
// tenth of `billijk batch --store` without explanations (docs/performance.md). This parser takes
// the same text to the same tree in one pass. It declines (nullopt) whatever it does not handle
// itself, and parse_json_tree then runs nlohmann's parser as before: so every error message,
// every duplicate-key report and every rarely used form (escapes, "-0", numbers beyond 64 bits,
// a byte-order mark) stays nlohmann's, and only text both parsers read alike is read here. A unit
// test compares the two on the golden cases and on mutated text.
//
//   if (auto root = io::parse_json_tree_fast(text, max_depth)) use(*root);
//   else /* nlohmann's parser, with its errors */;
#pragma once

#include "io/json_tree.hpp"

#include <optional>
#include <string_view>

namespace billijk::io {

/// The tree of `text`, or nullopt when `text` is not plain well-formed JSON this parser reads
/// (invalid, nested deeper than `max_depth`, a repeated key, an escape other than \" \\ \/ \b \f
/// \n \r \t, "-0", an integer beyond 64 bits, an exponent, a fraction with over 300 digits before
/// the point).
std::optional<JsonNode> parse_json_tree_fast(std::string_view text, std::size_t max_depth);

} // namespace billijk::io
