#include "batch/line.hpp"

#include "batch/result_csv.hpp"
#include "io/case_json.hpp"
#include "io/fingerprint.hpp"
#include "io/indication_json.hpp"

#include <nlohmann/json.hpp>

namespace billijk::batch {

std::string error_line(std::size_t line, std::vector<Diagnostic> const& problems) {
    nlohmann::json errors = nlohmann::json::array();
    for (auto const& d : problems)
        errors.push_back({{"id", d.id}, {"message", d.message}});
    nlohmann::json out = {{"errors", std::move(errors)}, {"line", line}};
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<LineWork::Indicated> LineWork::indicate_record(InputRecord const& record) const {
    std::string csv_text;
    if (format == InputFormat::csv) {
        BILLIJK_TRY(json, csv->case_json(record.text));
        csv_text = std::move(json);
    }
    std::string const& case_text = format == InputFormat::csv ? csv_text : record.text;
    Indicated out;
    out.parsed = io::parse_json_tree(case_text);
    auto the_case = io::read_case(out.parsed);
    if (!the_case)
        return the_case.diagnostics();
    IndicateOptions run = options;
    run.explain = explain;
    auto indication = indicate(rules, the_case.value(), run);
    if (!indication)
        return indication.diagnostics();
    out.indication = std::move(indication).value();
    out.indication.fingerprint =
        io::fingerprint(out.indication, io::canonical_case_json(*out.parsed.root));
    return out;
}

std::optional<std::string> LineWork::stored_output(InputRecord const& record) const {
    auto indicated = indicate_record(record);
    if (!indicated)
        return std::nullopt;
    return io::write_indication_json_line(indicated.value().indication, explain);
}

LineResult LineWork::process(InputRecord const& record) const {
    LineResult r;
    r.line = record.line;
    auto failed = [&](Diagnostics const& diags) {
        for (auto const& d : diags.items())
            if (d.severity == Severity::error)
                r.problems.push_back(d);
        r.output = output == OutputFormat::csv ? error_csv_row(r.line, r.problems, output_separator)
                                               : error_line(r.line, r.problems);
        return std::move(r);
    };

    auto indicated = indicate_record(record);
    if (!indicated)
        return failed(indicated.diagnostics());
    Indication const& result = indicated.value().indication;
    // Written once, in place in the result line, for the line and the store (a CSV output
    // writes it only for the store).
    std::string line = "{\"indication\":";
    std::size_t const json_from = line.size();
    if (output == OutputFormat::jsonl || store_key != nullptr)
        line = io::append_indication_json_line(std::move(line), result, explain);
    if (store_key != nullptr) {
        // The stored bytes are exactly the result line's indication, as replay recomputes them
        // (`indicate --format json` on one line); with --no-explain without the explanations,
        // which replay then leaves out too (and recomputes when asked: store/replay.hpp,
        // docs/store.md).
        std::string_view const json(line.data() + json_from, line.size() - json_from);
        auto prepared = store::prepare_indication(std::move(*indicated.value().parsed.root), result,
                                                  json, *store_key, *known_packages, dictionary);
        if (!prepared)
            return failed(prepared.diagnostics());
        r.stored = std::move(prepared).value();
    }
    for (auto const& p : result.provisions) {
        r.granted += p.status == Status::granted ? 1 : 0;
        r.refused += p.status == Status::refused ? 1 : 0;
        r.undetermined += p.status == Status::undetermined ? 1 : 0;
    }
    r.indicated = true;
    if (output == OutputFormat::csv) {
        r.output = result_csv_rows(r.line, result, output_separator);
        return r;
    }
    line += ",\"line\":";
    line += std::to_string(r.line);
    line += '}';
    r.output = std::move(line);
    return r;
}

} // namespace billijk::batch
