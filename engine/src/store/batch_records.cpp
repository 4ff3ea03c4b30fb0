#include "store/batch_records.hpp"
#include "store/output_codec.hpp"

#include "io/fingerprint.hpp"
#include "store/audit.hpp"
#include "store/output_dictionaries.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <cstdio>

namespace billijk::store {

namespace {

constexpr char const* run_key_prefix = "batch_run:";

std::string run_key(std::int64_t run) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%s%06lld", run_key_prefix, static_cast<long long>(run));
    return buffer;
}

nlohmann::json record_json(BatchRunRecord const& r) {
    nlohmann::json out;
    out["run"] = r.run;
    out["input"] = r.input;
    out["started_at"] = r.started_at;
    out["updated_at"] = r.updated_at;
    out["last_line"] = r.last_line;
    out["stored"] = r.stored;
    out["first_indication"] =
        r.first_indication ? nlohmann::json(*r.first_indication) : nlohmann::json(nullptr);
    out["last_indication"] =
        r.last_indication ? nlohmann::json(*r.last_indication) : nlohmann::json(nullptr);
    out["finished"] = r.finished;
    return out;
}

std::optional<BatchRunRecord> record_from_json(std::string const& text) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return std::nullopt;
    BatchRunRecord r;
    r.run = j.value("run", std::int64_t{0});
    r.input = j.value("input", std::string());
    r.started_at = j.value("started_at", std::string());
    r.updated_at = j.value("updated_at", std::string());
    r.last_line = j.value("last_line", std::size_t{0});
    r.stored = j.value("stored", std::int64_t{0});
    if (j.contains("first_indication") && j["first_indication"].is_number_integer())
        r.first_indication = j["first_indication"].get<std::int64_t>();
    if (j.contains("last_indication") && j["last_indication"].is_number_integer())
        r.last_indication = j["last_indication"].get<std::int64_t>();
    r.finished = j.value("finished", false);
    return r;
}

} // namespace

Result<PreparedIndication> prepare_indication(io::JsonNode case_tree, Indication const& indication,
                                              std::string_view output, PseudonymKey const& key,
                                              std::set<std::string> const& known_packages,
                                              OutputDictionary const* dictionary) {
    for (auto const& package : indication.rules)
        if (known_packages.count(package.hash) == 0)
            return fail("S0108", std::nullopt,
                        "rule package '" + package.package +
                            "' is not one of the rule texts captured for this run");
    BILLIJK_TRY(stored_case, pseudonymise_case(std::move(case_tree), key));
    for (auto const& value : stored_case.clear)
        if (value.size() >= 8 && output.find(value) != std::string_view::npos)
            return fail("S0106", std::nullopt,
                        "the indication output contains the BSN in clear (not stored)");
    PreparedIndication out;
    out.case_sha256 = io::sha256_hex(stored_case.json);
    out.stored_case = std::move(stored_case);
    out.reference_date = indication.reference_date.to_string();
    out.engine = indication.engine;
    out.fingerprint = indication.fingerprint;
    out.output_sha256 = io::sha256_hex(output);
    // Compressed here, on the worker threads, not in the single writer.
    auto encoded = encode_output(output, dictionary);
    out.output = std::move(encoded.bytes);
    out.output_encoding = std::move(encoded.encoding);
    std::set<std::string> bound;
    for (auto const& p : indication.plugins)
        bound.insert(p.sha256);
    out.bound_plugins = bound_plugins_text(bound);
    return out;
}

Result<std::vector<BatchRunRecord>> batch_runs(Database& db) {
    try {
        std::vector<BatchRunRecord> out;
        SQLite::Statement query(db.sql(),
                                "SELECT value FROM meta WHERE key LIKE 'batch_run:%' ORDER BY key");
        while (query.executeStep())
            if (auto r = record_from_json(query.getColumn(0).getString()))
                out.push_back(std::move(*r));
        return out;
    } catch (std::exception const& e) {
        return store_failure(db.path(), "reading the batch runs", e.what());
    }
}

