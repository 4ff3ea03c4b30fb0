#!/usr/bin/env python3
"""Crash safety of `billijk batch --store` (docs/batch.md, "Crashes and resuming").

Each iteration (seeded: reproducible, but the kill point, thread count and group size vary) starts
a batch run into a fresh database, kills it with SIGKILL at a random moment, then checks that
- the database opens and `billijk audit verify` passes;
- every stored indication has its case, plugin links and exactly one audit entry;
- the run record's last_line covers exactly the stored indications: the valid input lines up to
  it, in order, with the reference run's fingerprints (nothing half-written, no group split);
- every settled line is in the output file, identical to the reference output;
- continuing with --from-line last_line+1 stores the rest: every valid line exactly once
  (every other iteration).
"""
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import env, fail, generate, run, store_consistency, test_args  # noqa: E402


def fingerprints(db):
    con = sqlite3.connect(db)
    try:
        return [r[0] for r in con.execute("SELECT fingerprint FROM indications ORDER BY id")]
    finally:
        con.close()


def main():
    a = test_args(count=1500, iterations=5, seed=20240601)
    common = ["--rules", a.rules, "--plugin-path", a.plugin_path]
    cases = os.path.join(a.work, "cases.jsonl")
    generate(cases, a.count, seed=a.seed, bad_every=97)

    # The reference: a complete run, timed, so that kills land inside the run.
    reference_db = os.path.join(a.work, "reference.db")
    reference_out = os.path.join(a.work, "reference.jsonl")
    started = time.monotonic()
    r = run([a.billijk, "batch", cases, "--out", reference_out, "--store", "--db", reference_db,
             "--threads", "2"] + common)
    duration = time.monotonic() - started
    if r.returncode != 1:
        fail(f"reference run: expected exit 1 (bad lines), got {r.returncode}: {r.stderr}")
    with open(reference_out) as f:
        reference = [json.loads(x) for x in f.read().splitlines()]
    valid = [(x["line"], x["indication"]["fingerprint"]) for x in reference if "indication" in x]
    if fingerprints(reference_db) != [fp for _, fp in valid]:
        fail("reference run: stored fingerprints differ from the output's")
    print(f"reference run: {len(valid)} indications stored in {duration:.2f} s")

    rng = random.Random(a.seed)
    killed_mid_run = 0
    for it in range(a.iterations):
        db = os.path.join(a.work, f"crash-{it}.db")
        out = os.path.join(a.work, f"crash-{it}.jsonl")
        threads = rng.choice([1, 2, 4])
        group = rng.choice([1, 17, 100, 500])
        delay = rng.uniform(0.05, max(0.1, duration * 0.9))
        proc = subprocess.Popen([a.billijk, "batch", cases, "--out", out, "--store", "--db", db,
                                 "--threads", str(threads), "--commit-every", str(group)] + common,
                                env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed_mid_run += 1
        proc.wait()
        where = f"iteration {it} (threads {threads}, commit every {group}, kill after {delay:.2f} s)"

        if not os.path.exists(db):
            print(f"{where}: killed before the database was created")
            continue
        v = run([a.billijk, "audit", "verify", "--db", db])
        if v.returncode != 0:
            fail(f"{where}: audit verify failed: {v.stdout}{v.stderr}")
        stored, runs = store_consistency(db)
        last_line = json.loads(runs[-1])["last_line"] if runs else 0
        expected = [fp for line, fp in valid if line <= last_line]
        if fingerprints(db) != expected:
            fail(f"{where}: stored {stored} indications, but the run record says lines through "
                 f"{last_line} are settled ({len(expected)} valid lines)")
        with open(out, "rb") as f:
            written = f.read().split(b"\n")[:-1]  # a last line without newline may be cut off
        for line in range(1, last_line + 1):
            if line > len(written) or json.loads(written[line - 1]) != reference[line - 1]:
                fail(f"{where}: settled line {line} is missing from the output or differs")
        print(f"{where}: {stored} stored, lines through {last_line} settled, audit intact")

        # Continue where it stopped (every other iteration, to keep the test short): afterwards
        # every valid line is stored exactly once.
        if it % 2 == 1:
            continue
        rest = os.path.join(a.work, f"crash-{it}-rest.jsonl")
        r = run([a.billijk, "batch", cases, "--out", rest, "--store", "--db", db, "--threads", "2",
                 "--from-line", str(last_line + 1)] + common)
        if r.returncode not in (0, 1):
            fail(f"{where}: continuing failed ({r.returncode}): {r.stderr}")
        if runs and not json.loads(runs[-1])["finished"] and "did not finish" not in r.stderr:
            fail(f"{where}: the unfinished run is not pointed out when continuing:\n{r.stderr}")
        if fingerprints(db) != [fp for _, fp in valid]:
            fail(f"{where}: after continuing, the store does not hold every valid line once")
        v = run([a.billijk, "audit", "verify", "--db", db])
        if v.returncode != 0:
            fail(f"{where}: audit verify after continuing failed: {v.stdout}{v.stderr}")
    if killed_mid_run == 0:
        fail("no iteration was killed during its run: the test proved nothing")
    print(f"crash safety: {a.iterations} iterations, {killed_mid_run} killed mid-run, all checks passed")


if __name__ == "__main__":
    main()
