// Storing and reading back indications: content-addressed rule texts and plugin files, the
// pseudonym key check, nothing written on refusal.
#include "store/audit.hpp"
#include "store/records.hpp"
#include "store_test_support.hpp"

#include <SQLiteCpp/Database.h>

using namespace billijk;

namespace {

std::int64_t count(store::Database& db, std::string const& table) {
    return db.sql().execAndGet("SELECT COUNT(*) FROM " + table).getInt64();
}

} // namespace

TEST_CASE("an indication is stored and read back byte for byte", "[store][records]") {
    test::TempDatabase t;
    auto const record = test::sample_record();
    auto id = store::store_indication(t.db, record, test::test_key(), "2024-01-01T00:00:00Z");
    REQUIRE(id);
    auto back = store::load_indication(t.db, id.value());
    REQUIRE(back);
    auto const& b = back.value();
    CHECK(b.output == record.output);
    CHECK(b.fingerprint == record.fingerprint);
    CHECK(b.reference_date == "2017-06-01");
    CHECK_FALSE(b.date_option);
    CHECK(b.case_id == "BAR-2017-0001");
    CHECK(b.case_json.find("111222333") == std::string::npos);
    REQUIRE(b.rule_files.size() == 2);
    CHECK(b.rule_files[0].path == "barendrecht/jeugd.rules"); // sorted by path
    CHECK(b.rule_set == store::rule_set_hash(record.rule_files));
    REQUIRE(b.plugins.size() == 1);
    CHECK(b.plugins[0].bytes == record.plugins[0].bytes);
    CHECK(b.plugins[0].bound);
}

TEST_CASE("rule texts, rule sets and plugins are stored once however often they are used",
          "[store][records]") {
    test::TempDatabase t;
    auto const key = test::test_key();
    for (auto const& bsn : {"111222333", "123456782", "111222333"})
        REQUIRE(store::store_indication(t.db, test::sample_record(bsn), key, "t"));
    CHECK(count(t.db, "indications") == 3);
    CHECK(count(t.db, "rule_sets") == 1);
    CHECK(count(t.db, "rule_set_files") == 2);
    CHECK(count(t.db, "plugins") == 1);
    CHECK(count(t.db, "blobs") == 3);
    CHECK(count(t.db, "cases") == 2); // the same case twice is one row
    CHECK(count(t.db, "audit_log") == 3);
    // One plugin set for all three, no link rows per indication (schema 4).
    CHECK(count(t.db, "plugin_sets") == 1);
    CHECK(count(t.db, "plugin_set_members") == 1);
    CHECK(count(t.db, "indication_plugins") == 0);
}

TEST_CASE("indications with other plugins get another set, each reads back its own",
          "[store][records]") {
    test::TempDatabase t;
    auto const key = test::test_key();
    auto with_two = test::sample_record();
    auto other = with_two.plugins[0];
    other.file_name = "zandvoort.so";
    other.bytes = "not a library either";
    other.sha256 = io::sha256_hex(other.bytes);
    other.name = "Zandvoort";
    other.municipality = "GM0473";
    other.bound = false;
    with_two.plugins.push_back(other);
    REQUIRE(store::store_indication(t.db, test::sample_record(), key, "t"));
    REQUIRE(store::store_indication(t.db, with_two, key, "t"));
    REQUIRE(store::store_indication(t.db, with_two, key, "t"));
    CHECK(count(t.db, "plugin_sets") == 2);
    CHECK(count(t.db, "plugin_set_members") == 3);
    CHECK(store::plugin_set_hash(with_two.plugins) !=
          store::plugin_set_hash(test::sample_record().plugins));
    // The same library listed twice is one member: the hash the verifier recomputes from
    // plugin_set_members matches.
    auto twice = test::sample_record();
    twice.plugins.push_back(twice.plugins[0]);
    CHECK(store::plugin_set_hash(twice.plugins) ==
          store::plugin_set_hash(test::sample_record().plugins));
    REQUIRE(store::store_indication(t.db, twice, key, "t"));
    auto intact = store::verify_audit(t.db);
    REQUIRE(intact);
    CHECK_FALSE(intact.value().broken);

    auto first = store::load_indication(t.db, 1);
    REQUIRE(first);
    CHECK(first.value().plugins.size() == 1);
    auto third = store::load_indication(t.db, 3);
    REQUIRE(third);
    REQUIRE(third.value().plugins.size() == 2);
    // Ordered by municipality code (GM0473 before GM0489); only Barendrecht is bound.
    CHECK(third.value().plugins[0].name == "Zandvoort");
    CHECK_FALSE(third.value().plugins[0].bound);
    CHECK(third.value().plugins[0].bytes == other.bytes);
    CHECK(third.value().plugins[1].name == "Barendrecht");
    CHECK(third.value().plugins[1].bound);
}

