// Helpers for the lint tests: a small rule set written to a temporary rules root, loaded (it must
// check without errors), then linted.
//
//   auto l = lint_rules({{"main.rules", clean_package("rule x: count\n" + meta_en + "  = 1\n")}});
//   CHECK(l.ids() == Ids{"L0203"});
#pragma once

#include "../engine/engine_test_support.hpp"
#include "lint/lint.hpp"

#include <catch2/catch.hpp>

#include <map>

namespace billijk::test {

using Ids = std::vector<std::string>;

/// `cites`, `label` and `label_en`: no L0101.
inline std::string const meta_en = "  cites \"art. 1\" label \"Label\" label_en \"Label\"\n";

/// A national package with one provision whose quantity is rule `weekly`; `body` is appended.
inline std::string clean_package(std::string const& body, std::string const& name = "p") {
    return "package " + name +
           " \"Test\"\n  layer national\n  law jeugdwet\n  valid 2015-01-01 ..\n\n"
           "rule weekly: hours/week\n" +
           meta_en + "  = 10 hours/week\n\n" + "provision care\n" + meta_en +
           "  quantity = weekly\n\n" + body;
}

struct Linted {
    std::unique_ptr<Loaded> loaded;
    std::vector<lint::Finding> findings;

    Ids ids() const {
        Ids out;
        for (auto const& f : findings)
            out.push_back(f.diagnostic.id);
        return out;
    }
    lint::Finding const* find(std::string const& id) const {
        for (auto const& f : findings)
            if (f.diagnostic.id == id)
                return &f;
        return nullptr;
    }
    std::string text() const { return lint::render_text(findings, loaded->sources); }
    /// The source text a finding's span covers.
    std::string spanned_text(lint::Finding const& f) const {
        return spanned(*loaded, *f.diagnostic.span);
    }
};

inline Linted lint_rules(std::map<std::string, std::string> const& files) {
    RulesDir dir;
    for (auto const& [path, text] : files)
        dir.write(path, text);
    Linted out{dir.load(), {}};
    INFO(dump(out.loaded->diags()));
    REQUIRE(out.loaded->ok());
    out.findings = lint::run(out.loaded->rules().program());
    return out;
}

inline Linted lint_one(std::string const& text) {
    return lint_rules({{"main.rules", text}});
}

} // namespace billijk::test
