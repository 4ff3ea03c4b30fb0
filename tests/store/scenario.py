#!/usr/bin/env python3
"""The store's acceptance scenario (issue 4, docs/store.md).

Stores 200 indications made by varying golden cases (each with its own valid BSN, some with a
second BSN under "extra"), replays every one and expects byte identity, records committee
decisions and reads the signals, stores a committee review, verifies the audit log, tampers with a row using the sqlite3
shell and expects `billijk audit verify` to name that entry, and finally searches the database
file, its WAL and every output for every BSN in clear, expecting none.

usage: scenario.py --billijk BIN --rules DIR --plugin-path DIR --work DIR GOLDEN_DIR...
"""
import argparse
import json
import os
import pathlib
import re
import shutil
import sqlite3
import subprocess
import sys

COUNT = 200
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, file=sys.stderr)


def elfproef(digits):
    weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    return len(digits) == 9 and sum(w * int(d) for w, d in zip(weights, digits)) % 11 == 0


def bsn_candidates(forbidden_bytes):
    """Valid BSNs, deterministic, that occur nowhere in the rules or plugins (so that finding
    one in the database can only mean it was stored)."""
    n = 234567000
    while True:
        n += 7
        s = str(n)
        if elfproef(s) and s.encode() not in forbidden_bytes:
            yield s


def run(outputs, *args, expect=None):
    proc = subprocess.run(list(args), capture_output=True)
    outputs.append(proc.stdout)
    outputs.append(proc.stderr)
    if expect is not None and proc.returncode != expect:
        fail("%s exited %d, expected %d\nstdout: %s\nstderr: %s" % (
            " ".join(str(a) for a in args[:3]), proc.returncode, expect,
            proc.stdout.decode(errors="replace")[:2000], proc.stderr.decode(errors="replace")[:2000]))
    return proc


