// One IR declaration per syntax declaration (names, meta, package); bodies come later.
// Tables of the same name in one package become the versions of one TableDecl.
#include "sema/checker.hpp"

#include <map>
#include <set>

namespace billijk::sema {

namespace {

Meta copy_meta(syntax::Meta const& m) {
    return {m.cites.value_or(""), m.label.value_or(""), m.label_en.value_or("")};
}

struct Declarer {
    Checker& c;
    PackageId package;
    std::map<std::string, std::uint32_t> tables; ///< name → index in program.tables

    void operator()(syntax::EnumDecl const& d) {
        EnumDecl e{d.name.text, {}, package, d.name.span};
        std::set<std::string> seen;
        for (auto const& member : d.members) {
            if (!seen.insert(member.text).second) {
                c.error("E0204", member.span,
                        "member '" + member.text + "' appears twice in enumeration '" +
                            d.name.text + "'");
                continue;
            }
            e.members.push_back(member.text);
        }
        c.program.enums.push_back(std::move(e));
    }
    void operator()(syntax::FactDecl const& d) {
        c.program.facts.push_back({d.name.text, {}, copy_meta(d.meta), package, d.name.span});
        c.fact_src.push_back(&d);
    }
    void operator()(syntax::ParameterDecl const& d) {
        ParameterDecl p;
        p.is_override = d.is_override;
        p.name = d.name.text;
        p.meta = copy_meta(d.meta);
        p.package = package;
        p.span = d.name.span;
        p.name_span = d.name.span;
        c.program.parameters.push_back(std::move(p));
        c.parameter_src.push_back(&d);
    }
    void operator()(syntax::RuleDecl const& d) {
        RuleDecl r;
        r.is_override = d.is_override;
        r.name = d.name.text;
        r.meta = copy_meta(d.meta);
        r.package = package;
        r.span = d.name.span;
        r.name_span = d.name.span;
        c.program.rules.push_back(std::move(r));
        c.rule_src.push_back(&d);
    }
    void operator()(syntax::ExceptionDecl const& d) {
        ExceptionDecl e;
        e.name = d.name.text;
        e.target = d.target.text;
        if (d.over)
            e.over = d.over->text;
        e.meta = copy_meta(d.meta);
        e.package = package;
        e.span = d.name.span;
        e.target_span = d.target.span;
        c.program.exceptions.push_back(std::move(e));
        c.exception_src.push_back(&d);
    }
    void operator()(syntax::TableDecl const& d) {
        auto [it, fresh] =
            tables.emplace(d.name.text, static_cast<std::uint32_t>(c.program.tables.size()));
        if (fresh) {
            c.program.tables.push_back({d.name.text, {}, package, d.name.span});
            c.table_src.emplace_back();
        }
        TableVersion v;
        v.meta = copy_meta(d.meta);
        v.span = d.name.span;
        c.program.tables[it->second].versions.push_back(std::move(v));
        c.table_src[it->second].push_back(&d);
    }
    void operator()(syntax::RefusalDecl const& d) {
        c.program.refusals.push_back({d.name.text, copy_meta(d.meta), {}, package, d.name.span});
        c.refusal_src.push_back(&d);
    }
    void operator()(syntax::ProvisionDecl const& d) {
        ProvisionDecl p;
        p.name = d.name.text;
        p.meta = copy_meta(d.meta);
        p.category = d.category.value_or("");
        p.product = d.product.value_or("");
        p.unit_code = d.unit_code.value_or("");
        p.frequency = d.frequency.value_or("");
        p.package = package;
        p.span = d.name.span;
        c.program.provisions.push_back(std::move(p));
        c.provision_src.push_back(&d);
    }
};

} // namespace

void declare_items(Checker& c) {
    for (PackageId id = 0; id < c.files.size(); ++id) {
        Declarer declarer{c, id, {}};
        for (auto const& decl : c.files[id].tree->declarations)
            std::visit(declarer, decl);
    }
}

} // namespace billijk::sema
