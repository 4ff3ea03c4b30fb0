// How the JSON of a report is written (review, impact, lint, tables verify, signals, golden):
// nlohmann's dump with its keys sorted, one newline at the end, and any text that is not UTF-8
// written as U+FFFD instead of throwing. Inputs are checked where they are read (core/utf8.hpp);
// what can still reach a report unchecked is a name from the file system, e.g. a draft directory
// named on a Windows-1252 system, and a report must not end in an internal error for that.
//
//   return io::report_json_text(out);         // indented two spaces
//   return io::report_json_text(doc, -1);     // on one line
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace billijk::io {

inline std::string report_json_text(nlohmann::json const& report, int indent = 2) {
    return report.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace billijk::io
