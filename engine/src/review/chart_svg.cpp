#include "review/chart_svg.hpp"

#include "review/derivation.hpp"

#include <sstream>

namespace billijk::review {

namespace {

constexpr int label_width = 150;
constexpr int bar_area = 360;
constexpr int row_height = 26;
constexpr int value_width = 150;

/// amount / max × bar_area, rounded to a whole pixel; 0 when it cannot be computed.
std::string pixels(Decimal const& amount, Decimal const& max) {
    if (max.is_zero())
        return "0";
    auto scaled = mul(amount, Decimal::from_int(bar_area));
    if (!scaled.value)
        return "0";
    auto ratio = div(*scaled.value, max);
    if (!ratio.value)
        return "0";
    auto rounded = ratio.value->round(Decimal::from_int(1), Rounding::half_up);
    return rounded.value ? rounded.value->with_scale(0).to_string() : "0";
}

std::string add_label_offset(std::string const& px) {
    return std::to_string(label_width + std::stoi(px));
}

} // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string budget_chart_svg(std::vector<ChartBar> const& bars) {
    return budget_chart_svg(bars, "decided budgets in this group");
}

std::string budget_chart_svg(std::vector<ChartBar> const& bars, std::string_view aria_label) {
    Decimal max;
    for (auto const& b : bars) {
        if (b.decided && max < b.decided->amount)
            max = b.decided->amount;
        if (b.engine && max < b.engine->amount)
            max = b.engine->amount;
    }
    int const width = label_width + bar_area + value_width;
    int const height = row_height * static_cast<int>(bars.size()) + 8;
    std::ostringstream out;
    out << "<svg class=\"spread\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width
        << "\" height=\"" << height << "\" viewBox=\"0 0 " << width << " " << height
        << "\" role=\"img\" aria-label=\"" << html_escape(aria_label) << "\">\n";
    for (std::size_t i = 0; i < bars.size(); ++i) {
        auto const& b = bars[i];
        int const y = 4 + row_height * static_cast<int>(i);
        out << "  <text x=\"0\" y=\"" << y + 16 << "\">" << html_escape(b.label) << "</text>\n";
        if (b.decided) {
            std::string const w = pixels(b.decided->amount, max);
            out << "  <rect class=\"bar\" x=\"" << label_width << "\" y=\"" << y + 3
                << "\" width=\"" << w << "\" height=\"" << row_height - 8 << "\"/>\n";
            out << "  <text x=\"" << label_width + bar_area + 6 << "\" y=\"" << y + 16 << "\">"
                << html_escape(render(*b.decided)) << "</text>\n";
        }
        if (b.engine) {
            std::string const x = add_label_offset(pixels(b.engine->amount, max));
            out << "  <line class=\"engine\" x1=\"" << x << "\" x2=\"" << x << "\" y1=\"" << y
                << "\" y2=\"" << y + row_height - 2 << "\"/>\n";
        }
    }
    out << "</svg>\n";
    return out.str();
}

} // namespace billijk::review
