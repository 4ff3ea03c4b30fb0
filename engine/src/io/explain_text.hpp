// Indication → plain text in Dutch or English, for a decision letter.
//
// The text names the case, the reference date and the rules used; then per provision the
// decision, form, quantity, rate, budget, period, codes, refusal reasons with their citations
// and the full explanation tree as an indented list:
//
//   - Uurtarief pgb: 16.00 euro/uur [Beleidsregels Jeugdhulp Barendrecht 2015 §2.12.1]
//     = min(request.rate, informal_cap) = min(16.00 euro/uur, 27.00 euro/uur)
//     bron: barendrecht.jeugd (gemeentelijk)
//     - request.rate: 16.00 euro/uur
//
// In Dutch, unit words after a number are translated word by word (eur/hour → euro/uur,
// hours/week → uur/week). Decimals keep the point in both languages ("16.00", never "16,00"): the
// figures must be exact and paste unchanged into other systems. The output depends only on the
// Indication: the same input gives the same bytes.
//
//   std::cout << billijk::io::write_indication_text(indication, billijk::io::Language::nl);
#pragma once

#include "billijk/indication.hpp"

#include <string>
#include <string_view>

namespace billijk::io {

enum class Language { nl, en };

/// The indication as text, every line ending in '\n'.
std::string write_indication_text(Indication const& indication, Language lang);

/// A canonical unit ("eur/hour", "hours*eur/week") in `lang`: Dutch translates each word
/// ("euro/uur"), English keeps it. Unknown words are kept as they are.
std::string unit_text(std::string_view unit, Language lang);

/// `text` with every unit written after a number translated by unit_text: "min(16.00 eur/hour,
/// 27.00 eur/hour)" → "min(16.00 euro/uur, 27.00 euro/uur)". Names such as hours_per_week are
/// left alone. English returns the text unchanged.
std::string localize_units(std::string_view text, Language lang);

/// A rendered value in `lang`: units as localize_units, and in Dutch "true"/"false" → "ja"/"nee",
/// "granted"/"refused"/"undetermined" → "toegekend"/"afgewezen"/"onbepaald",
/// "undetermined: missing X; no table t in package p" → "onbepaald: ontbrekend gegeven X; geen
/// tabel t in pakket p" (io/reason_text.hpp).
std::string localize_value(std::string_view value, Language lang);

/// One reason a provision is undetermined ("missing request.rate") in `lang`.
std::string localize_reason(std::string_view reason, Language lang);

} // namespace billijk::io
