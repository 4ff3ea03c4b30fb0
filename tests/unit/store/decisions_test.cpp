// The deviation register: overrides are checked against the stored indication, carry the rules
// behind the field, and are counted per rule, article and month.
#include "store/audit.hpp"
#include "store/decisions.hpp"
#include "store/signals.hpp"
#include "store_test_support.hpp"

#include "billijk/source.hpp"

using namespace billijk;
using nlohmann::json;

namespace {

/// A real indication: Barendrecht golden case 01 (budget 6656.00 eur/year, rate 16.00 eur/hour).
std::string golden_output() {
    auto text =
        read_text_file(std::string(BILLIJK_SOURCE_DIR) +
                       "/tests/golden/barendrecht/01-informal-asks-16-cap-27/expected.json");
    REQUIRE(text);
    return *text;
}

std::int64_t store_golden(store::Database& db) {
    auto record = test::sample_record();
    record.output = golden_output();
    auto id = store::store_indication(db, record, test::test_key(), "t");
    REQUIRE(id);
    return id.value();
}

std::string message_of(Diagnostics const& d) {
    return d.items().front().message;
}

} // namespace

TEST_CASE("override syntax", "[store][decisions]") {
    auto plain = store::parse_override("budget=7000.00");
    REQUIRE(plain);
    CHECK(plain.value().provision.empty());
    CHECK(plain.value().field == "budget");
    CHECK(plain.value().value == "7000.00");
    auto named = store::parse_override("begeleiding_individueel.rate=18.00 eur/hour");
    REQUIRE(named);
    CHECK(named.value().provision == "begeleiding_individueel");
    CHECK(named.value().value == "18.00 eur/hour");
    CHECK_FALSE(store::parse_override("budget"));
    CHECK(store::parse_override("colour=red").diagnostics().items().front().id == "S0109");
}

TEST_CASE("an override is resolved against the engine's value and the rules behind it",
          "[store][decisions]") {
    json const indication = json::parse(golden_output());
    auto budget =
        store::resolve_override(indication, store::parse_override("budget=7000.00").value());
    REQUIRE(budget);
    CHECK(budget.value().engine_value == "6656.00 eur/year");
    CHECK(budget.value().decided == "7000.00 eur/year");
    REQUIRE_FALSE(budget.value().rules.empty());
    CHECK(budget.value().rules.front().rule == "budget_per_year");
    CHECK(budget.value().rules.front().direct);
    bool weeks = false;
    for (auto const& r : budget.value().rules)
        weeks = weeks || (r.rule == "weeks_per_year" && r.kind == "parameter" && !r.direct);
    CHECK(weeks);

    auto rate = store::resolve_override(indication, store::parse_override("rate=18.00").value());
    REQUIRE(rate);
    CHECK(rate.value().rules.front().rule == "hourly_rate");

    auto status =
        store::resolve_override(indication, store::parse_override("status=refused").value());
    REQUIRE(status);
    CHECK(status.value().rules.front().kind == "provision");
}

TEST_CASE("overrides that are not deviations or not of the field's kind are refused",
          "[store][decisions]") {
    json const indication = json::parse(golden_output());
    auto same =
        store::resolve_override(indication, store::parse_override("budget=6656.00").value());
    REQUIRE_FALSE(same);
    CHECK(message_of(same.diagnostics()).find("same budget") != std::string::npos);
    auto unit = store::resolve_override(indication,
                                        store::parse_override("budget=7000.00 eur/month").value());
    REQUIRE_FALSE(unit);
    CHECK(message_of(unit.diagnostics()).find("eur/year") != std::string::npos);
    CHECK_FALSE(store::resolve_override(indication, store::parse_override("budget=lots").value()));
    CHECK_FALSE(store::resolve_override(indication, store::parse_override("status=maybe").value()));
    CHECK_FALSE(
        store::resolve_override(indication, store::parse_override("3.budget=1.00").value()));
    CHECK_FALSE(
        store::resolve_override(indication, store::parse_override("vervoer.budget=1.00").value()));
}

