#include "store/compare.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

namespace billijk::store {

namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

enum class Op : char { same = ' ', del = '-', add = '+' };
struct Edit {
    Op op;
    std::string_view line;
};

/// Longest-common-subsequence edit script on the middle part (common prefix and suffix are
/// stripped first); when that part is too large for the table, it is shown as replaced.
std::vector<Edit> edit_script(std::vector<std::string_view> const& a,
                              std::vector<std::string_view> const& b) {
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    std::vector<Edit> out;
    for (std::size_t i = 0; i < prefix; ++i)
        out.push_back({Op::same, a[i]});
    std::size_t const n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;
    constexpr std::size_t max_cells = 4'000'000;
    if (n * m > max_cells) {
        for (std::size_t i = 0; i < n; ++i)
            out.push_back({Op::del, a[prefix + i]});
        for (std::size_t j = 0; j < m; ++j)
            out.push_back({Op::add, b[prefix + j]});
    } else {
        std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
        auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& {
            return lcs[i * (m + 1) + j];
        };
        for (std::size_t i = n; i-- > 0;)
            for (std::size_t j = m; j-- > 0;)
                at(i, j) = a[prefix + i] == b[prefix + j] ? at(i + 1, j + 1) + 1
                                                          : std::max(at(i + 1, j), at(i, j + 1));
        std::size_t i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
                out.push_back({Op::same, a[prefix + i]});
                ++i, ++j;
            } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
                out.push_back({Op::del, a[prefix + i]}); // deletions first, as diff -u does
                ++i;
            } else {
                out.push_back({Op::add, b[prefix + j]});
                ++j;
            }
        }
    }
    for (std::size_t k = 0; k < suffix; ++k)
        out.push_back({Op::same, a[a.size() - suffix + k]});
    return out;
}

} // namespace

std::string unified_diff(std::string_view a, std::string_view b, std::string_view label_a,
                         std::string_view label_b, std::size_t context) {
    if (a == b)
        return {};
    auto const edits = edit_script(lines_of(a), lines_of(b));
    std::string out = "--- " + std::string(label_a) + "\n+++ " + std::string(label_b) + "\n";
    std::size_t k = 0;
    while (k < edits.size()) {
        // Find the next change, then extend the hunk while changes are within 2*context lines.
        while (k < edits.size() && edits[k].op == Op::same)
            ++k;
        if (k == edits.size())
            break;
        std::size_t start = k >= context ? k - context : 0;
        std::size_t end = k;
        std::size_t same_run = 0;
        for (std::size_t e = k; e < edits.size(); ++e) {
            if (edits[e].op == Op::same) {
                if (++same_run > 2 * context)
                    break;
            } else {
                same_run = 0;
                end = e + 1;
            }
        }
        std::size_t const stop = std::min(edits.size(), end + context);
        // Line numbers of the hunk's first line in a and b.
        std::size_t line_a = 1, line_b = 1;
        for (std::size_t e = 0; e < start; ++e) {
            line_a += edits[e].op != Op::add ? 1 : 0;
            line_b += edits[e].op != Op::del ? 1 : 0;
        }
        std::size_t count_a = 0, count_b = 0;
        std::string body;
        for (std::size_t e = start; e < stop; ++e) {
            count_a += edits[e].op != Op::add ? 1 : 0;
            count_b += edits[e].op != Op::del ? 1 : 0;
            body += static_cast<char>(edits[e].op);
            body += edits[e].line;
            body += '\n';
        }
        out += "@@ -" + std::to_string(count_a ? line_a : line_a - 1) + "," +
               std::to_string(count_a) + " +" + std::to_string(count_b ? line_b : line_b - 1) +
               "," + std::to_string(count_b) + " @@\n" + body;
        k = stop;
    }
    return out;
}

