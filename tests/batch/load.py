#!/usr/bin/env python3
"""Several processes storing into one database at once (docs/store.md, "Several writers"): four
`billijk batch --store` runs and two loops of `billijk indicate --store`, all started together on a
database that does not exist yet. Nothing may be lost (every valid line and every single
indication is stored once, with its audit entry) and the chain must verify."""
import os
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import env, fail, generate, run, store_consistency, test_args  # noqa: E402

BATCHES = 4
INDICATE_LOOPS = 2
PER_LOOP = 8


def main():
    a = test_args(count=400)
    common = ["--rules", a.rules, "--plugin-path", a.plugin_path]
    db = os.path.join(a.work, "shared.db")
    inputs = []
    for i in range(BATCHES):
        path = os.path.join(a.work, f"cases-{i}.jsonl")
        generate(path, a.count, seed=100 + i, bad_every=50)
        inputs.append(path)
    single = os.path.join(a.work, "single.jsonl")
    generate(single, PER_LOOP, seed=999)
    with open(single) as f:
        singles = []
        for n, line in enumerate(f.read().splitlines()):
            path = os.path.join(a.work, f"single-{n}.json")
            with open(path, "w") as out:
                out.write(line)
            singles.append(path)

    procs = []
    for i, path in enumerate(inputs):
        procs.append(("batch " + os.path.basename(path), subprocess.Popen(
            [a.billijk, "batch", path, "--out", path + ".out", "--store", "--db", db,
             "--threads", "1", "--commit-every", str(5 + 7 * i)] + common,
            env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)))
    loop = " ; ".join(
        f'"$0" indicate "{p}" --format json --store --db "{db}" --rules "{a.rules}" '
        f'--plugin-path "{a.plugin_path}" > /dev/null || exit 9' for p in singles)
    for j in range(INDICATE_LOOPS):
        procs.append((f"indicate loop {j}", subprocess.Popen(
            ["bash", "-c", loop, a.billijk], env=env(), stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True)))
    expected = 0
    for name, proc in procs:
        out, err = proc.communicate(timeout=600)
        wanted = 1 if name.startswith("batch") else 0  # the batches have bad lines
        if proc.returncode != wanted:
            fail(f"{name}: exit {proc.returncode}, expected {wanted}:\n{err}")
    for path in inputs:
        with open(path + ".out") as f:
            expected += sum(1 for line in f if line.startswith('{"indication"'))
    expected += INDICATE_LOOPS * PER_LOOP

    v = run([a.billijk, "audit", "verify", "--db", db])
    if v.returncode != 0:
        fail(f"audit verify: {v.stdout}{v.stderr}")
    stored, runs = store_consistency(db)
    if stored != expected:
        fail(f"{stored} indications stored, {expected} expected")
    con = sqlite3.connect(db)
    seqs = [r[0] for r in con.execute("SELECT seq FROM audit_log ORDER BY seq")]
    con.close()
    if seqs != list(range(1, expected + 1)):
        fail("the audit log's sequence has gaps or duplicates")
    if len(runs) != BATCHES:
        fail(f"{len(runs)} batch run records, {BATCHES} expected")
    print(f"load: {len(procs)} processes, {stored} indications, chain intact: {v.stdout.strip()}")


if __name__ == "__main__":
    main()
