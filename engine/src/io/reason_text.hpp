// The engine's reasons why a value is undetermined ("no version of parameter informal_share valid
// on 2014-06-01") in Dutch, for the Dutch text of an indication (io/explain_text).
//
// The JSON keeps the English reasons: they are the machine-readable contract
// (docs/indication-format.md) and what golden cases and reviews compare. The Dutch text is for a
// decision letter, so it must not quote English. Every reason the engine itself writes has a
// form here; names, dates, units and amounts in it are kept as they are. A reason of another
// form, such as a native plugin function's own message, is returned unchanged.
//
//   dutch_reason("missing fact pgb_capable")                     // "ontbrekend gegeven fact
//   pgb_capable" dutch_reasons("missing request.rate; no table x in package y")  // both, joined by
//   "; "
#pragma once

#include <string>
#include <string_view>

namespace billijk::io {

/// One reason in Dutch; unchanged when it is of no known form.
std::string dutch_reason(std::string_view reason);

/// Several reasons joined by "; " (as a value's text joins them), each in Dutch.
std::string dutch_reasons(std::string_view reasons);

} // namespace billijk::io
