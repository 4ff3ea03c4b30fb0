// Helpers for the checker and evaluator tests: write rule files to a temporary rules root, load
// them, and list diagnostic ids; build cases in code.
//
//   RulesDir dir;
//   dir.write("main.rules", "package p \"t\" layer national ...");
//   auto loaded = dir.load();
//   CHECK(ids(loaded->diags()) == std::vector<std::string>{"E0203"});
#pragma once

#include "billijk/engine.hpp"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <unistd.h>
#include <vector>

namespace billijk::test {

struct Loaded {
    SourceSet sources;
    std::optional<Result<RuleSet>> result;
    bool ok() const { return result->ok(); }
    Diagnostics const& diags() const { return result->diagnostics(); }
    RuleSet const& rules() const { return result->value(); }
};

class RulesDir {
  public:
    RulesDir() {
        static std::atomic<int> counter{0};
        root_ =
            std::filesystem::temp_directory_path() /
            ("billijk-engine-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(root_);
        std::filesystem::create_directories(root_ / "rules");
    }
    ~RulesDir() {
        std::error_code ec;
        std::filesystem::remove_all(root_, ec);
    }
    RulesDir(RulesDir const&) = delete;
    RulesDir& operator=(RulesDir const&) = delete;

    /// The rules root: <tmp>/rules.
    std::filesystem::path root() const { return root_ / "rules"; }
    /// Writes a file relative to the rules root ("../x" writes outside it).
    void write(std::string const& relative, std::string const& text) const {
        auto path = root() / relative;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << text;
    }
    std::unique_ptr<Loaded> load() const {
        auto out = std::make_unique<Loaded>();
        out->result.emplace(load_rules(root(), out->sources));
        return out;
    }

  private:
    std::filesystem::path root_;
};

inline std::vector<std::string> ids(Diagnostics const& diags) {
    std::vector<std::string> out;
    for (auto const& d : diags.items())
        out.push_back(d.id);
    return out;
}

/// "id message" per diagnostic, for failure output.
inline std::string dump(Diagnostics const& diags) {
    std::string out;
    for (auto const& d : diags.items()) {
        out += d.id + " " + d.message + "\n";
        for (auto const& n : d.notes)
            out += "    note: " + n.message + "\n";
    }
    return out;
}

/// The source text a span covers.
inline std::string spanned(Loaded const& l, Span s) {
    return l.sources.file(s.file).text.substr(s.begin, s.end - s.begin);
}

/// The first diagnostic with `id`, or nullptr.
inline Diagnostic const* find(Diagnostics const& diags, std::string const& id) {
    for (auto const& d : diags.items())
        if (d.id == id)
            return &d;
    return nullptr;
}

inline Case make_case(std::string municipality = "GM0489", std::string law = "jeugdwet") {
    Case c;
    c.schema = "billijk.case/1";
    c.case_id = "TEST-1";
    c.municipality = std::move(municipality);
    c.law = std::move(law);
    c.decision_date = *Date::parse("2017-06-01");
    c.period = {*Date::parse("2017-07-01"), *Date::parse("2018-06-30")};
    c.birth_date = *Date::parse("2010-03-14");
    return c;
}

inline Quantity qty(std::string const& amount, std::string const& unit) {
    Unit u;
    std::string word;
    char op = '*';
    auto flush = [&] {
        auto w = *Unit::parse_word(word);
        u = op == '/' ? u / w : u * w;
        word.clear();
    };
    for (char ch : unit) {
        if (ch == '/' || ch == '*') {
            flush();
            op = ch;
        } else {
            word += ch;
        }
    }
    flush();
    return {*Decimal::parse(amount), u};
}

/// A package header for inline tests.
inline std::string header(std::string const& name, std::string const& layer = "national",
                          std::string const& extra = "") {
    std::string out = "package " + name + " \"Test\"\n  layer " + layer + "\n";
    if (layer == "municipal")
        out += "  law jeugdwet\n  municipality GM0489\n";
    return out + extra + "\n";
}

/// `cites` and `label` for a declaration.
inline std::string const meta = "  cites \"art. 1\" label \"Label\"\n";

} // namespace billijk::test
