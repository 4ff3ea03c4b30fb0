#include "golden/run_case.hpp"

#include "diag/render.hpp"
#include "io/case_json.hpp"
#include "io/explain_text.hpp"
#include "io/fingerprint.hpp"
#include "io/indication_json.hpp"

namespace billijk::golden {

namespace {

void replace_all(std::string& text, std::string const& from, std::string const& to) {
    if (from.empty())
        return;
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

/// As `billijk indicate` prints them: a diagnostic without a span gets the case path in front.
std::string render_case_diagnostics(std::string const& path, Diagnostics const& diags,
                                    SourceSet const& sources) {
    std::string out;
    for (auto const& d : diags.items()) {
        Diagnostics one;
        one.add(d);
        out += (d.span ? "" : path + ": ") + render_all(one, sources);
    }
    return out;
}

bool is_evaluation_error(Diagnostics const& diags) {
    for (auto const& d : diags.items())
        if (d.id == "E0805")
            return true;
    return false;
}

void failed(CaseOutput& out, int code, std::string stderr_text) {
    out.files["expected.stderr"] = std::move(stderr_text);
    out.files["expected.exit"] = std::to_string(code) + "\n";
}

} // namespace

std::string build_independent(std::string text, Indication const& indication) {
    if (indication.plugins.empty())
        return text;
    std::string const zeros(64, '0');
    for (auto const& p : indication.plugins)
        replace_all(text, p.sha256, zeros);
    replace_all(text, indication.fingerprint, "sha256:" + zeros);
    return text;
}

Result<CaseOutput> run_case(RuleSet const& rules, SourceSet const& sources, CaseDir const& c) {
    auto const path = c.dir / c.case_file;
    auto text = read_text_file(path);
    if (!text)
        return fail("G0003", std::nullopt, path.generic_string() + ": cannot read the case file");
    CaseOutput out;
    out.case_text = *text;
    // The case is shown by its file name, as indicate prints it when run in the case directory.
    auto the_case = io::read_case(*text, c.case_file);
    if (!the_case) {
        failed(out, indicate_exit_bad_input,
               render_case_diagnostics(c.case_file, the_case.diagnostics(), sources));
        return out;
    }
    auto first = indicate(rules, the_case.value(), {});
    if (!first) {
        failed(out,
               is_evaluation_error(first.diagnostics()) ? indicate_exit_eval_error
                                                        : indicate_exit_bad_input,
               render_case_diagnostics(c.case_file, first.diagnostics(), sources));
        return out;
    }
    std::string const canonical = io::canonical_case_json(*text);
    Indication result = std::move(first).value();
    result.fingerprint = io::fingerprint(result, canonical);
    std::string const json = io::write_indication_json(result);
    // Byte-identical output for identical input: indicate once more and compare.
    auto again = indicate(rules, the_case.value(), {});
    if (again) {
        Indication second = std::move(again).value();
        second.fingerprint = io::fingerprint(second, canonical);
        out.reproducible = io::write_indication_json(second) == json;
    } else {
        out.reproducible = false;
    }
    out.files["expected.json"] = build_independent(json, result);
    out.files["expected.nl.txt"] =
        build_independent(io::write_indication_text(result, io::Language::nl), result);
    out.files["expected.en.txt"] =
        build_independent(io::write_indication_text(result, io::Language::en), result);
    out.indication = std::move(result);
    return out;
}

} // namespace billijk::golden
