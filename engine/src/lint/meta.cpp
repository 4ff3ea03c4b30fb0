// L0101: a declaration without `label_en`. The checker already requires `cites` and `label`
// (E0701, E0702); the English label is optional in the language, so English explanations
// then fall back to the Dutch text. Only what an explanation or refusal shows is reported.
#include "lint/passes.hpp"

namespace billijk::lint {

namespace {

void require_english(Sink& sink, sema::Meta const& meta, char const* what, std::string const& name,
                     Span span) {
    if (!meta.label_en.empty() || meta.label.empty())
        return;
    sink.add("L0101", span, std::string("no English label on ") + what + " '" + name + "'",
             "add `label_en \"...\"`; English explanations now show the Dutch label \"" +
                 meta.label + "\"");
}

} // namespace

void lint_meta(sema::Program const& p, Sink& sink) {
    for (auto const& d : p.facts)
        require_english(sink, d.meta, "fact", d.name, d.span);
    for (auto const& d : p.parameters)
        require_english(sink, d.meta, "parameter", d.name, d.span);
    for (auto const& d : p.rules)
        require_english(sink, d.meta, "rule", d.name, d.span);
    for (auto const& d : p.exceptions)
        require_english(sink, d.meta, "exception", d.name, d.span);
    for (auto const& d : p.tables)
        for (auto const& v : d.versions)
            require_english(sink, v.meta, "table", d.name, v.span);
    for (auto const& d : p.refusals)
        require_english(sink, d.meta, "refusal", d.name, d.span);
    for (auto const& d : p.provisions)
        require_english(sink, d.meta, "provision", d.name, d.span);
}

} // namespace billijk::lint