TEST_CASE("a decision is recorded with its audit entry, signals count it", "[store][decisions]") {
    test::TempDatabase t;
    auto const id = store_golden(t.db);
    std::vector<store::OverrideSpec> overrides = {store::parse_override("budget=7000.00").value(),
                                                  store::parse_override("rate=18.00").value()};
    auto decision = store::record_decision(t.db, id, overrides, "informal carer has training",
                                           "2017-06-15", "t");
    REQUIRE(decision);
    REQUIRE(store::record_decision(t.db, id, {store::parse_override("budget=6000.00").value()},
                                   "second look", "2017-07-02", "t"));
    auto report = store::verify_audit(t.db);
    REQUIRE(report);
    CHECK_FALSE(report.value().broken);
    CHECK(report.value().entries == 3);

    auto signals = store::collect_signals(t.db);
    REQUIRE(signals);
    auto const& s = signals.value();
    CHECK(s.decisions == 2);
    CHECK(s.overrides == 3);
    REQUIRE(s.months.size() == 2);
    CHECK(s.months[0].month == "2017-06");
    CHECK(s.months[0].overrides == 2);
    CHECK(s.months[1].month == "2017-07");
    REQUIRE_FALSE(s.rules.empty());
    // budget_per_year decided both budget overrides itself.
    auto it = std::find_if(s.rules.begin(), s.rules.end(),
                           [](store::RuleSignal const& r) { return r.rule == "budget_per_year"; });
    REQUIRE(it != s.rules.end());
    CHECK(it->overrides == 2);
    CHECK(it->direct == 2);
    CHECK(it->months.at("2017-06") == 1);
    bool article = false;
    for (auto const& a : s.articles)
        article = article || a.article == "Beleidsregels Jeugdhulp Barendrecht 2015 §2.12";
    CHECK(article);

    auto const csv = store::render_signals_csv(s);
    CHECK(csv.rfind("month,package,rule,kind,cites,overrides\r\n", 0) == 0);
    auto const js = json::parse(store::render_signals_json(s));
    CHECK(js["schema"] == "billijk.signals/1");
    CHECK(js["overrides"] == 3);
    CHECK(store::render_signals_text(s).find("budget_per_year") != std::string::npos);
}

TEST_CASE("a decision's reason must be given and must not hold a BSN", "[store][decisions]") {
    test::TempDatabase t;
    auto const id = store_golden(t.db);
    auto const spec = store::parse_override("budget=7000.00").value();
    CHECK_FALSE(store::record_decision(t.db, id, {spec}, "  ", "2017-06-15", "t"));
    auto bsn = store::record_decision(t.db, id, {spec}, "see client 111222333", "2017-06-15", "t");
    REQUIRE_FALSE(bsn);
    CHECK(message_of(bsn.diagnostics()).find("111222333") == std::string::npos);
    auto missing = store::record_decision(t.db, id + 1, {spec}, "reason", "2017-06-15", "t");
    REQUIRE_FALSE(missing);
    CHECK(missing.diagnostics().items().front().id == "S0107");
    CHECK(t.db.sql().execAndGet("SELECT COUNT(*) FROM decisions").getInt() == 0);
}

TEST_CASE("an edited decision is found by audit verify", "[store][decisions]") {
    test::TempDatabase t;
    auto const id = store_golden(t.db);
    REQUIRE(store::record_decision(t.db, id, {store::parse_override("budget=7000.00").value()},
                                   "reason", "2017-06-15", "t"));
    t.db.sql().exec("UPDATE decision_overrides SET decided = '9000.00 eur/year'");
    auto report = store::verify_audit(t.db);
    REQUIRE(report);
    REQUIRE(report.value().broken);
    CHECK(report.value().broken->subject == "decision 1");
    CHECK(report.value().broken->problem.find("overrides") != std::string::npos);
}

TEST_CASE("an indication stored without explanations is decided on only when they recompute",
          "[store][decisions]") {
    // The golden output less its explanations, stored with made-up rule texts (sample_record)
    // that cannot give it back: the rules behind an override cannot be known, so no decision.
    json bare = json::parse(golden_output());
    for (auto& p : bare["provisions"])
        p.erase("explanation");
    test::TempDatabase t;
    auto record = test::sample_record();
    record.output = bare.dump(2) + "\n";
    auto id = store::store_indication(t.db, record, test::test_key(), "t");
    REQUIRE(id);

    // Resolving against the bare output itself finds the values, and no rules (nothing throws).
    auto resolved = store::resolve_override(bare, store::parse_override("budget=7000.00").value());
    REQUIRE(resolved);
    CHECK(resolved.value().engine_value == "6656.00 eur/year");
    CHECK(resolved.value().rules.empty());

    auto decided =
        store::record_decision(t.db, id.value(), {store::parse_override("budget=7000.00").value()},
                               "the committee's reason", "2017-06-15", "t");
    REQUIRE_FALSE(decided);
    CHECK(decided.diagnostics().items().front().id == "S0112");
    CHECK(message_of(decided.diagnostics()).find("without its explanations") != std::string::npos);
    CHECK(t.db.sql().execAndGet("SELECT count(*) FROM decisions").getInt() == 0);
    auto audit = store::verify_audit(t.db);
    REQUIRE(audit);
    CHECK(audit.value().entries == 1);
    CHECK_FALSE(audit.value().broken);
}
