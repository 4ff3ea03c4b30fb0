// billijk.indication/1 JSON → Indication: the inverse of io/indication_json, for reading a stored
// output back (`billijk show`, docs/store.md).
//
// The reader is strict, because what it reads is Billijk's own output: every member the writer
// writes must be there with its type, nothing else may be (a different schema is not guessed
// at), amounts are decimal strings with a known unit, and "granted" must agree with "status".
// The first problem found is reported with its JSON path:
// `provisions[0].explanation.inputs[2].value: expected a string, found a JSON number`.
//
// Writing what was read gives the same bytes (tests/unit/engine/io_indication_reader_test.cpp
// checks this on every golden case). Explanation nodes that were one shared node when the
// indication was computed are separate, equal nodes after reading; the writers print them the
// same.
//
//   auto read = billijk::io::read_indication_json(stored_output);
//   if (!read.indication) print(read.error);
//   std::cout << billijk::io::write_indication_text(*read.indication, Language::nl);
#pragma once

#include "billijk/indication.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace billijk::io {

struct IndicationRead {
    std::optional<Indication> indication; ///< absent when the text is not a valid indication
    /// Whether the provisions carry their explanations (`batch --no-explain` leaves them out).
    bool explanations = false;
    /// When !indication: "<JSON path>: <what is wrong>", or the JSON parser's message.
    std::string error;
};

/// Reads one billijk.indication/1 document, indented or on one line, with or without
/// explanations.
IndicationRead read_indication_json(std::string_view text);

} // namespace billijk::io
