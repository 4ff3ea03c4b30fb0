#include "store/records.hpp"
#include "store/output_codec.hpp"
#include "store/output_dictionaries.hpp"

#include "io/fingerprint.hpp"
#include "io/json_writer.hpp"
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

/// A plugin's manifest from four columns of `row`, from `first` on: name, municipality,
/// version, abi.
void read_manifest(SQLite::Statement& row, int first, PluginFile& p) {
    p.name = row.getColumn(first).getString();
    p.municipality = row.getColumn(first + 1).getString();
    p.version = row.getColumn(first + 2).getString();
    p.abi = row.getColumn(first + 3).getString();
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

void put_blob(SQLite::Database& db, std::string const& sha256, std::string const& bytes) {
    SQLite::Statement insert(db, "INSERT OR IGNORE INTO blobs(sha256, size, data) VALUES (?,?,?)");
    insert.bind(1, sha256);
    insert.bind(2, static_cast<std::int64_t>(bytes.size()));
    insert.bind(3, bytes.data(), static_cast<int>(bytes.size()));
    insert.exec();
}

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

std::string plugin_set_hash(std::vector<PluginFile> const& plugins) {
    // Pointers, not copies: a PluginFile holds its library's bytes. Each file once: the same
    // library loaded twice is one member, as in plugin_set_members.
    std::vector<PluginFile const*> members;
    for (auto const& p : plugins)
        members.push_back(&p);
    auto by_hash = [](PluginFile const* a, PluginFile const* b) { return a->sha256 < b->sha256; };
    std::sort(members.begin(), members.end(), by_hash);
    members.erase(std::unique(members.begin(), members.end(),
                              [](PluginFile const* a, PluginFile const* b) {
                                  return a->sha256 == b->sha256;
                              }),
                  members.end());
    std::string text;
    io::append_field(text, "plugin_set", "billijk.plugin_set/1");
    for (PluginFile const* p : members) {
        io::append_field(text, "sha256", p->sha256);
        io::append_field(text, "name", p->name);
        io::append_field(text, "municipality", p->municipality);
        io::append_field(text, "version", p->version);
        io::append_field(text, "abi", p->abi);
    }
    return "sha256:" + io::sha256_hex(text);
}

std::string put_plugin_set(SQLite::Database& sql, std::vector<PluginFile> const& plugins) {
    std::string const hash = plugin_set_hash(plugins);
    SQLite::Statement add_set(sql, "INSERT OR IGNORE INTO plugin_sets(hash) VALUES (?)");
    add_set.bind(1, hash);
    if (add_set.exec() == 0)
        return hash; // stored before, with its members
    SQLite::Statement add_member(sql,
                                 "INSERT OR IGNORE INTO plugin_set_members(plugin_set, plugin) "
                                 "VALUES (?,?)");
    for (auto const& p : plugins) {
        add_member.bind(1, hash);
        add_member.bind(2, p.sha256);
        add_member.exec();
        add_member.reset();
    }
    return hash;
}

std::string bound_plugins_text(std::set<std::string> const& bound) {
    std::string out;
    for (auto const& sha : bound) // a std::set: sorted
        out += (out.empty() ? "" : ",") + sha;
    return out;
}

std::string indication_audit_text(IndicationAuditFacts const& facts) {
    // Written directly, members in sorted order, byte for byte as nlohmann's dump() of the same
    // object (the form of the entries written before): the batch writer builds one per stored
    // indication on its single thread, where building an nlohmann object was 7% of its time.
    io::JsonWriter w(-1);
    w.begin_object();
    w.key("bound_plugins");
    w.begin_array();
    std::string_view bound = facts.bound_plugins;
    while (!bound.empty()) {
        auto const comma = std::min(bound.find(','), bound.size());
        w.string(bound.substr(0, comma));
        bound.remove_prefix(std::min(comma + 1, bound.size()));
    }
    w.end_array();
    w.member("case", facts.case_hash);
    w.member("case_id", facts.case_id);
    w.key("date_option");
    if (facts.date_option)
        w.string(*facts.date_option);
    else
        w.null();
    w.member("engine", facts.engine);
    w.member("fingerprint", facts.fingerprint);
    w.key("indication");
    w.integer(facts.id);
    w.member("output", facts.output);
    w.member("plugin_set", facts.plugin_set);
    w.member("reference_date", facts.reference_date);
    w.member("rule_set", facts.rule_set);
    w.end_object();
    return w.take();
}

nlohmann::json indication_audit_json(IndicationAuditFacts const& facts) {
    return nlohmann::json::parse(indication_audit_text(facts));
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
        std::string const plugin_set = put_plugin_set(sql, record.plugins);
        std::set<std::string> bound;
        for (auto const& p : record.plugins)
            if (p.bound)
                bound.insert(p.sha256);
        SQLite::Statement add_case(sql, "INSERT OR IGNORE INTO cases(sha256, case_id, "
                                        "bsn_pseudonym, json) VALUES (?,?,?,?)");
        add_case.bind(1, case_sha);
        add_case.bind(2, stored_case.case_id);
        add_case.bind(3, stored_case.bsn_pseudonym);
        add_case.bind(4, stored_case.json);
        add_case.exec();

        SQLite::Statement add(sql, "INSERT INTO indications(case_sha256, rule_set, date_option, "
                                   "reference_date, engine, fingerprint, output, output_sha256, "
                                   "output_encoding, plugin_set, bound_plugins) VALUES "
                                   "(?,?,?,?,?,?,?,?,?,?,?)");
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
        add.bind(10, plugin_set);
        add.bind(11, bound_plugins_text(bound));
        add.exec();
        std::int64_t const id = sql.getLastInsertRowid();
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
                 "i.output, c.json, c.case_id, i.output_encoding, i.plugin_set, "
                 "i.bound_plugins FROM indications i JOIN cases c ON c.sha256 = "
                 "i.case_sha256 WHERE i.id = ?");
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
        StoredDictionaries dictionaries(db.sql());
        auto output = decode_output(blob_bytes(query.getColumn(5)), query.getColumn(8).getString(),
                                    why, &dictionaries);
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

        // Rows of schema 4 and later name a plugin set and their bound members; older rows
        // link each plugin themselves (indication_plugins).
        std::optional<std::string> plugin_set;
        std::string bound;
        if (!query.getColumn(9).isNull()) {
            plugin_set = query.getColumn(9).getString();
            bound = "," + query.getColumn(10).getString() + ",";
        }
        SQLite::Statement plugins(
            sql, plugin_set
                     ? "SELECT p.file_name, p.sha256, p.name, p.municipality, p.version, p.abi, "
                       "b.data, 0 FROM plugin_set_members m JOIN plugins p ON p.sha256 = "
                       "m.plugin JOIN blobs b ON b.sha256 = p.sha256 WHERE m.plugin_set = ? "
                       "ORDER BY p.municipality, p.sha256"
                     : "SELECT p.file_name, p.sha256, p.name, p.municipality, p.version, p.abi, "
                       "b.data, ip.bound FROM indication_plugins ip JOIN plugins p ON "
                       "p.sha256 = ip.plugin JOIN blobs b ON b.sha256 = p.sha256 WHERE "
                       "ip.indication = ? ORDER BY p.municipality, p.sha256");
        if (plugin_set)
            plugins.bind(1, *plugin_set);
        else
            plugins.bind(1, id);
        while (plugins.executeStep()) {
            PluginFile p;
            p.file_name = plugins.getColumn(0).getString();
            p.sha256 = plugins.getColumn(1).getString();
            read_manifest(plugins, 2, p);
            p.bytes = blob_bytes(plugins.getColumn(6));
            p.bound = plugin_set ? bound.find("," + p.sha256 + ",") != std::string::npos
                                 : plugins.getColumn(7).getInt() != 0;
            out.plugins.push_back(std::move(p));
        }
        return out;
    } catch (std::exception const& e) {
        return store_failure(db.path(), "reading indication " + std::to_string(id), e.what());
    }
}

