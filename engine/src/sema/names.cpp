// "Did you mean" suggestions: the closest known name by edit distance.
#include "sema/checker.hpp"

#include <algorithm>

namespace billijk::sema {

namespace {
/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbouring characters ("mni" → "min") each cost 1.
std::size_t edit_distance(std::string const& a, std::string const& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j)
        d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}
} // namespace

std::optional<std::string> closest_name(std::string const& name,
                                        std::vector<std::string> const& candidates) {
    std::size_t limit = std::max<std::size_t>(1, std::min<std::size_t>(3, name.size() / 3));
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (auto const& candidate : candidates) {
        if (candidate == name)
            continue;
        std::size_t d = edit_distance(name, candidate);
        if (d < best_distance || (d == best_distance && best && candidate < *best)) {
            best_distance = d;
            best = candidate;
        }
    }
    if (best_distance > limit)
        return std::nullopt;
    return best;
}

void add_did_you_mean(Diagnostic& d, std::string const& name,
                      std::vector<std::string> const& candidates) {
    if (auto near = closest_name(name, candidates))
        d.notes.push_back({std::nullopt, "did you mean '" + *near + "'?"});
}

} // namespace billijk::sema
