#include "golden/text_diff.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace billijk::golden {

namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> out;
    while (!text.empty()) {
        auto nl = text.find('\n');
        if (nl == std::string_view::npos) {
            out.push_back(text);
            break;
        }
        out.push_back(text.substr(0, nl));
        text.remove_prefix(nl + 1);
    }
    return out;
}

struct Edit {
    char op;          ///< ' ', '-', '+'
    std::size_t a, b; ///< line indices in expected / actual (of the line shown)
};

/// The edit script from the LCS table: keeps, deletions and insertions in order.
std::vector<Edit> edit_script(std::vector<std::string_view> const& a,
                              std::vector<std::string_view> const& b) {
    std::size_t const n = a.size(), m = b.size();
    std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            lcs[i][j] =
                a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::vector<Edit> out;
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            out.push_back({' ', i++, j++});
        } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            out.push_back({'-', i++, j}); // deletions before insertions, as diff -u shows them
        } else {
            out.push_back({'+', i, j++});
        }
    }
    return out;
}

} // namespace

std::string unified_diff(std::string_view expected, std::string_view actual,
                         std::string const& from, std::string const& to, std::size_t max_lines) {
    if (expected == actual)
        return {};
    auto a = lines_of(expected);
    auto b = lines_of(actual);
    std::string out = "--- " + from + "\n+++ " + to + "\n";
    if (a.size() > 4000 || b.size() > 4000)
        return out + "@@ the texts differ (too long to compare line by line) @@\n";
    auto const script = edit_script(a, b);
    std::size_t constexpr context = 1;
    std::size_t shown = 0, omitted = 0;
    std::size_t k = 0;
    while (k < script.size()) {
        if (script[k].op == ' ') {
            ++k;
            continue;
        }
        // A hunk: from `context` keeps before the change to `context` keeps after the last
        // change that is at most 2 * context keeps away.
        std::size_t begin = k >= context ? k - context : 0;
        while (begin < k && script[begin].op != ' ')
            ++begin;
        std::size_t end = k;
        std::size_t keeps = 0;
        while (end < script.size() && keeps <= 2 * context) {
            keeps = script[end].op == ' ' ? keeps + 1 : 0;
            ++end;
        }
        end -= keeps > context ? keeps - context : 0;
        std::size_t a_len = 0, b_len = 0;
        for (std::size_t x = begin; x < end; ++x) {
            a_len += script[x].op != '+';
            b_len += script[x].op != '-';
        }
        std::string hunk = "@@ -" + std::to_string(script[begin].a + 1) + "," +
                           std::to_string(a_len) + " +" + std::to_string(script[begin].b + 1) +
                           "," + std::to_string(b_len) + " @@\n";
        for (std::size_t x = begin; x < end; ++x) {
            auto const& line = script[x].op == '+' ? b[script[x].b] : a[script[x].a];
            hunk += std::string(1, script[x].op) + std::string(line) + "\n";
        }
        std::size_t const hunk_lines = end - begin + 1;
        if (shown + hunk_lines > max_lines && shown > 0) {
            omitted += hunk_lines;
        } else {
            out += hunk;
            shown += hunk_lines;
        }
        k = end;
    }
    if (omitted > 0)
        out += "@@ " + std::to_string(omitted) + " more diff lines not shown @@\n";
    return out;
}

} // namespace billijk::golden
