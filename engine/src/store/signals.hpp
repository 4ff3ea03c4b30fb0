// Signals for policy writers: which rules and articles the committee keeps overriding, and when
// (`billijk signals`, docs/store.md). Counted from the deviation register (decisions.hpp).
//
//   auto s = store::collect_signals(db);
//   std::cout << store::render_signals_text(s.value());   // or _json, _csv
#pragma once

#include "store/database.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace billijk::store {

struct RuleSignal {
    std::string package, rule, kind, cites;
    std::int64_t overrides = 0; ///< overridden fields whose derivation includes this rule
    std::int64_t direct = 0;    ///< of those, fields this rule computed itself
    std::map<std::string, std::int64_t> months; ///< "2017-06" → overrides
};

struct ArticleSignal {
    std::string article; ///< one citation of a rule's cites ("Jeugdwet art. 2.3 lid 1")
    std::int64_t overrides = 0;
};

struct MonthSignal {
    std::string month; ///< "2017-06", from the decision's date
    std::int64_t decisions = 0;
    std::int64_t overrides = 0;
};

struct Signals {
    std::int64_t decisions = 0;
    std::int64_t overrides = 0;
    std::vector<RuleSignal> rules;       ///< most overridden first, then package and rule
    std::vector<ArticleSignal> articles; ///< most overridden first, then article
    std::vector<MonthSignal> months;     ///< in date order
};

Result<Signals> collect_signals(Database& db);

std::string render_signals_text(Signals const& signals);
/// {"schema": "billijk.signals/1", ...}: sorted keys, two-space indent, final newline.
std::string render_signals_json(Signals const& signals);
/// One row per rule and month: month,package,rule,kind,cites,overrides (RFC 4180).
std::string render_signals_csv(Signals const& signals);

} // namespace billijk::store
