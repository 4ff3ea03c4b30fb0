// Each form is a list of literal pieces with a name, date or text between every two; the Dutch
// form has the same number of pieces, and the texts between them are carried over in order.
#include "io/reason_text.hpp"

#include "io/explain_text.hpp"

#include <array>
#include <initializer_list>
#include <vector>

namespace billijk::io {

namespace {

struct ReasonForm {
    std::initializer_list<std::string_view> en;
    std::initializer_list<std::string_view> nl;
    bool units = false; ///< the texts between the pieces are units, written in Dutch too
};

// The reasons the evaluator writes (engine/src/eval: Value::undetermined and add_reasons).
std::array<ReasonForm, 18> const forms{{
    {{"missing ", ""}, {"ontbrekend gegeven ", ""}},
    {{"no version of parameter ", " valid on ", ""},
     {"geen versie van parameter ", " geldig op ", ""}},
    {{"no version of table ", " valid on ", ""}, {"geen versie van tabel ", " geldig op ", ""}},
    {{"no row of table ", " matches ", ""}, {"geen rij van tabel ", " past bij ", ""}},
    {{"no table ", " in package ", ""}, {"geen tabel ", " in pakket ", ""}},
    {{"no tariff ", " for '", "' valid on ", ""}, {"geen tarief ", " voor '", "' geldig op ", ""}},
    {{"no plugin for municipality ", " is loaded: ", " is unknown"},
     {"geen plugin voor gemeente ", " geladen: ", " is onbekend"}},
    {{"native function ", " failed"}, {"native functie ", " mislukt"}},
    {{"overflow in ", ""}, {"overloop in ", ""}},
    {{"division by zero in ", ""}, {"deling door nul in ", ""}},
    {{"invalid rounding step in ", ""}, {"ongeldige afrondingsstap in ", ""}},
    {{"arithmetic error in ", ""}, {"rekenfout in ", ""}},
    {{"rounding step ", " is not positive in ", ""},
     {"afrondingsstap ", " is niet positief in ", ""}},
    {{"request.rate is in ", ", not eur/hour"},
     {"request.rate is in ", ", niet in euro/uur"},
     true},
    {{"cycle through ", ""}, {"kringverwijzing via ", ""}},
    {{"'", "' is not a value in package ", ""}, {"'", "' is geen waarde in pakket ", ""}},
    {{"need item in ", " is not hours/week or minutes/week"},
     {"behoefte in ", " is niet in uur/week of minuten/week"},
     true},
    {{"need item without kind, and provision ", " declares no kind"},
     {"behoefte zonder soort, en voorziening ", " noemt geen soort"}},
}};

/// Whether `reason` has the form `form.en`; `gaps` gets the texts between its pieces, in order.
/// An empty last piece takes the rest of the reason; no text between two pieces is empty.
bool match(ReasonForm const& form, std::string_view reason, std::vector<std::string_view>& gaps) {
    gaps.clear();
    auto piece = form.en.begin();
    if (!reason.starts_with(*piece))
        return false;
    reason.remove_prefix(piece->size());
    for (++piece; piece != form.en.end(); ++piece) {
        bool const last = piece + 1 == form.en.end();
        if (last) {
            if (!reason.ends_with(*piece) || reason.size() == piece->size())
                return false;
            gaps.push_back(reason.substr(0, reason.size() - piece->size()));
            return true;
        }
        auto const at = reason.find(*piece);
        if (at == std::string_view::npos || at == 0)
            return false;
        gaps.push_back(reason.substr(0, at));
        reason.remove_prefix(at + piece->size());
    }
    return reason.empty();
}

std::string fill(ReasonForm const& form, std::vector<std::string_view> const& gaps) {
    std::string out;
    auto gap = gaps.begin();
    for (auto piece = form.nl.begin(); piece != form.nl.end(); ++piece) {
        if (piece != form.nl.begin())
            out += form.units ? unit_text(*gap++, Language::nl) : std::string(*gap++);
        out += *piece;
    }
    return out;
}

} // namespace

std::string dutch_reason(std::string_view reason) {
    std::vector<std::string_view> gaps;
    for (ReasonForm const& form : forms)
        if (match(form, reason, gaps))
            return fill(form, gaps);
    return std::string(reason);
}

std::string dutch_reasons(std::string_view reasons) {
    std::string out;
    for (;;) {
        auto const end = reasons.find("; ");
        out += dutch_reason(reasons.substr(0, end));
        if (end == std::string_view::npos)
            return out;
        out += "; ";
        reasons.remove_prefix(end + 2);
    }
}

} // namespace billijk::io
