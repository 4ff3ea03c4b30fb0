// The schema, as numbered migrations. Append-only: a released migration is never edited; a
// change of schema is a new migration at the end (and docs/store.md says what it changed).
#include "store/database.hpp"

#include <array>
#include <cassert>

namespace billijk::store {

namespace {

constexpr std::array<char const*, 4> migrations = {
    // 1: the first schema.
    R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Content-addressed bytes: rule file texts and plugin library files, by SHA-256.
CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size   INTEGER NOT NULL,
    data   BLOB NOT NULL
);

-- A rule set: every *.rules file under the rules directory, by relative path.
CREATE TABLE rule_sets (
    hash TEXT PRIMARY KEY  -- sha256 over the sorted (path, file hash) list
);
CREATE TABLE rule_set_files (
    rule_set TEXT NOT NULL REFERENCES rule_sets(hash),
    path     TEXT NOT NULL,
    sha256   TEXT NOT NULL REFERENCES blobs(sha256),
    PRIMARY KEY (rule_set, path)
);

-- Plugin manifests, by the SHA-256 of the library file (whose bytes are in blobs).
CREATE TABLE plugins (
    sha256       TEXT PRIMARY KEY REFERENCES blobs(sha256),
    name         TEXT NOT NULL,
    municipality TEXT NOT NULL,
    version      TEXT NOT NULL,
    abi          TEXT NOT NULL,
    file_name    TEXT NOT NULL
);

-- Cases, with every "bsn" member replaced by its keyed pseudonym.
CREATE TABLE cases (
    sha256        TEXT PRIMARY KEY,  -- of json
    case_id       TEXT NOT NULL,
    bsn_pseudonym TEXT NOT NULL,
    json          TEXT NOT NULL
);
CREATE INDEX cases_by_pseudonym ON cases(bsn_pseudonym);

CREATE TABLE indications (
    id             INTEGER PRIMARY KEY,
    case_sha256    TEXT NOT NULL REFERENCES cases(sha256),
    rule_set       TEXT NOT NULL REFERENCES rule_sets(hash),
    date_option    TEXT,             -- --date as given; NULL: the case's decision_date
    reference_date TEXT NOT NULL,
    engine         TEXT NOT NULL,
    fingerprint    TEXT NOT NULL,
    output         BLOB NOT NULL,    -- the exact bytes of the JSON output
    output_sha256  TEXT NOT NULL
);
-- Every plugin loaded for the indication; bound = named in the indication's plugins list.
CREATE TABLE indication_plugins (
    indication INTEGER NOT NULL REFERENCES indications(id),
    plugin     TEXT NOT NULL REFERENCES plugins(sha256),
    bound      INTEGER NOT NULL,
    PRIMARY KEY (indication, plugin)
);

-- Committee decisions that deviate from the engine, one row per overridden field.
CREATE TABLE decisions (
    id         INTEGER PRIMARY KEY,
    indication INTEGER NOT NULL REFERENCES indications(id),
    decided_on TEXT NOT NULL,
    reason     TEXT NOT NULL
);
CREATE TABLE decision_overrides (
    id           INTEGER PRIMARY KEY,
    decision     INTEGER NOT NULL REFERENCES decisions(id),
    provision    INTEGER NOT NULL,  -- index in the indication's provisions
    field        TEXT NOT NULL,     -- status, quantity, rate or budget
    engine_value TEXT NOT NULL,
    decided      TEXT NOT NULL
);
-- The rules behind an overridden field: the node that computed it (direct = 1) and every rule,
-- parameter, table or exception in its derivation.
CREATE TABLE override_rules (
    override INTEGER NOT NULL REFERENCES decision_overrides(id),
    package  TEXT NOT NULL,
    rule     TEXT NOT NULL,
    kind     TEXT NOT NULL,
    cites    TEXT NOT NULL,
    direct   INTEGER NOT NULL,
    PRIMARY KEY (override, package, rule)
);

-- The append-only, hash-chained audit log (docs/store.md, "Audit log").
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,      -- indication, decision, review
    subject     TEXT NOT NULL,      -- e.g. "indication 17"
    recorded_at TEXT NOT NULL,
    content     TEXT NOT NULL,      -- canonical JSON
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
-- Guards against accidents; deliberate tampering (dropping these) is what the chain detects.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql",
    // 2: committee reviews (`billijk review --store`). The decisions file itself is not kept:
    // it holds cases with BSNs in clear; its hash identifies it.
    R"sql(
CREATE TABLE reviews (
    id               INTEGER PRIMARY KEY,
    decisions_name   TEXT NOT NULL,     -- the file's name, without its directory
    decisions_sha256 TEXT NOT NULL,     -- of the file's bytes as read
    engine           TEXT NOT NULL,
    options          TEXT NOT NULL,     -- canonical JSON: tolerance, equal_cases
    decisions        INTEGER NOT NULL,  -- decisions reviewed
    findings         INTEGER NOT NULL,  -- deviations plus unequal equal-case groups
    report           BLOB NOT NULL,     -- the exact bytes of the JSON report
    report_sha256    TEXT NOT NULL
);
)sql",
    // 3: outputs are stored compressed (store/output_codec.hpp); rows written before stay as
    // they are, marked "identity".
    R"sql(
ALTER TABLE indications ADD COLUMN output_encoding TEXT NOT NULL DEFAULT 'identity';
)sql",
    // 4: the plugins an indication was computed with are kept once per distinct set (a batch
    // loads the same plugins for every case) instead of one indication_plugins row per plugin
    // per indication; the audit entry names the set's hash instead of listing every plugin.
    // Rows written before keep their indication_plugins links (plugin_set NULL).
    R"sql(
CREATE TABLE plugin_sets (
    hash TEXT PRIMARY KEY  -- "sha256:" over the members' manifests (records.cpp)
);
CREATE TABLE plugin_set_members (
    plugin_set TEXT NOT NULL REFERENCES plugin_sets(hash),
    plugin     TEXT NOT NULL REFERENCES plugins(sha256),
    PRIMARY KEY (plugin_set, plugin)
);
ALTER TABLE indications ADD COLUMN plugin_set TEXT REFERENCES plugin_sets(hash);
-- The members the indication names (bound): their sha256s, sorted, comma-separated.
ALTER TABLE indications ADD COLUMN bound_plugins TEXT;
)sql",
};

} // namespace

int latest_schema_version() {
    return static_cast<int>(migrations.size());
}

char const* migration_sql(int number) {
    assert(number >= 1 && number <= latest_schema_version() && "no such migration");
    return migrations[static_cast<std::size_t>(number - 1)];
}

} // namespace billijk::store
