#include "golden/report.hpp"

#include "io/report_json.hpp"

#include <nlohmann/json.hpp>

namespace billijk::golden {

using nlohmann::json;

namespace {

std::string indent(std::string const& text, std::string const& by) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto nl = text.find('\n', start);
        auto end = nl == std::string::npos ? text.size() : nl;
        out += by + text.substr(start, end - start) + "\n";
        start = end + 1;
    }
    return out;
}

std::string node_change_text(NodeChange const& c) {
    switch (c.kind) {
    case NodeChange::Kind::added:
        return "+ " + c.path + ": " + c.node + " = " + c.value +
               (c.size > 1 ? " (" + std::to_string(c.size) + " nodes)" : "") + "\n";
    case NodeChange::Kind::removed:
        return "- " + c.path + ": " + c.node + " = " + c.value +
               (c.size > 1 ? " (" + std::to_string(c.size) + " nodes)" : "") + "\n";
    case NodeChange::Kind::changed:
        break;
    }
    std::string out = "~ " + c.path + ": " + c.node + "\n";
    for (auto const& f : c.fields)
        out += "    " + f.field + ": " + (f.expected.empty() ? "(none)" : f.expected) + " → " +
               (f.actual.empty() ? "(none)" : f.actual) + "\n";
    return out;
}

char const* kind_name(NodeChange::Kind k) {
    switch (k) {
    case NodeChange::Kind::added:
        return "added";
    case NodeChange::Kind::removed:
        return "removed";
    case NodeChange::Kind::changed:
        break;
    }
    return "changed";
}

} // namespace

RunSummary summarize(std::vector<CaseVerdict> const& verdicts, bool update) {
    RunSummary s;
    s.update = update;
    s.cases = verdicts.size();
    for (auto const& v : verdicts) {
        if (v.passed())
            ++s.passed;
        else if (update && v.refused.empty())
            ++s.updated;
        else
            ++s.failed;
        s.hand_failures += v.hand.empty() ? 0 : 1;
        s.refused += v.refused.empty() ? 0 : 1;
        s.files_written += v.written.size();
    }
    return s;
}

std::string case_text(CaseVerdict const& v, bool update) {
    if (v.passed())
        return "PASS " + v.name + "\n";
    std::string out;
    if (update && v.refused.empty()) {
        out = "UPDATED " + v.name + "\n";
        for (auto const& w : v.written)
            out += "  wrote " + w + "\n";
        return out;
    }
    out = "FAIL " + v.name + "\n";
    for (auto const& h : v.hand)
        out += "  HAND CHECK: " + h + "\n";
    if (!v.hand.empty())
        out += "  (the rules disagree with the calculation in extra.hand_check: check the rules "
               "before any expectation)\n";
    for (auto const& p : v.problems)
        out += indent(p, "  problem: ");
    if (!v.values.empty()) {
        out += "  values (expected → actual):\n";
        for (auto const& c : v.values)
            out += "    " + c.path + ": " + c.expected + " → " + c.actual + "\n";
    }
    if (!v.explanation.empty()) {
        std::string provision;
        for (auto const& c : v.explanation) {
            if (c.provision != provision) {
                provision = c.provision;
                out += "  explanation of " + provision + " (~ changed, + new, - gone):\n";
            }
            out += indent(node_change_text(c), "    ");
        }
    }
    bool text_shown = false;
    for (auto const& f : v.files) {
        if (f.missing) {
            out += "  " + f.file + ": missing (run with --update to write it, then review it)\n";
            continue;
        }
        // One text explanation is enough next to the node diff: the English one.
        if (f.file == "expected.nl.txt" && text_shown)
            continue;
        if (f.diff.empty()) {
            // expected.json's differences are the value and explanation lists above.
            if (f.file != "expected.json" || (v.values.empty() && v.explanation.empty()))
                out += "  " + f.file + " differs\n";
            continue;
        }
        out += indent(f.diff, "  | ");
        text_shown = text_shown || f.file == "expected.en.txt";
    }
    if (!v.refused.empty())
        out += "  not updated: " + v.refused + "\n";
    return out;
}

