#!/usr/bin/env python3
"""`billijk batch --store` compresses a run's outputs with a dictionary trained on its first
outputs (docs/store.md, "How outputs are kept"), and loses nothing by it:

- a run of enough cases keeps one dictionary, and every stored frame names it; a short run
  keeps none, and its frames name none;
- the dictionary is the same for the same input (trained deterministically), and two runs of it
  into one store share it;
- the stored outputs are a fraction of the short run's per indication;
- `replay` finds every sampled row identical, `audit verify` passes;
- a damaged or missing dictionary makes `audit verify` and `replay` fail and say why."""
import os
import shutil
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import fail, generate, run, store_consistency, test_args  # noqa: E402

COUNT = 400
SHORT = 40  # fewer than the 100 outputs a dictionary is trained on


def query(db, sql, *args):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def frame_dictionary_ids(db):
    """The dictionary id in each stored zstd frame's header (0: none), by RFC 8878 3.1.1.1."""
    ids = []
    for (frame,) in query(db, "SELECT output FROM indications ORDER BY id"):
        if frame[:4] != b"\x28\xb5\x2f\xfd":
            fail(f"{db}: a stored output is not a zstd frame")
        descriptor = frame[4]
        size = (0, 1, 2, 4)[descriptor & 3]
        at = 5 if descriptor & 0x20 else 6  # no window byte in a single-segment frame
        ids.append(int.from_bytes(frame[at:at + size], "little"))
    return ids


def dictionaries(db):
    return query(db, "SELECT key, value FROM meta WHERE key LIKE 'output_dictionary:%'")


def store(a, cases, db, *flags):
    out = db + ".jsonl"
    r = run([a.billijk, "batch", cases, "--out", out, "--threads", "2", "--store", "--db", db,
             "--rules", a.rules, "--plugin-path", a.plugin_path] + list(flags))
    if r.returncode != 0:
        fail(f"batch --store into {db}: exit {r.returncode}: {r.stderr}")
    return out


def main():
    a = test_args()
    cases = os.path.join(a.work, "cases.jsonl")
    generate(cases, COUNT, seed=31)
    short_cases = os.path.join(a.work, "short.jsonl")
    generate(short_cases, SHORT, seed=31)

    db = os.path.join(a.work, "run.db")
    lines = store(a, cases, db, "--no-explain")
    stored, _ = store_consistency(db)
    if stored != COUNT:
        fail(f"{stored} indications stored, expected {COUNT}")
    kept = dictionaries(db)
    if len(kept) != 1:
        fail(f"a run of {COUNT} cases keeps {len(kept)} dictionaries, expected 1")
    dictionary_id = int(kept[0][0].split(":")[1])
    if set(frame_dictionary_ids(db)) != {dictionary_id}:
        fail(f"not every frame names dictionary {dictionary_id}")
    blob = query(db, "SELECT size FROM blobs WHERE sha256 = ?", kept[0][1])
    if not blob or blob[0][0] == 0:
        fail("the dictionary's bytes are not in the store")

    short_db = os.path.join(a.work, "short.db")
    short_lines = store(a, short_cases, short_db, "--no-explain")
    if dictionaries(short_db) or set(frame_dictionary_ids(short_db)) != {0}:
        fail(f"a run of {SHORT} cases keeps a dictionary")
    # The result lines do not depend on how the outputs are stored.
    with open(lines) as f, open(short_lines) as g:
        if f.read().splitlines()[:SHORT] != g.read().splitlines():
            fail("the first result lines differ between the long and the short run")

    per_row = lambda d: query(d, "SELECT avg(length(output)) FROM indications")[0][0]
    if not per_row(db) * 3 < per_row(short_db):
        fail(f"outputs take {per_row(db):.0f} bytes a row with the dictionary, "
             f"{per_row(short_db):.0f} without")

    # Deterministic: the same input stored again (into a fresh store, and into this one) gives
    # the same dictionary, kept once.
    again = os.path.join(a.work, "again.db")
    store(a, cases, again, "--no-explain")
    if dictionaries(again) != kept:
        fail(f"the same input trained another dictionary: {dictionaries(again)} != {kept}")
    store(a, cases, db, "--no-explain")
    if dictionaries(db) != kept:
        fail("a second run of the same input into one store keeps a second dictionary")

    for n in (1, COUNT // 2, COUNT, COUNT + 1, 2 * COUNT):
        r = run([a.billijk, "replay", str(n), "--db", db])
        if r.returncode != 0 or "identical" not in r.stdout:
            fail(f"replay {n}: exit {r.returncode}: {r.stdout}{r.stderr}")
    v = run([a.billijk, "audit", "verify", "--db", db])
    if v.returncode != 0:
        fail(f"audit verify: exit {v.returncode}: {v.stdout}{v.stderr}")

    # Damaged dictionary bytes, then no dictionary: every output is undecodable, and said so.
    for damage in ("UPDATE blobs SET data = CAST('damaged' AS BLOB) WHERE sha256 = ?",
                   "DELETE FROM meta WHERE value = ?"):
        broken = os.path.join(a.work, "broken.db")
        shutil.copy(db, broken)
        con = sqlite3.connect(broken)
        con.execute(damage, (kept[0][1],))
        con.commit()
        con.close()
        v = run([a.billijk, "audit", "verify", "--db", broken])
        if v.returncode == 0 or "indication 1" not in v.stdout + v.stderr:
            fail(f"audit verify with '{damage}': exit {v.returncode}: {v.stdout}{v.stderr}")
        r = run([a.billijk, "replay", "1", "--db", broken])
        if r.returncode == 0 or "compression dictionary" not in r.stdout + r.stderr:
            fail(f"replay with '{damage}': exit {r.returncode}: {r.stdout}{r.stderr}")
    print(f"{COUNT} cases: one dictionary (id {dictionary_id}), outputs {per_row(db):.0f} bytes "
          f"a row against {per_row(short_db):.0f}; replay and audit verify agree; damage found")


if __name__ == "__main__":
    main()
