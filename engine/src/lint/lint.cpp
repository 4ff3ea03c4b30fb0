// The lint driver and its two renderers (lint/lint.hpp).
#include "lint/lint.hpp"

#include "io/report_json.hpp"

#include "diag/render.hpp"
#include "lint/passes.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

namespace billijk::lint {

std::vector<Finding> run(sema::Program const& program) {
    std::vector<Finding> out;
    Sink sink(out);
    lint_meta(program, sink);
    lint_usage(program, sink);
    lint_dates(program, sink);
    lint_tables(program, sink);
    lint_exceptions(program, sink);
    lint_rounding(program, sink);
    auto key = [](Finding const& f) {
        auto const& s = f.diagnostic.span;
        return std::make_tuple(s ? s->file : 0u, s ? s->begin : 0u, f.diagnostic.id);
    };
    std::stable_sort(out.begin(), out.end(),
                     [&](Finding const& a, Finding const& b) { return key(a) < key(b); });
    return out;
}

std::string render_text(std::vector<Finding> const& findings, SourceSet const& sources) {
    std::string out;
    for (auto const& f : findings) {
        Diagnostic d = f.diagnostic;
        d.notes.push_back({std::nullopt, f.hint});
        out += render(d, sources);
    }
    return out;
}

namespace {

void put_position(nlohmann::json& j, std::optional<Span> const& span, SourceSet const& sources) {
    if (!span)
        return;
    auto const lc = sources.line_col(*span);
    j["file"] = sources.file(span->file).path;
    j["line"] = lc.line;
    j["column"] = lc.column;
}

} // namespace

std::string render_json(std::vector<Finding> const& findings, SourceSet const& sources) {
    nlohmann::json list = nlohmann::json::array();
    for (auto const& f : findings) {
        auto const& d = f.diagnostic;
        nlohmann::json j;
        j["id"] = d.id;
        j["severity"] = d.severity == Severity::warning ? "warning" : "note";
        j["message"] = d.message;
        j["hint"] = f.hint;
        put_position(j, d.span, sources);
        if (d.span) {
            auto const& text = sources.file(d.span->file).text;
            auto const end = std::min<std::size_t>(d.span->end, text.size());
            auto const begin = std::min<std::size_t>(d.span->begin, end);
            j["text"] = text.substr(begin, end - begin);
        }
        nlohmann::json notes = nlohmann::json::array();
        for (auto const& n : d.notes) {
            nlohmann::json jn;
            jn["message"] = n.message;
            put_position(jn, n.span, sources);
            notes.push_back(std::move(jn));
        }
        j["notes"] = std::move(notes);
        list.push_back(std::move(j));
    }
    nlohmann::json doc;
    doc["schema"] = "billijk.lint/1";
    doc["findings"] = std::move(list);
    return io::report_json_text(doc, -1);
}

} // namespace billijk::lint
