#include "store/records.hpp"
#include "store/output_codec.hpp"

#include "io/fingerprint.hpp"
#include "store/audit.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <map>

namespace billijk::store {

namespace {

std::string rule_set_hash_of(std::vector<std::pair<std::string, std::string>> path_hashes) {
    std::sort(path_hashes.begin(), path_hashes.end());
    std::string text;
    io::append_field(text, "rule_set", "billijk.rule_set/1");
    for (auto const& [path, hash] : path_hashes) {
        io::append_field(text, "path", path);
        io::append_field(text, "sha256", hash);
    }
    return "sha256:" + io::sha256_hex(text);
}

void put_blob(SQLite::Database& db, std::string const& sha256, std::string const& bytes) {
    SQLite::Statement insert(db, "INSERT OR IGNORE INTO blobs(sha256, size, data) VALUES (?,?,?)");
    insert.bind(1, sha256);
    insert.bind(2, static_cast<std::int64_t>(bytes.size()));
    insert.bind(3, bytes.data(), static_cast<int>(bytes.size()));
    insert.exec();
}

/// The column's bytes, valid until the statement steps on.
std::string_view blob_view(SQLite::Column const& column) {
    return {static_cast<char const*>(column.getBlob()),
            static_cast<std::size_t>(column.getBytes())};
}

std::string blob_bytes(SQLite::Column const& column) {
    return std::string(blob_view(column));
}

} // namespace

std::optional<Diagnostics> check_key(SQLite::Database& db, PseudonymKey const& key,
                                     std::filesystem::path const& path) {
    std::string const check = key_check(key);
    SQLite::Statement query(db, "SELECT value FROM meta WHERE key = 'pseudonym_key_check'");
    if (query.executeStep()) {
        if (query.getColumn(0).getString() != check)
            return fail("S0105", std::nullopt,
                        path.string() + ": the pseudonym key from " + key.origin +
                            " is not the key this database was started with; its pseudonyms "
                            "would not match the stored ones (nothing was stored)");
        return std::nullopt;
    }
    SQLite::Statement insert(db, "INSERT INTO meta(key, value) VALUES ('pseudonym_key_check', ?)");
    insert.bind(1, check);
    insert.exec();
    return std::nullopt;
}

std::string rule_set_hash(std::vector<RuleFile> const& files) {
    std::vector<std::pair<std::string, std::string>> path_hashes;
    for (auto const& f : files)
        path_hashes.emplace_back(f.path, io::sha256_hex(f.text));
    return rule_set_hash_of(std::move(path_hashes));
}

void put_rule_set(SQLite::Database& sql, std::vector<RuleFile> const& files) {
    std::string const rule_set = rule_set_hash(files);
    SQLite::Statement add_set(sql, "INSERT OR IGNORE INTO rule_sets(hash) VALUES (?)");
    add_set.bind(1, rule_set);
    if (add_set.exec() == 0)
        return; // stored before, with its files
    for (auto const& f : files) {
        std::string const sha = io::sha256_hex(f.text);
        put_blob(sql, sha, f.text);
        SQLite::Statement add_file(
            sql, "INSERT INTO rule_set_files(rule_set, path, sha256) VALUES (?,?,?)");
        add_file.bind(1, rule_set);
        add_file.bind(2, f.path);
        add_file.bind(3, sha);
        add_file.exec();
    }
}

void put_plugins(SQLite::Database& sql, std::vector<PluginFile> const& plugins) {
    for (auto const& p : plugins) {
        put_blob(sql, p.sha256, p.bytes);
        SQLite::Statement add_plugin(
            sql, "INSERT OR IGNORE INTO plugins(sha256, name, municipality, version, abi, "
                 "file_name) VALUES (?,?,?,?,?,?)");
        add_plugin.bind(1, p.sha256);
        add_plugin.bind(2, p.name);
        add_plugin.bind(3, p.municipality);
        add_plugin.bind(4, p.version);
        add_plugin.bind(5, p.abi);
        add_plugin.bind(6, p.file_name);
        add_plugin.exec();
    }
}

Result<std::int64_t> store_indication(Database& db, IndicationRecord const& record,
                                      PseudonymKey const& key, std::string const& recorded_at) {
    BILLIJK_TRY(stored_case, pseudonymise_case(record.case_text, key));
    // The output never holds the BSN (it is left out by the engine); check, never assume.
    for (auto const& value : stored_case.clear)
        if (value.size() >= 8 && record.output.find(value) != std::string::npos)
            return fail("S0106", std::nullopt,
                        "the indication output contains the BSN in clear (nothing was stored)");
    std::string const case_sha = io::sha256_hex(stored_case.json);
    std::string const rule_set = rule_set_hash(record.rule_files);
    auto& sql = db.sql();
    try {
        // IMMEDIATE: take the write lock before reading what the writes depend on (the key check,
        // the audit chain's last entry); a deferred transaction would fail with SQLITE_BUSY when
        // another process wrote in between, instead of waiting on the busy timeout.
        SQLite::Transaction tx(sql, SQLite::TransactionBehavior::IMMEDIATE);
        if (auto refused = check_key(sql, key, db.path()))
            return *refused;

        put_rule_set(sql, record.rule_files);
        put_plugins(sql, record.plugins);
        SQLite::Statement add_case(sql, "INSERT OR IGNORE INTO cases(sha256, case_id, "
                                        "bsn_pseudonym, json) VALUES (?,?,?,?)");
        add_case.bind(1, case_sha);
        add_case.bind(2, stored_case.case_id);
        add_case.bind(3, stored_case.bsn_pseudonym);
        add_case.bind(4, stored_case.json);
        add_case.exec();

        SQLite::Statement add(sql, "INSERT INTO indications(case_sha256, rule_set, date_option, "
                                   "reference_date, engine, fingerprint, output, output_sha256, "
                                   "output_encoding) VALUES (?,?,?,?,?,?,?,?,?)");
        add.bind(1, case_sha);
        add.bind(2, rule_set);
        if (record.date_option)
            add.bind(3, *record.date_option);
        else
            add.bind(3);
        add.bind(4, record.reference_date);
        add.bind(5, record.engine);
        add.bind(6, record.fingerprint);
        auto const encoded = encode_output(record.output);
        add.bind(7, encoded.bytes.data(), static_cast<int>(encoded.bytes.size()));
        add.bind(8, io::sha256_hex(record.output));
        add.bind(9, encoded.encoding);
        add.exec();
        std::int64_t const id = sql.getLastInsertRowid();
        for (auto const& p : record.plugins) {
            SQLite::Statement link(
                sql, "INSERT OR IGNORE INTO indication_plugins(indication, plugin, bound) "
                     "VALUES (?,?,?)");
            link.bind(1, id);
            link.bind(2, p.sha256);
            link.bind(3, p.bound ? 1 : 0);
            link.exec();
        }
        std::optional<nlohmann::json> content;
        {
            RecordReader reader(sql); // finalised here, before the commit
            content = indication_audit_content(reader, id);
        }
        append_audit(sql, {"indication", "indication " + std::to_string(id), recorded_at,
                           content ? content->dump() : std::string("{}")});
        tx.commit();
        return id;
    } catch (std::exception const& e) {
        return store_failure(db.path(), "storing the indication", e.what());
    }
}

Result<StoredIndication> load_indication(Database& db, std::int64_t id) {
    auto& sql = db.sql();
    try {
        SQLite::Statement query(
            sql, "SELECT i.rule_set, i.date_option, i.reference_date, i.engine, i.fingerprint, "
                 "i.output, c.json, c.case_id, i.output_encoding FROM indications i JOIN "
                 "cases c ON c.sha256 = i.case_sha256 WHERE i.id = ?");
        query.bind(1, id);
        if (!query.executeStep())
            return fail("S0107", std::nullopt,
                        db.path().string() + ": there is no indication " + std::to_string(id));
        StoredIndication out;
        out.id = id;
        out.rule_set = query.getColumn(0).getString();
        if (!query.getColumn(1).isNull())
            out.date_option = query.getColumn(1).getString();
        out.reference_date = query.getColumn(2).getString();
        out.engine = query.getColumn(3).getString();
        out.fingerprint = query.getColumn(4).getString();
        std::string why;
        auto output =
            decode_output(blob_bytes(query.getColumn(5)), query.getColumn(8).getString(), why);
        if (!output)
            return fail("S0111", std::nullopt,
                        db.path().string() + ": indication " + std::to_string(id) + ": " + why +
                            " (audit verify names the damaged entry)");
        out.output = std::move(*output);
        out.case_json = query.getColumn(6).getString();
        out.case_id = query.getColumn(7).getString();

        SQLite::Statement files(sql, "SELECT f.path, b.data FROM rule_set_files f JOIN blobs b "
                                     "ON b.sha256 = f.sha256 WHERE f.rule_set = ? ORDER BY f.path");
        files.bind(1, out.rule_set);
        while (files.executeStep())
            out.rule_files.push_back(
                {files.getColumn(0).getString(), blob_bytes(files.getColumn(1))});

        SQLite::Statement plugins(
            sql, "SELECT p.file_name, p.sha256, p.name, p.municipality, p.version, p.abi, "
                 "b.data, ip.bound FROM indication_plugins ip JOIN plugins p ON "
                 "p.sha256 = ip.plugin JOIN blobs b ON b.sha256 = p.sha256 WHERE "
                 "ip.indication = ? ORDER BY p.municipality, p.sha256");
        plugins.bind(1, id);
        while (plugins.executeStep()) {
            PluginFile p;
            p.file_name = plugins.getColumn(0).getString();
            p.sha256 = plugins.getColumn(1).getString();
            p.name = plugins.getColumn(2).getString();
            p.municipality = plugins.getColumn(3).getString();
            p.version = plugins.getColumn(4).getString();
            p.abi = plugins.getColumn(5).getString();
            p.bytes = blob_bytes(plugins.getColumn(6));
            p.bound = plugins.getColumn(7).getInt() != 0;
            out.plugins.push_back(std::move(p));
        }
        return out;
    } catch (std::exception const& e) {
        return store_failure(db.path(), "reading indication " + std::to_string(id), e.what());
    }
}

std::optional<nlohmann::json> indication_audit_content(RecordReader& reader, std::int64_t id) {
    auto& query = reader.statement("SELECT i.rule_set, i.date_option, i.reference_date, i.engine, "
                                   "i.fingerprint, i.output, c.json, c.case_id, "
                                   "i.output_encoding FROM indications i JOIN cases c ON "
                                   "c.sha256 = i.case_sha256 WHERE i.id = ?");
    query.bind(1, id);
    if (!query.executeStep())
        return std::nullopt;
    nlohmann::json content;
    content["indication"] = id;
    std::string const rule_set = query.getColumn(0).getString();
    content["date_option"] = query.getColumn(1).isNull()
                                 ? nlohmann::json(nullptr)
                                 : nlohmann::json(query.getColumn(1).getString());
    content["reference_date"] = query.getColumn(2).getString();
    content["engine"] = query.getColumn(3).getString();
    content["fingerprint"] = query.getColumn(4).getString();
    // Over the JSON bytes whatever the encoding; stored bytes that do not decode match no hash.
    std::string why;
    std::string& output = reader.scratch();
    content["output"] = decode_output_into(blob_view(query.getColumn(5)),
                                           query.getColumn(8).getString(), output, why)
                            ? "sha256:" + io::sha256_hex(output)
                            : "undecodable: " + why;
    content["case"] = "sha256:" + io::sha256_hex(blob_view(query.getColumn(6)));
    content["case_id"] = query.getColumn(7).getString();

    // The rule set's hash, recomputed from the texts it points to (once per rule set).
    auto& hashes = reader.shared_hashes();
    auto cached = hashes.find("rule_set " + rule_set);
    if (cached == hashes.end()) {
        std::vector<std::pair<std::string, std::string>> path_hashes;
        auto& files = reader.statement("SELECT f.path, b.data FROM rule_set_files f JOIN blobs b "
                                       "ON b.sha256 = f.sha256 WHERE f.rule_set = ?");
        files.bind(1, rule_set);
        while (files.executeStep())
            path_hashes.emplace_back(files.getColumn(0).getString(),
                                     io::sha256_hex(blob_view(files.getColumn(1))));
        cached = hashes.emplace("rule_set " + rule_set, rule_set_hash_of(path_hashes)).first;
    }
    content["rule_set"] = cached->second;

    nlohmann::json plugins = nlohmann::json::array();
    auto& links = reader.statement("SELECT ip.plugin, ip.bound, p.name, p.municipality, "
                                   "p.version, p.abi FROM indication_plugins ip JOIN plugins p "
                                   "ON p.sha256 = ip.plugin WHERE ip.indication = ? ORDER BY "
                                   "ip.plugin");
    links.bind(1, id);
    while (links.executeStep()) {
        std::string const sha = links.getColumn(0).getString();
        // The library file's hash, recomputed from its bytes (once per file).
        auto blob = hashes.find("blob " + sha);
        if (blob == hashes.end()) {
            auto& data = reader.statement("SELECT data FROM blobs WHERE sha256 = ?");
            data.bind(1, sha);
            std::string actual = data.executeStep() ? io::sha256_hex(blob_view(data.getColumn(0)))
                                                    : std::string("missing");
            blob = hashes.emplace("blob " + sha, std::move(actual)).first;
        }
        plugins.push_back({{"sha256", blob->second},
                           {"bound", links.getColumn(1).getInt() != 0},
                           {"name", links.getColumn(2).getString()},
                           {"municipality", links.getColumn(3).getString()},
                           {"version", links.getColumn(4).getString()},
                           {"abi", links.getColumn(5).getString()}});
    }
    content["plugins"] = std::move(plugins);
    return content;
}

} // namespace billijk::store
