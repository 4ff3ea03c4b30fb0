// Every fact, parameter, rule, exception, table, refusal and provision cites its article and has
// a Dutch label (label_en is optional).
#include "sema/checker.hpp"

namespace billijk::sema {

namespace {

void require(Checker& c, Meta const& meta, std::string const& what, std::string const& name,
             Span span) {
    if (meta.cites.empty())
        c.error("E0701", span, "missing citation on " + what + " '" + name + "'")
            .notes.push_back({std::nullopt, "add `cites \"...\"` naming the article it implements"});
    if (meta.label.empty())
        c.error("E0702", span, "missing label on " + what + " '" + name + "'")
            .notes.push_back({std::nullopt, "add `label \"...\"` with the Dutch wording"});
}

} // namespace

void check_meta(Checker& c) {
    auto const& p = c.program;
    for (auto const& d : p.facts)
        require(c, d.meta, "fact", d.name, d.span);
    for (auto const& d : p.parameters)
        require(c, d.meta, "parameter", d.name, d.span);
    for (auto const& d : p.rules)
        require(c, d.meta, "rule", d.name, d.span);
    for (auto const& d : p.exceptions)
        require(c, d.meta, "exception", d.name, d.span);
    for (auto const& d : p.tables)
        for (auto const& v : d.versions)
            require(c, v.meta, "table", d.name, v.span);
    for (auto const& d : p.refusals)
        require(c, d.meta, "refusal", d.name, d.span);
    for (auto const& d : p.provisions)
        require(c, d.meta, "provision", d.name, d.span);
}

} // namespace billijk::sema