std::string summary_text(RunSummary const& s) {
    std::string out = std::to_string(s.cases) + (s.cases == 1 ? " case: " : " cases: ") +
                      std::to_string(s.passed) + " passed, ";
    if (s.update)
        out += std::to_string(s.updated) + " updated (" + std::to_string(s.files_written) +
               " files written), ";
    out += std::to_string(s.failed) + " failed";
    if (s.hand_failures)
        out += ", " + std::to_string(s.hand_failures) + " disagree with their hand check";
    return out + "\n";
}

std::string coverage_text(CoverageReport const& report, std::size_t cases) {
    std::string out = "coverage of " + std::to_string(cases) + (cases == 1 ? " case" : " cases") +
                      " (reached: evaluated; an exception applied; a refusal held):\n";
    std::vector<std::string> untouched;
    for (auto const& p : report.packages) {
        if (p.reached() == 0) {
            untouched.push_back(p.package);
            continue;
        }
        out += "  " + p.package + " (" + p.file + "): reached " + std::to_string(p.reached()) +
               " of " + std::to_string(p.items.size()) + "\n    " + p.counts() + "\n";
        if (p.reached() == p.items.size())
            continue;
        out += "    never reached:\n";
        for (auto const& i : p.items)
            if (!i.reached)
                out += "      " + i.file + ":" + std::to_string(i.line) + ": " + i.text + "\n";
    }
    if (!untouched.empty()) {
        out += "  packages no selected case reaches (" + std::to_string(untouched.size()) + "):";
        for (auto const& name : untouched)
            out += " " + name;
        out += "\n";
    }
    return out;
}

std::string run_json(std::vector<CaseVerdict> const& verdicts, RunSummary const& s,
                     std::optional<CoverageReport> const& coverage) {
    json out = json::object();
    json cases = json::array();
    for (auto const& v : verdicts) {
        json c = json::object();
        c["case"] = v.name;
        c["result"] = v.passed() ? "pass" : (s.update && v.refused.empty() ? "updated" : "fail");
        c["hand_check"] = v.hand;
        c["problems"] = v.problems;
        json values = json::array();
        for (auto const& ch : v.values)
            values.push_back({{"path", ch.path}, {"expected", ch.expected}, {"actual", ch.actual}});
        c["values"] = std::move(values);
        json nodes = json::array();
        for (auto const& ch : v.explanation) {
            json n = {{"change", kind_name(ch.kind)},
                      {"provision", ch.provision},
                      {"path", ch.path},
                      {"node", ch.node}};
            if (ch.kind == NodeChange::Kind::changed) {
                json fields = json::array();
                for (auto const& f : ch.fields)
                    fields.push_back(
                        {{"field", f.field}, {"expected", f.expected}, {"actual", f.actual}});
                n["fields"] = std::move(fields);
            } else {
                n["value"] = ch.value;
                n["nodes"] = ch.size;
            }
            nodes.push_back(std::move(n));
        }
        c["explanation"] = std::move(nodes);
        json files = json::array();
        for (auto const& f : v.files)
            files.push_back({{"file", f.file}, {"missing", f.missing}, {"diff", f.diff}});
        c["files"] = std::move(files);
        c["written"] = v.written;
        if (!v.refused.empty())
            c["not_updated"] = v.refused;
        cases.push_back(std::move(c));
    }
    out["cases"] = std::move(cases);
    out["summary"] = {{"cases", s.cases},     {"passed", s.passed},
                      {"failed", s.failed},   {"hand_check_failures", s.hand_failures},
                      {"updated", s.updated}, {"files_written", s.files_written}};
    if (coverage) {
        json packages = json::array();
        for (auto const& p : coverage->packages) {
            json never = json::array();
            for (auto const& i : p.items)
                if (!i.reached)
                    never.push_back(
                        {{"kind", i.kind}, {"item", i.text}, {"file", i.file}, {"line", i.line}});
            packages.push_back({{"package", p.package},
                                {"file", p.file},
                                {"items", p.items.size()},
                                {"reached", p.reached()},
                                {"never_reached", std::move(never)}});
        }
        out["coverage"] = {{"packages", std::move(packages)}};
    }
    return io::report_json_text(out);
}

} // namespace billijk::golden
