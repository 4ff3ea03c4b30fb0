#include "io/explain_text.hpp"

#include "io/indication_json.hpp"
#include "io/reason_text.hpp"

#include <array>
#include <optional>
#include <set>
#include <utility>

namespace billijk::io {

namespace {

struct WordPair {
    std::string_view en;
    std::string_view nl;
};

// Every spelling Unit::parse_word accepts, and the words Unit::to_string writes.
constexpr std::array<WordPair, 25> unit_words{{
    {"eur", "euro"},
    {"hour", "uur"},
    {"hours", "uur"},
    {"minute", "minuut"},
    {"minutes", "minuten"},
    {"day", "dag"},
    {"days", "dagen"},
    {"week", "week"},
    {"weeks", "weken"},
    {"fourweeks", "vier weken"},
    {"month", "maand"},
    {"months", "maanden"},
    {"year", "jaar"},
    {"years", "jaar"},
    {"etmaal", "etmaal"},
    {"etmalen", "etmalen"},
    {"zone", "zone"},
    {"zones", "zones"},
    {"km", "km"},
    {"ride", "rit"},
    {"rides", "ritten"},
    {"meal", "maaltijd"},
    {"meals", "maaltijden"},
    {"count", "stuks"},
    {"percent", "procent"},
}};

std::optional<std::string_view> dutch_unit_word(std::string_view word) {
    for (WordPair const& pair : unit_words)
        if (pair.en == word)
            return pair.nl;
    return std::nullopt;
}

bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_name_char(char c) {
    return is_letter(c) || is_digit(c) || c == '_';
}

/// Length of the unit expression (unit words joined by '*' or '/') at the start of `text`, or 0
/// when there is none or it runs into a name (hours_per_week) or a call (year(…)).
std::size_t unit_expression_length(std::string_view text) {
    std::size_t i = 0;
    while (true) {
        std::size_t const start = i;
        while (i < text.size() && is_letter(text[i]))
            ++i;
        if (i == start || !dutch_unit_word(text.substr(start, i - start)))
            return 0;
        if (i < text.size() && (is_name_char(text[i]) || text[i] == '('))
            return 0;
        if (i + 1 < text.size() && (text[i] == '/' || text[i] == '*') && is_letter(text[i + 1])) {
            ++i;
            continue;
        }
        return i;
    }
}

std::string lowercase_first(std::string_view word) {
    std::string out(word);
    if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z')
        out[0] = static_cast<char>(out[0] - 'A' + 'a');
    return out;
}

struct Words {
    std::string_view indication, reference_date, rules, version, engine, provision, decision, form,
        quantity, rate, budget, period, through, codes, category, product, unit, frequency, reasons,
        undetermined, explanation, source, fingerprint, see_above, parts, reindication, difference,
        now_from, no_new_value;
};

constexpr Words dutch{"Indicatie",
                      "Peildatum",
                      "Rekenregels",
                      "versie",
                      "Programma",
                      "Voorziening",
                      "Besluit",
                      "Vorm",
                      "Omvang",
                      "Tarief",
                      "Budget",
                      "Periode",
                      "t/m",
                      "Codes",
                      "categorie",
                      "product",
                      "eenheid",
                      "frequentie",
                      "Redenen van afwijzing",
                      "Niet te bepalen",
                      "Toelichting",
                      "bron",
                      "Vingerafdruk",
                      "(zie hierboven)",
                      "Delen (de periode loopt over een wijziging van een tarief of parameter; elk "
                      "deel volgens de versie die erin geldt)",
                      "Herindicatie, ten opzichte van de indicatie van",
                      "verschil",
                      "volgt nu uit",
                      "geen nieuwe waarde (zie besluit)"};

constexpr Words english{"Indication",
                        "Reference date",
                        "Rules",
                        "version",
                        "Engine",
                        "Provision",
                        "Decision",
                        "Form",
                        "Quantity",
                        "Rate",
                        "Budget",
                        "Period",
                        "to",
                        "Codes",
                        "category",
                        "product",
                        "unit",
                        "frequency",
                        "Refusal reasons",
                        "Undetermined",
                        "Explanation",
                        "source",
                        "Fingerprint",
                        "(see above)",
                        "Parts (the period crosses a change of a tariff or parameter; each part "
                        "under the version valid in it)",
                        "Re-indication, compared with the indication of",
                        "difference",
                        "now follows from",
                        "no new value (see decision)"};

std::string_view status_text(Status status, Language lang) {
    if (lang == Language::en)
        return status_name(status);
    switch (status) {
    case Status::granted:
        return "toegekend";
    case Status::refused:
        return "afgewezen";
    case Status::undetermined:
        return "onbepaald";
    }
    return "onbepaald";
}

std::string form_text(std::string_view form, Language lang) {
    if (form == "pgb")
        return lang == Language::nl ? "pgb (persoonsgebonden budget)" : "pgb (personal budget)";
    if (form == "in_kind")
        return lang == Language::nl ? "zorg in natura" : "in kind";
    return std::string(form);
}

std::string layer_text(std::string_view layer, Language lang) {
    if (lang == Language::en)
        return std::string(layer);
    if (layer == "national")
        return "landelijk";
    if (layer == "regional")
        return "regionaal";
    if (layer == "municipal")
        return "gemeentelijk";
    return std::string(layer);
}

std::string_view pick(Language lang, std::string_view nl, std::string_view en) {
    if (lang == Language::en)
        return en.empty() ? nl : en;
    return nl.empty() ? en : nl;
}

std::string quantity_text(Quantity const& q, Language lang) {
    return q.amount.to_string() + " " + unit_text(q.unit.to_string(), lang);
}

/// Appends `text` line by line, each line prefixed with `indent`.
void put_lines(std::string& out, std::string const& indent, std::string_view text) {
    while (true) {
        std::size_t const end = text.find('\n');
        out += indent;
        out += text.substr(0, end);
        out += '\n';
        if (end == std::string_view::npos)
            return;
        text.remove_prefix(end + 1);
    }
}

class TextWriter {
  public:
    explicit TextWriter(Language lang)
        : lang_(lang), words_(lang == Language::nl ? dutch : english) {}