def vary(case, i, bsn, extra_bsn):
    case = json.loads(json.dumps(case))
    case["case_id"] = "%s-S%03d" % (case["case_id"], i)
    case["client"]["bsn"] = bsn
    extra = {"scenario": "store scenario case %d" % i}
    if extra_bsn:
        extra["bsn"] = extra_bsn  # e.g. a parent's BSN noted by the worker: pseudonymised too
    case["extra"] = extra
    for request in case["requests"]:
        need = request.get("need", {})
        if "amount" in need and need.get("unit") == "hours/week":
            need["amount"] = str(4 + (i * 3) % 13)
        if "rate" in request:
            request["rate"] = "%d.%02d" % (12 + i % 20, (i * 25) % 100)
    return case


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--billijk", required=True)
    parser.add_argument("--rules", required=True)
    parser.add_argument("--plugin-path", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("golden", nargs="+")
    args = parser.parse_args()
    billijk = args.billijk
    work = pathlib.Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    (work / "cases").mkdir(parents=True)
    db = work / "billijk.db"
    key = work / "pseudonym.key"
    key.write_text("scenario-key-" + "k" * 32 + "\n")
    common = ["--rules", args.rules, "--plugin-path", args.plugin_path]
    outputs = []

    # Base cases: every golden case that the engine indicates (exit 0).
    bases = []
    for golden in args.golden:
        for case_file in sorted(pathlib.Path(golden).glob("*/case.json")):
            if (case_file.parent / "expected.json").exists():
                bases.append(json.loads(case_file.read_text()))
    if not bases:
        fail("no golden cases found")
        return
    forbidden = b""
    for root in (pathlib.Path(args.rules), pathlib.Path(args.plugin_path)):
        for f in root.rglob("*"):
            if f.is_file():
                forbidden += f.read_bytes()
    bsns = bsn_candidates(forbidden)

    # 1. Store 200 indications.
    keeper = None  # an open connection keeps the WAL file in place for the search at the end
    all_bsns = []
    ids = []
    case_of = {}
    output_of = {}
    for i in range(COUNT):
        bsn = next(bsns)
        extra_bsn = next(bsns) if i % 5 == 0 else None
        all_bsns += [bsn] + ([extra_bsn] if extra_bsn else [])
        case_path = work / "cases" / ("case-%03d.json" % i)
        case_path.write_text(json.dumps(vary(bases[i % len(bases)], i, bsn, extra_bsn), indent=2))
        proc = run(outputs, billijk, "indicate", str(case_path), "--store", "--db", str(db),
                   "--key-file", str(key), "--format", "json", *common, expect=0)
        m = re.search(rb"stored as indication (\d+)", proc.stderr)
        if not m:
            fail("indicate --store printed no id for %s" % case_path.name)
            continue
        ids.append(int(m.group(1)))
        case_of[ids[-1]] = case_path
        # The stored output is these bytes, compressed (store/output_codec.hpp).
        output_of[ids[-1]] = proc.stdout
        if keeper is None:
            keeper = sqlite3.connect(str(db))
            keeper.execute("SELECT COUNT(*) FROM audit_log").fetchall()
    if len(set(ids)) != COUNT:
        fail("expected %d distinct ids, got %d" % (COUNT, len(set(ids))))

    # 2. Replay every one: byte identity.
    identical = 0
    for n in ids:
        proc = run(outputs, billijk, "replay", str(n), "--db", str(db), expect=0)
        identical += proc.returncode == 0 and b"identical" in proc.stdout
    if identical != len(ids):
        fail("%d of %d replays identical" % (identical, len(ids)))
    print("replayed %d indications, %d identical" % (len(ids), identical))
    run(outputs, billijk, "replay", str(ids[0]), "--db", str(db), "--current", *common, expect=0)

    # 3. Committee decisions (a higher budget, or another status where there is no budget),
    # then the signals.
    decided = 0
    for n, output in sorted(output_of.items()):
        provisions = json.loads(output)["provisions"]
        if len(provisions) != 1 or decided >= 10:
            continue
        provision = provisions[0]
        if "budget" in provision:
            whole, _, cents = provision["budget"]["amount"].partition(".")
            override = "budget=%d.%s" % (int(whole) + 100, cents or "00")
        else:
            override = "status=" + ("refused" if provision["status"] == "granted" else "granted")
        run(outputs, billijk, "decide", str(n), "--override", override,
            "--reason", "committee: exceptional circumstances", "--date",
            "2017-%02d-15" % (6 + decided % 3), "--db", str(db), expect=0)
        decided += 1
    if decided == 0:
        fail("no indication with one provision to decide on")
    for fmt in ("text", "json", "csv"):
        proc = run(outputs, billijk, "signals", "--db", str(db), "--format", fmt, expect=0)
        if fmt == "json":
            signals = json.loads(proc.stdout)
            if signals["decisions"] != decided or not signals["rules"]:
                fail("signals: %d decisions, expected %d" % (signals["decisions"], decided))

    # 3b. A committee review of twenty of the cases, proposing exactly the engine's values, is
    # stored with --store: one more audit entry, and no finding.
    decisions = []
    for n, output in sorted(output_of.items()):
        case = json.loads(case_of[n].read_text())
        provisions = json.loads(output)["provisions"]
        if len(provisions) != 1 or len(case["requests"]) != 1 or len(decisions) >= 20:
            continue
        proposal = {"provision": provisions[0]["provision"], "status": provisions[0]["status"]}
        if "form" in case["requests"][0]:
            proposal["form"] = case["requests"][0]["form"]
        for field in ("quantity", "rate", "budget"):
            if field in provisions[0]:
                proposal[field] = provisions[0][field]
        decisions.append({"schema": "billijk.decision/1", "decision_id": "R-%03d" % n,
                          "case": case, "proposal": proposal})
    decisions_file = work / "cases" / "decisions.jsonl"  # input, like the cases: holds BSNs
    decisions_file.write_text("".join(json.dumps(d) + "\n" for d in decisions))
    proc = run(outputs, billijk, "review", str(decisions_file), "--store", "--db", str(db),
               "--format", "json", *common, expect=0)
    if b"stored as review 1" not in proc.stderr:
        fail("review --store printed no id: %s" % proc.stderr)
    reviewed = 1

    # 4. The audit log is intact ...
    proc = run(outputs, billijk, "audit", "verify", "--db", str(db), expect=0)
    entries = COUNT + decided + reviewed
    if ("%d entries" % entries).encode() not in proc.stdout:
        fail("audit verify should report %d entries: %s" % (entries, proc.stdout))

    # 5. ... until a row is edited with the sqlite3 shell: verify names that entry.
    tampered = work / "tampered.db"
    shutil.copy(db, tampered)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(str(db) + suffix):
            shutil.copy(str(db) + suffix, str(tampered) + suffix)
    victim = ids[56]
    # The stored output is compressed: the editor writes an edited copy of the JSON back in clear
    # and marks it so, which reads like a real output to every reader.
    edited = output_of[victim].replace(b'"engine"', b'"Engine"')
    con = sqlite3.connect(str(tampered))
    con.execute("UPDATE indications SET output = ?, output_encoding = 'identity' WHERE id = ?",
                (edited, victim))
    con.commit()
    con.close()
    proc = run(outputs, billijk, "audit", "verify", "--db", str(tampered), expect=1)
    if ("entry %d (indication %d)" % (victim, victim)).encode() not in proc.stdout:
        fail("verify should name entry %d: %s" % (victim, proc.stdout))
    proc = run(outputs, billijk, "replay", str(victim), "--db", str(tampered), expect=1)
    if b"@@" not in proc.stdout:
        fail("replay of the tampered indication shows no diff")
    subprocess.run(["sqlite3", str(tampered),
                    "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET recorded_at = "
                    "'2000-01-01T00:00:00Z' WHERE seq = 120;"], check=True)
    proc = run(outputs, billijk, "audit", "verify", "--db", str(tampered), expect=1)
    if b"entry %d" % victim not in proc.stdout:
        fail("verify should still name the first broken entry %d: %s" % (victim, proc.stdout))
    # A stored review made to look clean is found too (on its own copy of the database).
    tampered_review = work / "tampered-review.db"
    shutil.copy(db, tampered_review)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(str(db) + suffix):
            shutil.copy(str(db) + suffix, str(tampered_review) + suffix)
    subprocess.run(["sqlite3", str(tampered_review),
                    "UPDATE reviews SET findings = 7 WHERE id = 1;"], check=True)
    proc = run(outputs, billijk, "audit", "verify", "--db", str(tampered_review), expect=1)
    if b"(review 1)" not in proc.stdout:
        fail("verify should name the review's entry: %s" % proc.stdout)

    # 6. No BSN in clear anywhere: the database, its WAL, every output.
    haystacks = {}
    for f in sorted(work.iterdir()):
        if f.is_file() and f != key:
            haystacks[f.name] = f.read_bytes()
    if not any(name.endswith("-wal") for name in haystacks):
        print("note: no WAL file present at the end (checkpointed)")
    haystacks["command outputs"] = b"\n".join(outputs)
    for name, data in haystacks.items():
        for bsn in all_bsns:
            if bsn.encode() in data:
                fail("BSN found in clear in %s" % name)
                break
    print("searched %s for %d BSNs" % (", ".join(haystacks), len(all_bsns)))
    if keeper is not None:
        keeper.close()


if __name__ == "__main__":
    main()
    if failures:
        print("%d failure(s)" % len(failures), file=sys.stderr)
        sys.exit(1)
    print("store scenario: ok")