namespace {

/// A stored file's hash, recomputed from its bytes (once per file and reader).
std::string const& blob_hash(RecordReader& reader, std::string const& sha) {
    auto& hashes = reader.shared_hashes();
    auto found = hashes.find("blob " + sha);
    if (found == hashes.end()) {
        auto& data = reader.statement("SELECT data FROM blobs WHERE sha256 = ?");
        data.bind(1, sha);
        std::string actual = data.executeStep() ? io::sha256_hex(blob_view(data.getColumn(0)))
                                                : std::string("missing");
        found = hashes.emplace("blob " + sha, std::move(actual)).first;
    }
    return found->second;
}

/// The rule set's hash, recomputed from the texts it points to (once per rule set and reader).
std::string const& recomputed_rule_set(RecordReader& reader, std::string const& rule_set) {
    auto& hashes = reader.shared_hashes();
    auto found = hashes.find("rule_set " + rule_set);
    if (found == hashes.end()) {
        std::vector<std::pair<std::string, std::string>> path_hashes;
        auto& files = reader.statement("SELECT f.path, b.data FROM rule_set_files f JOIN blobs b "
                                       "ON b.sha256 = f.sha256 WHERE f.rule_set = ?");
        files.bind(1, rule_set);
        while (files.executeStep())
            path_hashes.emplace_back(files.getColumn(0).getString(),
                                     io::sha256_hex(blob_view(files.getColumn(1))));
        found = hashes.emplace("rule_set " + rule_set, rule_set_hash_of(path_hashes)).first;
    }
    return found->second;
}

/// The plugin set's hash, recomputed from its members' manifests and library bytes (once per
/// set and reader).
std::string const& recomputed_plugin_set(RecordReader& reader, std::string const& plugin_set) {
    auto& hashes = reader.shared_hashes();
    auto found = hashes.find("plugin_set " + plugin_set);
    if (found == hashes.end()) {
        std::vector<PluginFile> members;
        auto& rows = reader.statement("SELECT m.plugin, p.name, p.municipality, p.version, p.abi "
                                      "FROM plugin_set_members m JOIN plugins p ON p.sha256 = "
                                      "m.plugin WHERE m.plugin_set = ?");
        rows.bind(1, plugin_set);
        while (rows.executeStep()) {
            PluginFile p;
            p.sha256 = rows.getColumn(0).getString();
            read_manifest(rows, 1, p);
            members.push_back(std::move(p));
        }
        for (auto& p : members) // after the rows: blob_hash uses another statement
            p.sha256 = blob_hash(reader, p.sha256);
        found = hashes.emplace("plugin_set " + plugin_set, plugin_set_hash(members)).first;
    }
    return found->second;
}

/// Schema 3 and earlier: each plugin linked to the indication and listed in its entry.
nlohmann::json linked_plugins(RecordReader& reader, std::int64_t id) {
    struct Link {
        std::string sha;
        bool bound;
        std::string name, municipality, version, abi;
    };
    std::vector<Link> links;
    auto& rows = reader.statement("SELECT ip.plugin, ip.bound, p.name, p.municipality, "
                                  "p.version, p.abi FROM indication_plugins ip JOIN plugins p "
                                  "ON p.sha256 = ip.plugin WHERE ip.indication = ? ORDER BY "
                                  "ip.plugin");
    rows.bind(1, id);
    while (rows.executeStep())
        links.push_back({rows.getColumn(0).getString(), rows.getColumn(1).getInt() != 0,
                         rows.getColumn(2).getString(), rows.getColumn(3).getString(),
                         rows.getColumn(4).getString(), rows.getColumn(5).getString()});
    nlohmann::json plugins = nlohmann::json::array();
    for (auto const& l : links)
        plugins.push_back({{"sha256", blob_hash(reader, l.sha)},
                           {"bound", l.bound},
                           {"name", l.name},
                           {"municipality", l.municipality},
                           {"version", l.version},
                           {"abi", l.abi}});
    return plugins;
}

} // namespace