TEST_CASE("an indication stored before plugin sets (schema 3) still reads back and verifies",
          "[store][records]") {
    test::TempDatabase t;
    auto const record = test::sample_record();
    REQUIRE(store::store_indication(t.db, record, test::test_key(), "t"));
    // Indication 2 as billijk wrote it before schema 4: no plugin set, one link row per plugin,
    // and an entry listing the plugins.
    auto& sql = t.db.sql();
    sql.exec("INSERT INTO indications(case_sha256, rule_set, date_option, reference_date, engine, "
             "fingerprint, output, output_sha256, output_encoding) SELECT case_sha256, rule_set, "
             "date_option, reference_date, engine, fingerprint, output, output_sha256, "
             "output_encoding FROM indications WHERE id = 1");
    sql.exec("INSERT INTO indication_plugins(indication, plugin, bound) VALUES (2, '" +
             record.plugins[0].sha256 + "', 1)");
    std::optional<nlohmann::json> content;
    {
        store::RecordReader reader(sql);
        content = store::indication_audit_content(reader, 2);
    }
    REQUIRE(content);
    CHECK_FALSE(content->contains("plugin_set"));
    REQUIRE(content->contains("plugins"));
    REQUIRE((*content)["plugins"].size() == 1);
    CHECK((*content)["plugins"][0]["sha256"] == record.plugins[0].sha256);
    CHECK((*content)["plugins"][0]["bound"] == true);
    CHECK((*content)["plugins"][0]["name"] == "Barendrecht");
    store::append_audit(sql, {"indication", "indication 2", "t", content->dump()});

    auto back = store::load_indication(t.db, 2);
    REQUIRE(back);
    REQUIRE(back.value().plugins.size() == 1);
    CHECK(back.value().plugins[0].bound);
    CHECK(back.value().plugins[0].bytes == record.plugins[0].bytes);
    auto intact = store::verify_audit(t.db);
    REQUIRE(intact);
    CHECK_FALSE(intact.value().broken);

    // Its link is still covered by its entry.
    sql.exec("UPDATE indication_plugins SET bound = 0 WHERE indication = 2");
    auto report = store::verify_audit(t.db);
    REQUIRE(report);
    REQUIRE(report.value().broken);
    CHECK(report.value().broken->subject == "indication 2");
    CHECK(report.value().broken->problem.find("plugins") != std::string::npos);
}

TEST_CASE("a second pseudonym key is refused and nothing is written", "[store][records]") {
    test::TempDatabase t;
    REQUIRE(store::store_indication(t.db, test::sample_record(),
                                    test::test_key("key-one-0123456789"), "t"));
    auto refused = store::store_indication(t.db, test::sample_record(),
                                           test::test_key("key-two-0123456789"), "t");
    REQUIRE_FALSE(refused);
    CHECK(refused.diagnostics().items().front().id == "S0105");
    CHECK(count(t.db, "indications") == 1);
    CHECK(count(t.db, "audit_log") == 1);
}

TEST_CASE("an output holding the BSN is refused and nothing is written", "[store][records]") {
    test::TempDatabase t;
    auto record = test::sample_record("123456782");
    record.output = "{\"note\": \"123456782\"}\n";
    auto refused = store::store_indication(t.db, record, test::test_key(), "t");
    REQUIRE_FALSE(refused);
    CHECK(refused.diagnostics().items().front().id == "S0106");
    CHECK(count(t.db, "indications") == 0);
    CHECK(count(t.db, "cases") == 0);
    CHECK(count(t.db, "blobs") == 0);
}

TEST_CASE("an indication that does not exist is S0107", "[store][records]") {
    test::TempDatabase t;
    auto missing = store::load_indication(t.db, 42);
    REQUIRE_FALSE(missing);
    CHECK(missing.diagnostics().items().front().id == "S0107");
}

TEST_CASE("replay material: rule files and plugins are written to a private directory",
          "[store][replay]") {
    test::TempDatabase t;
    auto id = store::store_indication(t.db, test::sample_record(), test::test_key(), "t");
    REQUIRE(id);
    auto stored = store::load_indication(t.db, id.value());
    REQUIRE(stored);
    std::filesystem::path where;
    {
        auto dir = store::materialise(stored.value());
        REQUIRE(dir);
        where = dir.value().path();
        CHECK(read_text_file(dir.value().rules() / "barendrecht" / "jeugd.rules") ==
              std::optional<std::string>("regulation barendrecht.jeugd ...\n"));
        CHECK(read_text_file(dir.value().plugins() / "barendrecht.so") ==
              std::optional<std::string>(test::sample_record().plugins[0].bytes));
        auto const perms = std::filesystem::status(where).permissions();
        CHECK((perms & std::filesystem::perms::group_all) == std::filesystem::perms::none);
        CHECK((perms & std::filesystem::perms::others_all) == std::filesystem::perms::none);
    }
    CHECK_FALSE(std::filesystem::exists(where));
}

TEST_CASE("an indication's audit content is nlohmann's compact form of its facts, keys sorted",
          "[store][records]") {
    // Entries written before were nlohmann dumps; the written form must stay that very text.
    store::IndicationAuditFacts facts;
    facts.id = 42;
    facts.reference_date = "2017-06-01";
    facts.engine = "billijk 0.1.0";
    facts.fingerprint = "sha256:f";
    facts.output = "sha256:o";
    facts.case_hash = "sha256:c";
    facts.case_id = "BAR \"1\"";
    facts.rule_set = "sha256:r";
    facts.plugin_set = "sha256:p";
    std::vector<std::pair<std::string, nlohmann::json>> const bound_lists{
        {"", nlohmann::json::array()}, {"aa", {"aa"}}, {"aa,bb,cc", {"aa", "bb", "cc"}}};
    for (auto const& [bound, listed] : bound_lists) {
        for (bool dated : {false, true}) {
            CAPTURE(bound, dated);
            facts.bound_plugins = bound;
            facts.date_option = dated ? std::optional<std::string>("2017-07-01") : std::nullopt;
            std::string const text = store::indication_audit_text(facts);
            nlohmann::json expected = {{"indication", facts.id},
                                       {"date_option", nullptr},
                                       {"reference_date", facts.reference_date},
                                       {"engine", facts.engine},
                                       {"fingerprint", facts.fingerprint},
                                       {"output", facts.output},
                                       {"case", facts.case_hash},
                                       {"case_id", facts.case_id},
                                       {"rule_set", facts.rule_set},
                                       {"plugin_set", facts.plugin_set},
                                       {"bound_plugins", listed}};
            if (dated)
                expected["date_option"] = "2017-07-01";
            CHECK(text == expected.dump());
            CHECK(store::indication_audit_json(facts) == expected);
        }
    }
}