void BatchRun::write_record(SQLite::Database& sql) {
    SQLite::Statement put(sql, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
    put.bind(1, run_key(record_.run));
    put.bind(2, record_json(record_).dump());
    put.exec();
}

Result<BatchRun> BatchRun::begin(Database& db, BatchRunSetup const& setup, PseudonymKey const& key,
                                 std::string const& now) {
    auto& sql = db.sql();
    try {
        // A batch run's connection caches up to 256 MiB of pages, not the 64 MiB of every other
        // (store/database.cpp): the cases' two hash-keyed indexes take some 160 bytes a case,
        // so they outgrow 64 MiB at about 400,000 stored cases, and inserts at random places in
        // them then read and write pages through the kernel. A million cases stored in 64-66 s
        // instead of 74 (docs/performance.md, session 10). The cache is filled only as the
        // indexes grow, never beyond 256 MiB.
        sql.exec("PRAGMA cache_size=-262144");
        // IMMEDIATE: take the write lock before reading anything that the writes depend on (the
        // key check, the last run number), so that concurrent writers queue on the busy timeout
        // instead of failing on a stale snapshot.
        SQLite::Transaction tx(sql, SQLite::TransactionBehavior::IMMEDIATE);
        if (auto refused = check_key(sql, key, db.path()))
            return *refused;
        std::string const rule_set = rule_set_hash(setup.rule_files);
        put_rule_set(sql, setup.rule_files);
        put_plugins(sql, setup.plugins);
        std::string const plugin_set = put_plugin_set(sql, setup.plugins);
        BatchRunRecord record;
        record.run = 1;
        SQLite::Statement last(
            sql, "SELECT value FROM meta WHERE key LIKE 'batch_run:%' ORDER BY key DESC LIMIT 1");
        if (last.executeStep())
            if (auto previous = record_from_json(last.getColumn(0).getString()))
                record.run = previous->run + 1;
        record.input = setup.input_name;
        record.started_at = record.updated_at = now;
        BatchRun run(db, setup, std::move(record));
        run.rule_set_ = rule_set;
        run.plugin_set_ = plugin_set;
        if (setup.dictionary && put_output_dictionary(sql, *setup.dictionary))
            run.dictionary_ = &*setup.dictionary;
        run.write_record(sql);
        tx.commit();
        return run;
    } catch (std::exception const& e) {
        return store_failure(db.path(), "starting the batch run", e.what());
    }
}

std::optional<Diagnostics> BatchRun::commit(std::vector<PreparedIndication> const& group,
                                            std::size_t last_line, std::string const& now) {
    auto& sql = db_->sql();
    BatchRunRecord const before = record_;
    try {
        SQLite::Transaction tx(sql, SQLite::TransactionBehavior::IMMEDIATE);
        AuditAppender audit(sql);
        SQLite::Statement add_case(sql, "INSERT OR IGNORE INTO cases(sha256, case_id, "
                                        "bsn_pseudonym, json) VALUES (?,?,?,?)");
        SQLite::Statement add(sql, "INSERT INTO indications(case_sha256, rule_set, date_option, "
                                   "reference_date, engine, fingerprint, output, output_sha256, "
                                   "output_encoding, plugin_set, bound_plugins) VALUES "
                                   "(?,?,?,?,?,?,?,?,?,?,?)");
        for (auto const& item : group) {
            add_case.bind(1, item.case_sha256);
            add_case.bind(2, item.stored_case.case_id);
            add_case.bind(3, item.stored_case.bsn_pseudonym);
            // The group outlives each statement's step: the larger values are not copied.
            add_case.bindNoCopy(4, item.stored_case.json);
            add_case.exec();
            add_case.reset();

            add.bind(1, item.case_sha256);
            add.bind(2, rule_set_);
            if (setup_->date_option)
                add.bind(3, *setup_->date_option);
            else
                add.bind(3);
            add.bind(4, item.reference_date);
            add.bind(5, item.engine);
            add.bind(6, item.fingerprint);
            add.bindNoCopy(7, item.output.data(), static_cast<int>(item.output.size()));
            add.bind(8, item.output_sha256);
            add.bind(9, item.output_encoding);
            add.bind(10, plugin_set_);
            add.bind(11, item.bound_plugins);
            add.exec();
            add.reset();
            std::int64_t const id = sql.getLastInsertRowid();

            // The audit content, built from what is being written by the builder audit verify
            // uses on the rows (which checks that they still give it).
            IndicationAuditFacts facts;
            facts.id = id;
            facts.date_option = setup_->date_option;
            facts.reference_date = item.reference_date;
            facts.engine = item.engine;
            facts.fingerprint = item.fingerprint;
            facts.output = "sha256:" + item.output_sha256;
            facts.case_hash = "sha256:" + item.case_sha256;
            facts.case_id = item.stored_case.case_id;
            facts.rule_set = rule_set_;
            facts.plugin_set = plugin_set_;
            facts.bound_plugins = item.bound_plugins;
            audit.append({"indication", "indication " + std::to_string(id), now,
                          indication_audit_text(facts)});
            if (!record_.first_indication)
                record_.first_indication = id;
            record_.last_indication = id;
            ++record_.stored;
        }
        record_.last_line = std::max(record_.last_line, last_line);
        record_.updated_at = now;
        write_record(sql);
        tx.commit();
        return std::nullopt;
    } catch (std::exception const& e) {
        record_ = before;
        return store_failure(db_->path(),
                             "storing the indications through input line " +
                                 std::to_string(last_line) + " (none of this group was stored)",
                             e.what());
    }
}

std::optional<Diagnostics> BatchRun::finish(std::size_t last_line, std::string const& now) {
    BatchRunRecord const before = record_;
    try {
        SQLite::Transaction tx(db_->sql(), SQLite::TransactionBehavior::IMMEDIATE);
        record_.last_line = std::max(record_.last_line, last_line);
        record_.updated_at = now;
        record_.finished = true;
        write_record(db_->sql());
        tx.commit();
        return std::nullopt;
    } catch (std::exception const& e) {
        record_ = before;
        return store_failure(db_->path(), "finishing the batch run", e.what());
    }
}

} // namespace billijk::store