std::optional<nlohmann::json> indication_audit_content(RecordReader& reader, std::int64_t id) {
    auto& query = reader.statement("SELECT i.rule_set, i.date_option, i.reference_date, i.engine, "
                                   "i.fingerprint, i.output, c.json, c.case_id, "
                                   "i.output_encoding, i.plugin_set, i.bound_plugins FROM "
                                   "indications i JOIN cases c ON c.sha256 = i.case_sha256 "
                                   "WHERE i.id = ?");
    query.bind(1, id);
    if (!query.executeStep())
        return std::nullopt;
    IndicationAuditFacts facts;
    facts.id = id;
    std::string const rule_set = query.getColumn(0).getString();
    if (!query.getColumn(1).isNull())
        facts.date_option = query.getColumn(1).getString();
    facts.reference_date = query.getColumn(2).getString();
    facts.engine = query.getColumn(3).getString();
    facts.fingerprint = query.getColumn(4).getString();
    // Over the JSON bytes whatever the encoding; stored bytes that do not decode match no hash.
    std::string why;
    std::string& output = reader.scratch();
    facts.output = decode_output_into(blob_view(query.getColumn(5)), query.getColumn(8).getString(),
                                      output, why, &reader.dictionaries())
                       ? "sha256:" + io::sha256_hex(output)
                       : "undecodable: " + why;
    facts.case_hash = "sha256:" + io::sha256_hex(blob_view(query.getColumn(6)));
    facts.case_id = query.getColumn(7).getString();
    std::optional<std::string> plugin_set;
    if (!query.getColumn(9).isNull()) {
        plugin_set = query.getColumn(9).getString();
        facts.bound_plugins = query.getColumn(10).getString();
    }
    // Done with the row: what follows runs other statements of the reader.
    facts.rule_set = recomputed_rule_set(reader, rule_set);
    if (plugin_set) {
        facts.plugin_set = recomputed_plugin_set(reader, *plugin_set);
        return indication_audit_json(facts);
    }
    auto content = indication_audit_json(facts);
    content.erase("plugin_set");
    content.erase("bound_plugins");
    content["plugins"] = linked_plugins(reader, id);
    return content;
}

} // namespace billijk::store
