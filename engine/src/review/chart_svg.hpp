// An inline SVG bar chart of the budgets in one group of equal cases, for the HTML report: one
// bar per decision (its decided budget) with a tick at the engine's budget. Geometry is computed
// with exact decimals and rounded to whole pixels, so the same group always gives the same bytes.
#pragma once

#include "billijk/case.hpp"

#include <optional>
#include <string>
#include <vector>

namespace billijk::review {

struct ChartBar {
    std::string label;               ///< the decision id
    std::optional<Quantity> decided; ///< drawn as a bar (none: no bar)
    std::optional<Quantity> engine;  ///< drawn as a tick
};

/// `<svg class="spread" ...>` with one `<rect class="bar">` per decided budget and one
/// `<line class="engine">` per engine budget. Text is escaped for HTML.
std::string budget_chart_svg(std::vector<ChartBar> const& bars);

/// The same chart with another accessible name (the impact report draws the draft's budgets as
/// bars and the base's as ticks, and its bucket counts as bars).
std::string budget_chart_svg(std::vector<ChartBar> const& bars, std::string_view aria_label);

/// Escapes & < > " ' for HTML text and attributes.
std::string html_escape(std::string_view text);

} // namespace billijk::review