namespace {

using nlohmann::json;

/// (package.name) → values of the parameter and table nodes of every explanation.
void collect_values(json const& node, std::map<std::string, std::set<std::string>>& out) {
    if (!node.is_object())
        return;
    std::string const kind = node.value("kind", "");
    if (kind == "parameter" || kind == "table") {
        std::string const key =
            kind + " " + node.value("package", "") + "." + node.value("name", "");
        out[key].insert(node.value("value", ""));
    }
    if (node.contains("inputs"))
        for (auto const& input : node["inputs"])
            collect_values(input, out);
}

std::map<std::string, std::set<std::string>> values_of(json const& indication) {
    std::map<std::string, std::set<std::string>> out;
    if (indication.contains("provisions"))
        for (auto const& p : indication["provisions"])
            if (p.contains("explanation"))
                collect_values(p["explanation"], out);
    return out;
}

std::string joined(std::set<std::string> const& values) {
    std::string out;
    for (auto const& v : values)
        out += (out.empty() ? "" : ", ") + v;
    return out.empty() ? "(not used)" : out;
}

/// key → object, for the "rules" (by package) and "plugins" (by municipality) lists.
std::map<std::string, json> by(json const& list, char const* key) {
    std::map<std::string, json> out;
    if (list.is_array())
        for (auto const& item : list)
            out[item.value(key, "")] = item;
    return out;
}

} // namespace

std::vector<std::string> describe_changes(std::string_view stored_json, std::string_view new_json) {
    std::vector<std::string> out;
    json const a = json::parse(stored_json, nullptr, false);
    json const b = json::parse(new_json, nullptr, false);
    if (a.is_discarded() || b.is_discarded()) {
        out.push_back("one of the outputs is not JSON");
        return out;
    }
    if (a.value("engine", "") != b.value("engine", ""))
        out.push_back("engine: " + a.value("engine", "") + " -> " + b.value("engine", ""));
    if (a.value("reference_date", "") != b.value("reference_date", ""))
        out.push_back("reference date: " + a.value("reference_date", "") + " -> " +
                      b.value("reference_date", ""));

    auto const rules_a = by(a.value("rules", json::array()), "package");
    auto const rules_b = by(b.value("rules", json::array()), "package");
    for (auto const& [name, r] : rules_a) {
        auto it = rules_b.find(name);
        if (it == rules_b.end()) {
            out.push_back("rule package " + name + ": no longer used");
            continue;
        }
        if (r.value("version", "") != it->second.value("version", ""))
            out.push_back("rule package " + name + ": version " + r.value("version", "") + " -> " +
                          it->second.value("version", ""));
        if (r.value("hash", "") != it->second.value("hash", ""))
            out.push_back("rule package " + name + ": hash " + r.value("hash", "") + " -> " +
                          it->second.value("hash", ""));
    }
    for (auto const& [name, r] : rules_b)
        if (!rules_a.count(name))
            out.push_back("rule package " + name + ": newly used (" + r.value("hash", "") + ")");

    auto const plugins_a = by(a.value("plugins", json::array()), "municipality");
    auto const plugins_b = by(b.value("plugins", json::array()), "municipality");
    for (auto const& [code, p] : plugins_a) {
        std::string const label = "plugin " + code + " (" + p.value("name", "") + ")";
        auto it = plugins_b.find(code);
        if (it == plugins_b.end()) {
            out.push_back(label + ": no longer loaded");
            continue;
        }
        for (char const* f : {"version", "abi", "sha256"})
            if (p.value(f, "") != it->second.value(f, ""))
                out.push_back(label + ": " + f + " " + p.value(f, "") + " -> " +
                              it->second.value(f, ""));
    }
    for (auto const& [code, p] : plugins_b)
        if (!plugins_a.count(code))
            out.push_back("plugin " + code + " (" + p.value("name", "") + "): newly bound");

    auto const values_a = values_of(a);
    auto const values_b = values_of(b);
    std::set<std::string> keys;
    for (auto const& [k, v] : values_a)
        keys.insert(k);
    for (auto const& [k, v] : values_b)
        keys.insert(k);
    for (auto const& k : keys) {
        auto ia = values_a.find(k);
        auto ib = values_b.find(k);
        std::set<std::string> const empty;
        auto const& va = ia == values_a.end() ? empty : ia->second;
        auto const& vb = ib == values_b.end() ? empty : ib->second;
        if (va != vb)
            out.push_back(k + ": " + joined(va) + " -> " + joined(vb));
    }
    return out;
}

} // namespace billijk::store
