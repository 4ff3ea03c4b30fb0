#include "golden/coverage.hpp"

#include "sema/ir.hpp"

#include <algorithm>
#include <map>

namespace billijk::golden {

namespace {

/// The order kinds are listed and counted in.
constexpr char const* kinds[] = {"provision", "refusal",   "rule",
                                 "exception", "parameter", "table row"};

} // namespace

void CoverageHits::add(Indication const& indication) {
    for (auto const& p : indication.provisions)
        add(p.explanation);
}

void CoverageHits::add(Explanation const& node) {
    std::string const kind(node.kind);
    std::string const package(node.package);
    std::string const name(node.name);
    if (kind == "rule" || kind == "provision") {
        hits_.insert({kind, package, name, 0, 0});
    } else if (kind == "refusal") {
        if (node.value == "true") // the refusal held: the provision was refused for it
            hits_.insert({kind, package, name, 0, 0});
    } else if (kind == "exception") {
        // A considered exception that did not apply says "not applicable" or "undetermined"
        // (eval/named.cpp); an applied one carries its value.
        if (node.value != "not applicable" && node.value != "undetermined")
            hits_.insert({kind, package, name, 0, 0});
    } else if (kind == "parameter" && node.version) {
        hits_.insert({kind, package, name, *node.version, 0});
    } else if (kind == "table" && node.version) {
        for (auto row : node.rows)
            hits_.insert({"table row", package, name, *node.version, row});
    }
    for (auto const& input : node.inputs)
        add(input);
}

std::size_t PackageCoverage::reached() const {
    return static_cast<std::size_t>(
        std::count_if(items.begin(), items.end(), [](auto const& i) { return i.reached; }));
}

std::string PackageCoverage::counts() const {
    std::string out;
    for (char const* kind : kinds) {
        std::size_t total = 0, hit = 0;
        for (auto const& i : items)
            if (i.kind == kind) {
                ++total;
                hit += i.reached ? 1 : 0;
            }
        if (total == 0)
            continue;
        std::string plural = std::string(kind) + "s";
        out += (out.empty() ? "" : ", ") + plural + " " + std::to_string(hit) + "/" +
               std::to_string(total);
    }
    return out;
}

namespace {

std::string relative_to(std::string const& path, std::string root) {
    if (!root.empty() && root.back() != '/')
        root += '/';
    return !root.empty() && path.rfind(root, 0) == 0 ? path.substr(root.size()) : path;
}

} // namespace

CoverageReport coverage_report(sema::Program const& program, SourceSet const& sources,
                               CoverageHits const& hits, std::string const& rules_root) {
    std::map<sema::PackageId, std::vector<CoverageItem>> by_package;
    auto item = [&](sema::PackageId pkg, std::string kind, std::string text, Span span,
                    CoverageHits::Key const& key) {
        CoverageItem i;
        i.kind = std::move(kind);
        i.text = std::move(text);
        i.file = relative_to(sources.file(span.file).path, rules_root);
        i.line = sources.line_col(span).line;
        i.reached = hits.reached(key);
        by_package[pkg].push_back(std::move(i));
    };
    auto pname = [&](sema::PackageId id) { return program.packages[id].name; };
    for (auto const& d : program.provisions)
        item(d.package, "provision", "provision " + d.name, d.span,
             {"provision", pname(d.package), d.name, 0, 0});
    for (auto const& d : program.refusals)
        item(d.package, "refusal", "refusal " + d.name, d.span,
             {"refusal", pname(d.package), d.name, 0, 0});
    for (auto const& d : program.rules)
        item(d.package, "rule", "rule " + d.name, d.span, {"rule", pname(d.package), d.name, 0, 0});
    for (auto const& d : program.exceptions)
        item(d.package, "exception", "exception " + d.name + " (to " + d.target + ")", d.span,
             {"exception", pname(d.package), d.name, 0, 0});
    for (auto const& d : program.parameters)
        for (std::uint32_t v = 0; v < d.versions.size(); ++v) {
            auto const& version = d.versions[v];
            std::string text = "parameter " + d.name;
            if (version.valid)
                text += " (" + version.valid->to_string() + ")";
            item(d.package, "parameter", text, version.span,
                 {"parameter", pname(d.package), d.name, v, 0});
        }
    for (auto const& d : program.tables)
        for (std::uint32_t v = 0; v < d.versions.size(); ++v) {
            auto const& version = d.versions[v];
            for (std::uint32_t r = 0; r < version.rows.size(); ++r) {
                auto const& row = version.rows[r];
                std::string cells;
                for (auto const& cell : row.cells)
                    cells += (cells.empty() ? "" : ", ") + cell.text;
                std::string text = "table " + d.name + " row " + std::to_string(r + 1);
                if (version.valid)
                    text += " (" + version.valid->to_string() + ")";
                item(d.package, "table row", text + ": " + cells + " -> " + row.result.text,
                     row.span, {"table row", pname(d.package), d.name, v, r});
            }
        }

    CoverageReport report;
    for (auto& [id, items] : by_package) {
        if (id == sema::builtin_package || id >= program.packages.size())
            continue;
        // Items in the order of the file, so that the list reads along with the rules.
        std::stable_sort(items.begin(), items.end(), [](auto const& a, auto const& b) {
            return a.file != b.file ? a.file < b.file : a.line < b.line;
        });
        report.packages.push_back({program.packages[id].name,
                                   relative_to(program.packages[id].path, rules_root),
                                   std::move(items)});
    }
    std::sort(report.packages.begin(), report.packages.end(),
              [](auto const& a, auto const& b) { return a.package < b.package; });
    return report;
}

} // namespace billijk::golden
