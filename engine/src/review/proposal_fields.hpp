// The field checks that the JSONL and the CSV reader of proposed decisions share: amounts with
// units, periods, the status word, and finding the request a proposal is about. Each returns
// the value or a message without the field name (the reader knows how the field is called).
#pragma once

#include "billijk/case.hpp"
#include "review/decision.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace billijk::review {

/// Why a text is not a valid value of its field (the message names no field).
struct Problem {
    std::string message;
};

/// A value, or the Problem that says why the text is not one.
template <typename T> struct FieldResult {
    FieldResult(T v) : value(std::move(v)) {}
    FieldResult(Problem p) : problem(std::move(p.message)) {}
    std::optional<T> value;
    std::string problem; ///< set when !value
};

/// "16.00" + "eur/hour" → Quantity; a negative amount, a JSON-style number or an unknown unit is
/// a message.
FieldResult<Quantity> read_quantity(std::string_view amount, std::string_view unit);

/// "YYYY-MM-DD" → Date.
FieldResult<Date> read_date(std::string_view text);

/// "granted" or "refused".
FieldResult<std::string> read_status(std::string_view text);

/// "pgb" or "in_kind".
FieldResult<std::string> read_form(std::string_view text);

/// The request of `the_case` the proposal is about: the first with the proposal's provision
/// and, when the case has several requests for that provision, its form.
FieldResult<std::size_t> find_request(Case const& the_case, Proposal const& proposal);

/// A case file's text, read relative to the directory of the decisions file.
FieldResult<std::string> read_case_file(std::string const& decisions_path, std::string const& name);

} // namespace billijk::review
