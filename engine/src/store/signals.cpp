#include "store/signals.hpp"

#include "io/csv_dialect.hpp"
#include "io/report_json.hpp"

#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iomanip>
#include <set>
#include <sstream>

namespace billijk::store {

namespace {

/// "a; b;c" → {"a", "b", "c"}: a rule may cite several articles.
std::vector<std::string> split_cites(std::string const& cites) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= cites.size()) {
        auto end = cites.find(';', start);
        if (end == std::string::npos)
            end = cites.size();
        auto piece = cites.substr(start, end - start);
        auto const first = piece.find_first_not_of(" \t");
        auto const last = piece.find_last_not_of(" \t");
        if (first != std::string::npos)
            out.push_back(piece.substr(first, last - first + 1));
        start = end + 1;
    }
    return out;
}

} // namespace

Result<Signals> collect_signals(Database& db) {
    auto& sql = db.sql();
    Signals out;
    try {
        std::map<std::string, MonthSignal> months;
        SQLite::Statement per_month(
            sql, "SELECT substr(d.decided_on, 1, 7), COUNT(DISTINCT d.id), COUNT(o.id) FROM "
                 "decisions d LEFT JOIN decision_overrides o ON o.decision = d.id GROUP BY 1 "
                 "ORDER BY 1");
        while (per_month.executeStep()) {
            MonthSignal m{per_month.getColumn(0).getString(), per_month.getColumn(1).getInt64(),
                          per_month.getColumn(2).getInt64()};
            out.decisions += m.decisions;
            out.overrides += m.overrides;
            out.months.push_back(std::move(m));
        }

        std::map<std::pair<std::string, std::string>, RuleSignal> rules;
        std::map<std::string, std::set<std::int64_t>> articles;
        SQLite::Statement behind(
            sql, "SELECT r.package, r.rule, r.kind, r.cites, r.direct, o.id, "
                 "substr(d.decided_on, 1, 7) FROM override_rules r JOIN decision_overrides o ON "
                 "o.id = r.override JOIN decisions d ON d.id = o.decision ORDER BY o.id");
        while (behind.executeStep()) {
            std::string const package = behind.getColumn(0).getString();
            std::string const rule = behind.getColumn(1).getString();
            auto& signal = rules[{package, rule}];
            signal.package = package;
            signal.rule = rule;
            signal.kind = behind.getColumn(2).getString();
            signal.cites = behind.getColumn(3).getString();
            signal.overrides += 1;
            signal.direct += behind.getColumn(4).getInt() != 0 ? 1 : 0;
            signal.months[behind.getColumn(6).getString()] += 1;
            for (auto const& article : split_cites(signal.cites))
                articles[article].insert(behind.getColumn(5).getInt64());
        }
        for (auto& [key, signal] : rules)
            out.rules.push_back(std::move(signal));
        std::stable_sort(out.rules.begin(), out.rules.end(),
                         [](RuleSignal const& a, RuleSignal const& b) {
                             if (a.overrides != b.overrides)
                                 return a.overrides > b.overrides;
                             return a.direct > b.direct;
                         });
        for (auto const& [article, ids] : articles)
            out.articles.push_back({article, static_cast<std::int64_t>(ids.size())});
        std::stable_sort(out.articles.begin(), out.articles.end(),
                         [](ArticleSignal const& a, ArticleSignal const& b) {
                             return a.overrides > b.overrides;
                         });
        return out;
    } catch (std::exception const& e) {
        return store_failure(db.path(), "collecting the signals", e.what());
    }
}

std::string render_signals_text(Signals const& s) {
    std::ostringstream out;
    out << "Overrides by the committee: " << s.decisions << " decision"
        << (s.decisions == 1 ? "" : "s") << ", " << s.overrides << " overridden field"
        << (s.overrides == 1 ? "" : "s") << "\n";
    if (s.decisions == 0)
        return out.str();
    out << "\nPer rule (rules behind an overridden field; direct: the rule computed the field)\n";
    out << "  overrides  direct  rule\n";
    for (auto const& r : s.rules) {
        out << "  " << std::setw(9) << r.overrides << "  " << std::setw(6) << r.direct << "  "
            << r.package << "." << r.rule << " (" << r.kind << ")";
        if (!r.cites.empty())
            out << " [" << r.cites << "]";
        out << "\n";
        std::string months;
        for (auto const& [month, n] : r.months)
            months += (months.empty() ? "" : ", ") + month + ": " + std::to_string(n);
        out << "                     " << months << "\n";
    }
    out << "\nPer article\n  overrides  article\n";
    for (auto const& a : s.articles)
        out << "  " << std::setw(9) << a.overrides << "  " << a.article << "\n";
    out << "\nPer month\n  month    decisions  overrides\n";
    for (auto const& m : s.months)
        out << "  " << m.month << "  " << std::setw(9) << m.decisions << "  " << std::setw(9)
            << m.overrides << "\n";
    return out.str();
}

std::string render_signals_json(Signals const& s) {
    nlohmann::json out;
    out["schema"] = "billijk.signals/1";
    out["decisions"] = s.decisions;
    out["overrides"] = s.overrides;
    out["rules"] = nlohmann::json::array();
    for (auto const& r : s.rules)
        out["rules"].push_back({{"package", r.package},
                                {"rule", r.rule},
                                {"kind", r.kind},
                                {"cites", r.cites},
                                {"overrides", r.overrides},
                                {"direct", r.direct},
                                {"months", r.months}});
    out["articles"] = nlohmann::json::array();
    for (auto const& a : s.articles)
        out["articles"].push_back({{"article", a.article}, {"overrides", a.overrides}});
    out["months"] = nlohmann::json::array();
    for (auto const& m : s.months)
        out["months"].push_back(
            {{"month", m.month}, {"decisions", m.decisions}, {"overrides", m.overrides}});
    return io::report_json_text(out);
}

std::string render_signals_csv(Signals const& s) {
    std::string out = "month,package,rule,kind,cites,overrides\r\n";
    struct Row {
        std::string month;
        RuleSignal const* rule;
        std::int64_t overrides;
    };
    std::vector<Row> rows;
    for (auto const& r : s.rules)
        for (auto const& [month, n] : r.months)
            rows.push_back({month, &r, n});
    std::stable_sort(rows.begin(), rows.end(),
                     [](Row const& a, Row const& b) { return a.month < b.month; });
    for (auto const& row : rows)
        out += io::csv_field(row.month) + "," + io::csv_field(row.rule->package) + "," +
               io::csv_field(row.rule->rule) + "," + io::csv_field(row.rule->kind) + "," +
               io::csv_field(row.rule->cites) + "," + std::to_string(row.overrides) + "\r\n";
    return out;
}

} // namespace billijk::store