    std::string write(Indication const& ind) {
        line("", std::string(words_.indication) + " " + ind.case_id);
        line("", std::string(words_.reference_date) + ": " + ind.reference_date.to_string());
        if (!ind.rules.empty()) {
            line("", std::string(words_.rules) + ":");
            for (RulePackageRef const& r : ind.rules) {
                std::string text = "- " + r.package;
                if (!r.version.empty())
                    text += ", " + std::string(words_.version) + " " + r.version;
                if (!r.hash.empty())
                    text += ", " + r.hash;
                line("  ", text);
            }
        }
        if (!ind.engine.empty())
            line("", std::string(words_.engine) + ": " + ind.engine);
        for (ProvisionResult const& p : ind.provisions) {
            out_ += '\n';
            provision(p);
        }
        if (!ind.fingerprint.empty()) {
            out_ += '\n';
            line("", std::string(words_.fingerprint) + ": " + ind.fingerprint);
        }
        return std::move(out_);
    }

  private:
    void line(std::string const& indent, std::string_view text) { put_lines(out_, indent, text); }

    void field(std::string_view name, std::string const& value) {
        line("  ", std::string(name) + ": " + value);
    }

    void provision(ProvisionResult const& p) {
        std::string title(pick(lang_, p.explanation.label_nl, p.explanation.label_en));
        title =
            title.empty() || title == p.provision ? p.provision : title + " (" + p.provision + ")";
        line("", std::string(words_.provision) + ": " + title);
        field(words_.decision, std::string(status_text(p.status, lang_)));
        if (!p.form.empty())
            field(words_.form, form_text(p.form, lang_));
        if (p.quantity)
            field(words_.quantity, quantity_text(*p.quantity, lang_));
        if (p.rate)
            field(words_.rate, quantity_text(*p.rate, lang_));
        if (p.budget)
            field(words_.budget, quantity_text(*p.budget, lang_));
        field(words_.period, p.period.start.to_string() + " " + std::string(words_.through) + " " +
                                 p.period.end.to_string());
        parts(p);
        changes(p);
        codes(p);
        if (!p.reasons.empty()) {
            line("  ", std::string(words_.reasons) + ":");
            for (Reason const& r : p.reasons) {
                std::string text(pick(lang_, r.text_nl, r.text_en));
                if (text.empty())
                    text = r.rule;
                if (!r.cites.empty())
                    text += " [" + r.cites + "]";
                line("    ", "- " + text);
            }
        }
        if (!p.undetermined.empty()) {
            line("  ", std::string(words_.undetermined) + ":");
            for (std::string const& u : p.undetermined)
                line("    ", "- " + localize_reason(u, lang_));
        }
        line("  ", std::string(words_.explanation) + ":");
        explained_.clear();
        node(p.explanation, "    ");
    }

