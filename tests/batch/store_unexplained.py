#!/usr/bin/env python3
"""`billijk batch --store --no-explain` stores each indication without its explanations, and
nothing that reads a stored indication loses by it:

- the stored rows are much smaller than those of the same cases stored with explanations;
- `replay` recomputes every one in the stored form and finds it identical, and says that it was
  stored without explanations (and a stored-with-explanations row is replayed with them);
- `decide` on such a row records the same rules behind the override as on the same case stored
  with its explanations (they are recomputed from the stored rules and plugins);
- `replay --current` under rules with another parameter value lists the same changes, the
  parameter included, for such a row as for the same case stored with its explanations;
- `audit verify` passes, and editing such a row's stored output is still found."""
import os
import shutil
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import fail, generate, run, store_consistency, test_args  # noqa: E402

COUNT = 30


def rules_behind(db, decision):
    con = sqlite3.connect(db)
    try:
        rows = con.execute(
            "SELECT r.package, r.rule, r.kind, r.cites, r.direct FROM override_rules r "
            "JOIN decision_overrides o ON o.id = r.override WHERE o.decision = ? "
            "ORDER BY r.package, r.rule", (decision,)).fetchall()
    finally:
        con.close()
    return rows


def output_bytes(db):
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT sum(length(output)) FROM indications").fetchone()[0]
    finally:
        con.close()


def main():
    a = test_args()
    common = ["--rules", a.rules, "--plugin-path", a.plugin_path]
    cases = os.path.join(a.work, "cases.jsonl")
    generate(cases, COUNT, seed=23)

    dbs = {}
    for form, flags in (("explained", []), ("unexplained", ["--no-explain"])):
        db = os.path.join(a.work, form + ".db")
        out = os.path.join(a.work, form + ".jsonl")
        r = run([a.billijk, "batch", cases, "--out", out, "--threads", "2", "--store", "--db", db]
                + flags + common)
        if r.returncode != 0:
            fail(f"batch --store {' '.join(flags)}: exit {r.returncode}: {r.stderr}")
        stored, _ = store_consistency(db)
        if stored != COUNT:
            fail(f"{form}: {stored} indications stored, expected {COUNT}")
        dbs[form] = db

    # Without explanations the outputs are a fraction of the size (compressed, as stored).
    full, short = output_bytes(dbs["explained"]), output_bytes(dbs["unexplained"])
    if not short * 3 < full:
        fail(f"stored outputs without explanations take {short} bytes, with them {full}")

    for form, db in dbs.items():
        for n in (1, COUNT // 2, COUNT):
            r = run([a.billijk, "replay", str(n), "--db", db])
            if r.returncode != 0 or "identical" not in r.stdout:
                fail(f"{form}: replay {n}: exit {r.returncode}: {r.stdout}{r.stderr}")
            says_unexplained = "stored without explanations" in r.stdout
            if says_unexplained != (form == "unexplained"):
                fail(f"{form}: replay {n} does not say how it was stored: {r.stdout}")

    # The same override on the same case in both stores: the same rules behind it.
    for form, db in dbs.items():
        r = run([a.billijk, "decide", "1", "--override", "status=refused", "--reason",
                 "the committee found the need not proven", "--date", "2017-06-15", "--db", db])
        if r.returncode != 0:
            fail(f"{form}: decide: exit {r.returncode}: {r.stdout}{r.stderr}")
    explained_rules = rules_behind(dbs["explained"], 1)
    if not explained_rules:
        fail("decide on an explained indication recorded no rules behind the override")
    if rules_behind(dbs["unexplained"], 1) != explained_rules:
        fail("decide on an indication stored without explanations records other rules behind "
             "the override than on the same case stored with them")

    # Today's rules with another informal share: the same changes listed from both stores.
    current = os.path.join(a.work, "current-rules")
    shutil.rmtree(current, ignore_errors=True)
    shutil.copytree(a.rules, current)
    bar = os.path.join(current, "regional", "bar.rules")
    with open(bar) as f:
        text = f.read()
    if "parameter informal_share: percent" not in text or "  = 60%\n" not in text:
        fail("regional/bar.rules no longer has the informal_share parameter this test changes")
    with open(bar, "w") as f:
        f.write(text.replace("  = 60%\n", "  = 70%\n", 1))
    named_share = 0
    for n in range(1, 11):
        listed = {}
        for form, db in dbs.items():
            r = run([a.billijk, "replay", str(n), "--db", db, "--current", "--rules", current,
                     "--plugin-path", a.plugin_path])
            if r.returncode != 1 or "would change" not in r.stdout:
                fail(f"{form}: replay {n} --current: exit {r.returncode}: {r.stdout}{r.stderr}")
            listed[form] = r.stdout.split("what changed:\n")[1].split("\n---")[0]
        if listed["explained"] != listed["unexplained"]:
            fail(f"replay {n} --current lists other changes for the row stored without "
                 f"explanations:\n{listed['explained']}\nagainst\n{listed['unexplained']}")
        named_share += "informal_share" in listed["unexplained"]
    if not named_share:
        fail("replay --current never names the changed informal_share")

    for form, db in dbs.items():
        v = run([a.billijk, "audit", "verify", "--db", db])
        if v.returncode != 0:
            fail(f"{form}: audit verify: exit {v.returncode}: {v.stdout}{v.stderr}")

    # Tampering with a stored output without explanations is still found, by verify and by
    # decide (which must not take its rules from an output that is not the stored one).
    tampered = os.path.join(a.work, "tampered.db")
    shutil.copy(dbs["unexplained"], tampered)
    con = sqlite3.connect(tampered)
    try:
        other = con.execute("SELECT output, output_sha256 FROM indications WHERE id = 3").fetchone()
        con.execute("UPDATE indications SET output = ? WHERE id = 2", (other[0],))
        con.commit()
    finally:
        con.close()
    v = run([a.billijk, "audit", "verify", "--db", tampered])
    if v.returncode == 0 or "indication 2" not in v.stdout + v.stderr:
        fail(f"audit verify misses an edited output: exit {v.returncode}: {v.stdout}{v.stderr}")
    d = run([a.billijk, "decide", "2", "--override", "status=refused", "--reason", "test",
             "--date", "2017-06-15", "--db", tampered])
    if d.returncode == 0 or "S0112" not in d.stderr:
        fail(f"decide on an edited output without explanations: exit {d.returncode}: {d.stderr}")
    print(f"{COUNT} cases stored both ways; outputs {full} -> {short} bytes; replay, decide and "
          "audit verify agree")


if __name__ == "__main__":
    main()
