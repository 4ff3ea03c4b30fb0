"""What the batch tests share: running billijk, a pseudonym key, reading the store with sqlite3."""
import argparse
import os
import shutil
import sqlite3
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(HERE, "gen_cases.py")
KEY = "batch-test-key-0123456789abcdef"


def test_args(**extra):
    """The arguments every batch test gets from tests/CMakeLists.txt (--billijk, --rules,
    --plugin-path, --work), plus `extra` integer options with their defaults (e.g. count=400);
    the work directory is made afresh."""
    ap = argparse.ArgumentParser()
    for name in ("--billijk", "--rules", "--plugin-path", "--work"):
        ap.add_argument(name, required=True)
    for name, default in extra.items():
        ap.add_argument("--" + name, type=int, default=default)
    a = ap.parse_args()
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    return a


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def generate(path, count, seed, fmt="jsonl", bad_every=0):
    subprocess.run([sys.executable, GEN, "--count", str(count), "--seed", str(seed), "--format", fmt,
                    "--bad-every", str(bad_every), "--out", path], check=True)


def env():
    e = dict(os.environ)
    e["BILLIJK_PSEUDONYM_KEY"] = KEY
    e.pop("BILLIJK_RULES", None)
    e.pop("BILLIJK_PLUGIN_PATH", None)
    return e


def run(args, **kw):
    return subprocess.run(args, env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def store_consistency(db):
    """Every stored indication has its case, its plugin links and exactly one audit entry; every
    audit entry names an indication that exists; run records are sound. Returns the counts."""
    con = sqlite3.connect(db)
    try:
        q = lambda sql: con.execute(sql).fetchall()
        indications = q("SELECT count(*) FROM indications")[0][0]
        entries = q("SELECT count(*) FROM audit_log WHERE kind = 'indication'")[0][0]
        if indications != entries:
            fail(f"{db}: {indications} indications but {entries} audit entries")
        orphans = q("SELECT count(*) FROM indications i LEFT JOIN cases c ON c.sha256 = i.case_sha256 "
                    "WHERE c.sha256 IS NULL")[0][0]
        if orphans:
            fail(f"{db}: {orphans} indications without their case")
        # Schema 4: a plugin set with members; earlier rows link each plugin themselves.
        unlinked = q("SELECT count(*) FROM indications i WHERE CASE WHEN i.plugin_set IS NULL "
                     "THEN NOT EXISTS (SELECT 1 FROM indication_plugins p WHERE p.indication = i.id) "
                     "ELSE NOT EXISTS (SELECT 1 FROM plugin_set_members m WHERE m.plugin_set = "
                     "i.plugin_set) END")[0][0]
        if unlinked:
            fail(f"{db}: {unlinked} indications without their plugin links")
        subjects = q("SELECT count(*) FROM audit_log a WHERE kind = 'indication' AND NOT EXISTS "
                     "(SELECT 1 FROM indications i WHERE 'indication ' || i.id = a.subject)")[0][0]
        if subjects:
            fail(f"{db}: {subjects} audit entries whose indication is missing")
        runs = [r[0] for r in q("SELECT value FROM meta WHERE key LIKE 'batch_run:%' ORDER BY key")]
        return indications, runs
    finally:
        con.close()
