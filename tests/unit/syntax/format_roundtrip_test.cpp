// The formatter's properties over every rule file of the repository (rules/**, plugins/*/rules/**,
// the test rule packages), found when the test runs: format(parse(x)) parses to the same tree
// (flat print and expression dumps compared), keeps every comment in order, and is idempotent.
// Plus a few mutated inputs: comments and line breaks in odd places.
#include "syntax/comments.hpp"
#include "syntax/format_check.hpp"
#include "syntax/printer.hpp"
#include "syntax_test_support.hpp"

#include <algorithm>
#include <filesystem>

using namespace billijk;
using namespace billijk::syntax;
using namespace billijk::syntax::testing;
namespace fs = std::filesystem;

namespace {

/// The rule files of the repository that parse: under rules/ and plugins/, and the tests'
/// packages (the diagnostics goldens are meant not to parse or check and are skipped when
/// they do not parse).
std::vector<fs::path> repo_rule_files() {
    fs::path const root(BILLIJK_SOURCE_DIR);
    std::vector<fs::path> out;
    for (char const* dir : {"rules", "plugins", "tests"}) {
        for (auto const& entry : fs::recursive_directory_iterator(root / dir)) {
            if (entry.is_regular_file() && entry.path().extension() == ".rules") {
                out.push_back(entry.path());
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> comment_texts(std::string_view text) {
    std::vector<std::string> out;
    for (auto& c : collect_comments(text)) {
        out.push_back(std::move(c.text));
    }
    return out;
}

/// Every expression of a file as s-expressions, in order: a structural dump that also sees
/// what the flat print might hide (how an operator chain associates).
std::string expression_dump(File const& file) {
    std::string out;
    auto add = [&](Expr const* e) {
        if (e) {
            out += sexpr(*e) + '\n';
        }
    };
    for (auto const& declaration : file.declarations) {
        std::visit(
            [&](auto const& d) {
                using T = std::decay_t<decltype(d)>;
                if constexpr (std::is_same_v<T, ParameterDecl>) {
                    for (auto const& v : d.versions) {
                        add(v.value.get());
                    }
                } else if constexpr (std::is_same_v<T, RuleDecl>) {
                    add(d.value.get());
                } else if constexpr (std::is_same_v<T, ExceptionDecl>) {
                    add(d.condition.get());
                    add(d.value.get());
                } else if constexpr (std::is_same_v<T, TableDecl>) {
                    for (auto const& row : d.rows) {
                        add(row.result.get());
                    }
                } else if constexpr (std::is_same_v<T, RefusalDecl>) {
                    add(d.condition.get());
                } else if constexpr (std::is_same_v<T, ProvisionDecl>) {
                    add(d.quantity.get());
                    add(d.rate.get());
                    add(d.budget.get());
                }
            },
            declaration);
    }
    return out;
}

/// The properties for one text that parses; returns the formatted text.
std::string check_properties(std::string const& text) {
    parse_run first(text);
    File const& file = parsed_ok(first);
    std::string const formatted = format(file, text);
    INFO(formatted);
    auto const problem = check_formatted(file, text, formatted);
    CHECK(problem.value_or("") == "");

    parse_run second(formatted);
    File const& again = parsed_ok(second);
    CHECK(print(again) == print(file));
    CHECK(expression_dump(again) == expression_dump(file));
    CHECK(format(again, formatted) == formatted);
    CHECK(comment_texts(formatted) == comment_texts(text));
    return formatted;
}

} // namespace

TEST_CASE("every rule file of the repository round-trips through the formatter", "[format]") {
    int checked = 0;
    for (auto const& path : repo_rule_files()) {
        auto text = read_text_file(path);
        REQUIRE(text);
        parse_run run(*text);
        if (!run.result.ok()) {
            // Only the diagnostics goldens may fail to parse: they exist to fail.
            CHECK(path.string().find("golden/diagnostics") != std::string::npos);
            continue;
        }
        INFO(path.string());
        check_properties(*text);
        ++checked;
    }
    CHECK(checked >= 19); // rules/ and plugins/ alone hold 19 files
}

TEST_CASE("comments survive in every place they can stand", "[format]") {
    std::string const text = R"~(# file header
# second line

# a section
package p "t"  # after the header
  # before layer
  layer municipal
import "a.rules"  # trailing import
# between imports
import "b.rules"
# leading, glued

# before rule, after a blank
rule r: eur  # trailing head
  # before cites
  cites "c # not a comment"
  label "l"
  = a  # after a
    # inside the chain
    + b
    + f(x,  # after x
        y)
   # indented under the rule
table t: count
  by a: count
  hit first
  row [0, 1) -> 1  # row one
  # between rows
  row [1, ) -> 2
# at the end
)~";
    std::string const formatted = check_properties(text);
    CHECK(formatted == R"~(# file header
# second line

# a section
package p "t"  # after the header
  # before layer
  layer municipal

import "a.rules"  # trailing import
# between imports
import "b.rules"

# leading, glued

# before rule, after a blank
rule r: eur  # trailing head
  # before cites
  cites "c # not a comment"
  label "l"
  = a  # after a
    # inside the chain
    + b
    + f(x,  # after x
        y)
  # indented under the rule

table t: count
  by a: count
  hit first
  row [0, 1) -> 1  # row one
  # between rows
  row [1, )  -> 2

# at the end
)~");
}

TEST_CASE("the writer's line breaks are kept and laid out canonically", "[format]") {
    std::string const text = R"~(package p "t"
rule r: eur
  = if a
  then min(b,    c)
        else if d then e
   else f
rule s: eur
  = round(if x
     then y else z,
   0.01, half_up)
refusal n
  when (a or b)
     and c and d
rule q: eur
  = if a then b else c
)~";
    CHECK(check_properties(text) == R"~(package p "t"

rule r: eur
  = if a
      then min(b, c)
    else if d then e
    else f

rule s: eur
  = round(if x
            then y else z,
          0.01, half_up)

refusal n
  when (a or b)
       and c and d

rule q: eur
  = if a then b else c
)~");
}

TEST_CASE("mutated repository files keep the properties", "[format]") {
    // Each file with a comment after every line, and with every blank line doubled: both are
    // valid rule text, and both must format faithfully and stably.
    int checked = 0;
    for (auto const& path : repo_rule_files()) {
        if (path.string().find("golden/diagnostics") != std::string::npos) {
            continue;
        }
        auto text = read_text_file(path);
        REQUIRE(text);
        std::string commented, spaced;
        std::size_t line = 0;
        for (std::size_t start = 0; start < text->size();) {
            std::size_t end = text->find('\n', start);
            end = end == std::string::npos ? text->size() : end;
            std::string_view const l = std::string_view(*text).substr(start, end - start);
            // A '#' inside a string would not start a comment; only comment lines with no string.
            commented += std::string(l);
            if (l.find('"') == std::string_view::npos && l.find('#') == std::string_view::npos) {
                commented += "  # m" + std::to_string(line);
            }
            commented += '\n';
            spaced += std::string(l) + (l.empty() ? "\n\n" : "\n");
            start = end + 1;
            ++line;
        }
        INFO(path.string());
        check_properties(commented);
        check_properties(spaced);
        ++checked;
    }
    CHECK(checked >= 19);
}