    void parts(ProvisionResult const& p) {
        if (p.parts.empty())
            return;
        line("  ", std::string(words_.parts) + ":");
        for (PeriodPart const& part : p.parts) {
            std::string text = part.period.start.to_string() + " " + std::string(words_.through) +
                               " " + part.period.end.to_string() + ": " +
                               std::string(status_text(part.status, lang_));
            auto add = [&](std::string_view name, std::optional<Quantity> const& q) {
                if (q)
                    text += "; " + lowercase_first(name) + " " + quantity_text(*q, lang_);
            };
            add(words_.quantity, part.quantity);
            add(words_.rate, part.rate);
            add(words_.budget, part.budget);
            line("    ", "- " + text);
        }
    }

    void changes(ProvisionResult const& p) {
        if (!p.previous)
            return;
        line("  ",
             std::string(words_.reindication) + " " + p.previous->decided_on.to_string() + ":");
        for (Change const& c : p.changes) {
            std::string_view name = c.field == "quantity" ? words_.quantity
                                    : c.field == "rate"   ? words_.rate
                                                          : words_.budget;
            std::string text =
                lowercase_first(name) + ": " + quantity_text(*c.from, lang_) + " -> " +
                (c.to ? quantity_text(*c.to, lang_) : std::string(words_.no_new_value));
            if (c.difference)
                text += " (" + std::string(words_.difference) + " " +
                        quantity_text(*c.difference, lang_) + ")";
            line("    ", "- " + text);
            std::string why(pick(lang_, c.label_nl, c.label_en));
            if (why.empty())
                why = c.rule;
            if (!why.empty() && c.to) {
                if (!c.formula.empty())
                    why += " = " + localize_units(c.formula, lang_);
                line("      ", std::string(words_.now_from) + ": " + why);
            }
        }
    }

    void codes(ProvisionResult const& p) {
        std::string text;
        auto add = [&](std::string_view name, std::string const& value) {
            if (value.empty())
                return;
            if (!text.empty())
                text += ", ";
            text += std::string(name) + " " + value;
        };
        add(words_.category, p.category);
        add(words_.product, p.product);
        add(words_.unit, p.unit_code);
        add(words_.frequency, p.frequency);
        if (!text.empty())
            field(words_.codes, text);
    }

