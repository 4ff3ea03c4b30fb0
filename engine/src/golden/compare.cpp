#include "golden/compare.hpp"

#include "golden/explanation_diff.hpp"
#include "golden/hand_check.hpp"
#include "golden/text_diff.hpp"
#include "golden/value_diff.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

namespace billijk::golden {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::size_t max_diff_lines = 40;

/// The JSON of `text`, or nullopt when it is not JSON.
std::optional<json> parse(std::string const& text) {
    json out = json::parse(text, nullptr, false);
    if (out.is_discarded())
        return std::nullopt;
    return out;
}

/// expected.json: the values and the explanation, node by node; the text diff only when
/// neither says what differs (a fingerprint, a label).
void compare_json(CaseVerdict& v, FileMismatch& m, std::string const& expected,
                  std::string const& actual) {
    auto e = parse(expected);
    auto a = parse(actual);
    if (e && a) {
        v.values = diff_values(*e, *a);
        v.explanation = diff_explanations(*e, *a);
    }
    if (!e || (v.values.empty() && v.explanation.empty()))
        m.diff = unified_diff(expected, actual, m.file, "actual", max_diff_lines);
}

} // namespace

Result<CaseVerdict> compare_case(CaseDir const& c, CaseOutput const& out) {
    CaseVerdict v;
    v.name = c.name;
    bool const indicated = out.indication.has_value();
    // The kind of outcome must stay the same: an indication where an error was expected (or the
    // reverse) is not a stale expectation but a different case.
    std::error_code ec;
    if (indicated && fs::exists(c.dir / "expected.exit", ec) &&
        !fs::exists(c.dir / "expected.json", ec))
        v.problems.push_back("expected an error (expected.exit), but the case now gives an "
                             "indication; remove expected.exit and expected.stderr if that is "
                             "intended");
    if (!indicated && fs::exists(c.dir / "expected.json", ec) &&
        !fs::exists(c.dir / "expected.exit", ec))
        v.problems.push_back(
            "expected an indication (expected.json), but indicate now fails "
            "with exit " +
            out.files.at("expected.exit").substr(0, out.files.at("expected.exit").size() - 1) +
            ":\n" + out.files.at("expected.stderr") +
            "remove expected.json and expected.*.txt if that is intended");
    if (!out.reproducible)
        v.problems.push_back("a second run gave different output: not reproducible");

    for (auto const& [file, actual] : out.files) {
        FileMismatch m;
        m.file = file;
        auto expected = read_text_file(c.dir / file);
        if (!expected) {
            m.missing = true;
            v.files.push_back(std::move(m));
            continue;
        }
        if (*expected == actual)
            continue;
        if (file == "expected.json")
            compare_json(v, m, *expected, actual);
        else
            m.diff = unified_diff(*expected, actual, file, "actual", max_diff_lines);
        v.files.push_back(std::move(m));
    }

    if (indicated && out.case_text) {
        auto case_json = parse(*out.case_text);
        auto output = parse(out.files.at("expected.json"));
        if (case_json && output) {
            auto hand =
                check_hand_values((c.dir / c.case_file).generic_string(), *case_json, *output);
            if (!hand)
                return hand.diagnostics();
            v.hand = std::move(hand).value();
        }
    }
    return v;
}

Result<bool> update_expectations(CaseDir const& c, CaseOutput const& out, CaseVerdict& verdict) {
    if (!verdict.updatable()) {
        verdict.refused = !verdict.hand.empty()
                              ? "the rules disagree with the hand check in " + c.case_file
                              : verdict.problems.front();
        return false;
    }
    for (auto const& m : verdict.files) {
        fs::path const target = c.dir / m.file;
        fs::path const temporary = c.dir / ("." + m.file + ".tmp");
        {
            std::ofstream f(temporary, std::ios::binary | std::ios::trunc);
            f << out.files.at(m.file);
            f.close();
            if (!f) {
                std::error_code ignored;
                fs::remove(temporary, ignored);
                return fail("G0005", std::nullopt,
                            target.generic_string() + ": cannot write the expectation");
            }
        }
        std::error_code ec;
        fs::rename(temporary, target, ec);
        if (ec) {
            fs::remove(temporary, ec);
            return fail("G0005", std::nullopt,
                        target.generic_string() + ": cannot replace the expectation");
        }
        verdict.written.push_back(target.generic_string());
    }
    return true;
}

} // namespace billijk::golden
