// Every fact, parameter, rule, exception, table, refusal and provision cites its article and has
// a Dutch label (label_en is optional).
#include "sema/checker.hpp"

#include <algorithm>

namespace billijk::sema {

namespace {

void require(Checker& c, Meta const& meta, std::string const& what, std::string const& name,
             Span span) {
    if (meta.cites.empty())
        c.error("E0701", span, "missing citation on " + what + " '" + name + "'")
            .notes.push_back(
                {std::nullopt, "add `cites \"...\"` naming the article it implements"});
    if (meta.label.empty())
        c.error("E0702", span, "missing label on " + what + " '" + name + "'")
            .notes.push_back({std::nullopt, "add `label \"...\"` with the Dutch wording"});
}

} // namespace

void check_meta(Checker& c) {
    struct Item {
        Meta const* meta;
        char const* what;
        std::string const* name;
        Span span;
    };
    std::vector<Item> items;
    auto const& p = c.program;
    for (auto const& d : p.facts)
        items.push_back({&d.meta, "fact", &d.name, d.span});
    for (auto const& d : p.parameters)
        items.push_back({&d.meta, "parameter", &d.name, d.span});
    for (auto const& d : p.rules)
        items.push_back({&d.meta, "rule", &d.name, d.span});
    for (auto const& d : p.exceptions)
        items.push_back({&d.meta, "exception", &d.name, d.span});
    for (auto const& d : p.tables)
        for (auto const& v : d.versions)
            items.push_back({&v.meta, "table", &d.name, v.span});
    for (auto const& d : p.refusals)
        items.push_back({&d.meta, "refusal", &d.name, d.span});
    for (auto const& d : p.provisions)
        items.push_back({&d.meta, "provision", &d.name, d.span});
    // Report in source order.
    std::stable_sort(items.begin(), items.end(), [](Item const& a, Item const& b) {
        return a.span.file != b.span.file ? a.span.file < b.span.file : a.span.begin < b.span.begin;
    });
    for (auto const& item : items)
        require(c, *item.meta, item.what, *item.name, item.span);
}

} // namespace billijk::sema
