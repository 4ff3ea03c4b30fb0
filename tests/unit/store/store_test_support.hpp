// Shared helpers of the store tests: a database in a private temporary directory, a key, a
// small indication record whose bytes are all made up (no engine run needed).
#pragma once

#include "io/fingerprint.hpp"
#include "store/audit.hpp"
#include "store/database.hpp"
#include "store/pseudonym.hpp"
#include "store/records.hpp"
#include "store/replay.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace billijk::test {

/// A fresh database file in its own temporary directory (removed with the object).
struct TempDatabase {
    store::ScratchDir dir = store::ScratchDir::create().value();
    std::filesystem::path path = dir.path() / "billijk.db";
    store::Database db = store::Database::open(path).value();
};

inline store::PseudonymKey test_key(std::string bytes = "test-key-0123456789abcdef") {
    return store::make_pseudonym_key(std::move(bytes), "test").value();
}

/// The example case of docs/case-format.md with `bsn` (which must pass the elfproef).
inline std::string sample_case(std::string const& bsn = "111222333",
                               std::string const& case_id = "BAR-2017-0001") {
    return R"({"schema": "billijk.case/1", "case_id": ")" + case_id +
           R"(", "municipality": "GM0489", "law": "jeugdwet", "decision_date": "2017-06-01",
  "period": {"start": "2017-07-01", "end": "2018-06-30"},
  "client": {"bsn": ")" +
           bsn + R"(", "birth_date": "2010-03-14"},
  "requests": [{"provision": "begeleiding_individueel", "form": "pgb", "provider": "informal",
    "rate": "16.00", "need": {"amount": "10", "unit": "hours/week"}}],
  "extra": {"note": "rate 16.00 as asked", "bsn": "111222333"}})";
}

inline store::IndicationRecord sample_record(std::string const& bsn = "111222333") {
    store::IndicationRecord r;
    r.case_text = sample_case(bsn);
    r.rule_files = {{"national/jeugdwet.rules", "regulation national.jeugdwet ...\n"},
                    {"barendrecht/jeugd.rules", "regulation barendrecht.jeugd ...\n"}};
    store::PluginFile p;
    p.file_name = "barendrecht.so";
    p.bytes = std::string("\x7f"
                          "ELF not really a library",
                          25);
    p.sha256 = io::sha256_hex(p.bytes);
    p.name = "Barendrecht";
    p.municipality = "GM0489";
    p.version = "2015.1";
    p.abi = "1.0";
    p.bound = true;
    r.plugins = {p};
    r.reference_date = "2017-06-01";
    r.engine = "billijk 0.1.0";
    r.fingerprint = "sha256:feed";
    r.output = "{\n  \"case_id\": \"BAR-2017-0001\"\n}\n";
    return r;
}

/// Indication `id` loads with `output` as its JSON, and the audit log verifies.
inline void check_loads_and_verifies(store::Database& db, std::int64_t id,
                                     std::string const& output) {
    auto back = store::load_indication(db, id);
    REQUIRE(back);
    CHECK(back.value().output == output);
    auto report = store::verify_audit(db);
    REQUIRE(report);
    CHECK_FALSE(report.value().broken);
}

} // namespace billijk::test