    void node(Explanation const& e, std::string const& indent) {
        std::string head(pick(lang_, e.label_nl, e.label_en));
        if (head.empty())
            head = !e.name.empty() ? e.name : e.kind;
        if (!e.value.empty())
            head += ": " + localize_value(e.value, lang_);
        if (!e.cites.empty())
            head += " [" + e.cites + "]";

        // A value used in several places (the hours, the age) is derived in full once per
        // provision; later uses refer back, so a decision letter quotes each step once.
        bool const has_derivation = !e.inputs.empty() || !e.expression.empty();
        // The value is part of the key: the parts of a split period derive a rule again when
        // its value differs (a new tariff), and refer back when it does not.
        if (has_derivation &&
            !explained_.insert(e.kind + ' ' + e.package + ' ' + e.name + ' ' + e.value).second) {
            line(indent, "- " + head + " " + std::string(words_.see_above));
            return;
        }
        line(indent, "- " + head);

        std::string const detail = indent + "  ";
        std::string const expression = localize_units(e.expression, lang_);
        std::string const formula = localize_units(e.formula, lang_);
        std::string const value = localize_value(e.value, lang_);
        if (!expression.empty() && !formula.empty() && expression != formula)
            line(detail, "= " + expression + " = " + formula);
        else if (!expression.empty() && expression != value)
            line(detail, "= " + expression);
        else if (expression.empty() && !formula.empty() && formula != value)
            line(detail, "= " + formula);
        if (!e.package.empty()) {
            std::string source = std::string(words_.source) + ": " + e.package;
            if (!e.layer.empty())
                source += " (" + layer_text(e.layer, lang_) + ")";
            line(detail, source);
        }
        std::string const note = localize_units(pick(lang_, e.note_nl, e.note_en), lang_);
        if (!note.empty())
            line(detail, note);
        for (Explanation const& input : e.inputs)
            node(input, detail);
    }

    Language lang_;
    Words const& words_;
    std::string out_;
    std::set<std::string> explained_; ///< nodes already derived in full for this provision
};

} // namespace

std::string unit_text(std::string_view unit, Language lang) {
    if (lang == Language::en)
        return std::string(unit);
    std::string out;
    std::size_t start = 0;
    while (start <= unit.size()) {
        std::size_t const end = unit.find_first_of("*/", start);
        std::string_view const word = unit.substr(
            start, end == std::string_view::npos ? std::string_view::npos : end - start);
        auto const dutch_word = dutch_unit_word(word);
        out += dutch_word ? *dutch_word : word;
        if (end == std::string_view::npos)
            break;
        out += unit[end];
        start = end + 1;
    }
    return out;
}

std::string localize_units(std::string_view text, Language lang) {
    if (lang == Language::en)
        return std::string(text);
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        char const c = text[i];
        if (is_name_char(c) && !is_digit(c)) {
            // A whole name (request.rate, hours_per_week, x2): copied as is.
            std::size_t const start = i;
            while (i < text.size() && is_name_char(text[i]))
                ++i;
            out.append(text.substr(start, i - start));
            continue;
        }
        if (!is_digit(c)) {
            out += c;
            ++i;
            continue;
        }
        std::size_t const start = i;
        while (i < text.size() && (is_digit(text[i]) || text[i] == '.'))
            ++i;
        out.append(text.substr(start, i - start));
        if (i + 1 < text.size() && text[i] == ' ') {
            std::size_t const length = unit_expression_length(text.substr(i + 1));
            if (length > 0) {
                out += ' ';
                out += unit_text(text.substr(i + 1, length), lang);
                i += 1 + length;
            }
        }
    }
    return out;
}

std::string localize_value(std::string_view value, Language lang) {
    if (lang == Language::en)
        return std::string(value);
    if (value == "true")
        return "ja";
    if (value == "false")
        return "nee";
    if (value == "granted")
        return "toegekend";
    if (value == "refused")
        return "afgewezen";
    if (value == "undetermined")
        return "onbepaald";
    if (value == "not applicable")
        return "niet van toepassing";
    constexpr std::string_view undetermined = "undetermined: ";
    if (value.starts_with(undetermined))
        return "onbepaald: " +
               localize_units(dutch_reasons(value.substr(undetermined.size())), lang);
    return localize_units(value, lang);
}

std::string localize_reason(std::string_view reason, Language lang) {
    return lang == Language::en ? std::string(reason) : localize_units(dutch_reason(reason), lang);
}

std::string write_indication_text(Indication const& indication, Language lang) {
    return TextWriter(lang).write(indication);
}

} // namespace billijk::io
