#!/usr/bin/env python3
"""`billijk show ID` prints a stored indication as `billijk indicate` printed it (docs/store.md,
"Showing a stored indication"):

- for golden cases stored with `indicate --store` (plain, a re-indication, a split period), the
  Dutch and English texts and the JSON are byte for byte those `indicate` prints, and
  `--as-stored` gives the stored JSON;
- the same cases stored by `batch --store --no-explain` show the same texts, their explanations
  recomputed (and said so on stderr), while `--as-stored` has no explanations;
- a committee decision recorded on an indication (`billijk decide`) follows its text, and is
  noted on stderr with the JSON (which is the indication's contract and does not hold it);
- no such indication, a bad id or a bad option is an error with its exit code;
- a stored output that is not an indication is refused with the JSON path of what is wrong,
  and `--as-stored` still prints it."""
import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys

CASES = [  # tests/golden/<dir>: plain, refused, re-indication, split period
    "barendrecht/01-informal-asks-16-cap-27",
    "barendrecht/03-informal-above-cap",
    "haarlem/22-hh-reindication-8-to-3-hours",
    "someren/26-split-ho-points-2024-across-october",
]


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    for name in ("--billijk", "--rules", "--plugin-path", "--work", "--golden"):
        ap.add_argument(name, required=True)
    a = ap.parse_args()
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    env = dict(os.environ, BILLIJK_PSEUDONYM_KEY="show-test-key-0123456789abcdef")
    env.pop("BILLIJK_RULES", None)
    env.pop("BILLIJK_PLUGIN_PATH", None)
    engine = ["--rules", a.rules, "--plugin-path", a.plugin_path]

    def billijk(*args, expect=0):
        r = subprocess.run([a.billijk, *args], env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
        if r.returncode != expect:
            fail(f"billijk {' '.join(args)}: exit {r.returncode}, expected {expect}\n{r.stderr}")
        return r

    indicated = []  # per case: (text nl, text en, json)
    db = os.path.join(a.work, "indicate.db")
    for n, name in enumerate(CASES, start=1):
        case = os.path.join(a.golden, name, "case.json")
        texts = (billijk("indicate", case, *engine).stdout,
                 billijk("indicate", case, *engine, "--lang", "en").stdout,
                 billijk("indicate", case, *engine, "--format", "json").stdout)
        indicated.append(texts)
        stored = billijk("indicate", case, *engine, "--format", "json", "--store", "--db", db)
        if f"stored as indication {n}" not in stored.stderr:
            fail(f"{name}: not stored as indication {n}: {stored.stderr}")
        for args, expected in ((["show", str(n)], texts[0]), (["show", str(n), "--lang", "en"], texts[1]),
                               (["show", str(n), "--format", "json"], texts[2]),
                               (["show", str(n), "--as-stored"], texts[2])):
            shown = billijk(*args, "--db", db)
            if shown.stdout != expected:
                fail(f"{name}: billijk {' '.join(args)} differs from what indicate printed")
            if shown.stderr:
                fail(f"{name}: billijk {' '.join(args)} wrote to stderr: {shown.stderr}")

    # The same cases through `batch --store --no-explain`, one JSON line each.
    lines = os.path.join(a.work, "cases.jsonl")
    with open(lines, "w") as out:
        for name in CASES:
            with open(os.path.join(a.golden, name, "case.json")) as f:
                out.write(json.dumps(json.load(f)) + "\n")
    bare = os.path.join(a.work, "batch.db")
    billijk("batch", lines, "--out", os.path.join(a.work, "results.jsonl"), *engine, "--store",
            "--db", bare, "--no-explain")
    for n, name in enumerate(CASES, start=1):
        for args, expected in ((["show", str(n)], indicated[n - 1][0]),
                               (["show", str(n), "--format", "json"], indicated[n - 1][2])):
            shown = billijk(*args, "--db", bare)
            if shown.stdout != expected:
                fail(f"{name}: billijk {' '.join(args)} of a --no-explain row differs from indicate")
            if "recomputed with the stored rules and plugins" not in shown.stderr:
                fail(f"{name}: billijk show does not say the explanations were recomputed")
        as_stored = billijk("show", str(n), "--db", bare, "--as-stored").stdout
        if '"explanation"' in as_stored or as_stored.count("\n") != 1:
            fail(f"{name}: --as-stored of a batch row is not its one-line unexplained output")

    # A committee decision on indication 1: listed after the text, noted with the JSON.
    budget = json.loads(indicated[0][2])["provisions"][0]["budget"]
    if budget["amount"] == "7000.00" or budget["unit"] != "eur/year":
        fail(f"{CASES[0]}: the test's override assumes another budget than {budget}")
    billijk("decide", "1", "--override", "budget=7000.00", "--reason", "maatwerk: zwaardere zorg",
            "--date", "2017-06-15", "--db", db)
    # A reason typed in a Windows-1252 terminal (é as the byte 0xE9) is refused, nothing recorded:
    # the show below lists decision 1 only.
    latin1 = billijk("decide", "1", "--override", "budget=7100.00", "--reason",
                     "maatwerk: caf\udce9", "--db", db, expect=2).stderr
    if "--reason is not UTF-8 text (byte 0xE9 at position 14)" not in latin1:
        fail(f"decide with a reason that is not UTF-8: {latin1}")
    text = billijk("show", "1", "--db", db).stdout
    expected = (indicated[0][0] + "\nBesluiten van de commissie die van deze indicatie afwijken:\n"
                "  - besluit 1 van 2017-06-15:\n"
                f"      begeleiding_individueel budget: {budget['amount']} euro/jaar -> "
                "7000.00 euro/jaar\n      reden: maatwerk: zwaardere zorg\n")
    if text != expected:
        fail(f"show after decide:\n{text[-400:]}\nexpected the end:\n{expected[-400:]}")
    english = billijk("show", "1", "--db", db, "--lang", "en").stdout
    if not english.startswith(indicated[0][1]) or \
            f"  - decision 1 of 2017-06-15:\n      begeleiding_individueel budget: " \
            f"{budget['amount']} eur/year -> 7000.00 eur/year\n      reason: " not in english:
        fail(f"show --lang en after decide:\n{english[-400:]}")
    as_json = billijk("show", "1", "--db", db, "--format", "json")
    if as_json.stdout != indicated[0][2] or "decided otherwise on indication 1 (decision 1 of " \
            "2017-06-15)" not in as_json.stderr:
        fail(f"show --format json after decide: {as_json.stderr}")

    # Errors.
    if "error[S0107]" not in billijk("show", "99", "--db", db, expect=7).stderr:
        fail("show of a missing indication does not give S0107")
    billijk("show", "abc", "--db", db, expect=2)
    billijk("show", "1", "--db", db, "--format", "html", expect=2)
    billijk("show", "1", "--db", db, "--as-stored", "--lang", "en", expect=2)

    # A stored output that is JSON with explanations but not an indication (an edited row; the
    # audit chain would name it).
    con = sqlite3.connect(db)
    con.execute("UPDATE indications SET output = ?, output_encoding = 'identity' WHERE id = 2",
                (b'{"provisions": [{"explanation": {}}]}',))
    con.commit()
    con.close()
    damaged = billijk("show", "2", "--db", db, expect=7).stderr
    if "error[S0111]" not in damaged or "not a billijk.indication/1 document: schema: missing" \
            not in damaged or "--as-stored" not in damaged:
        fail(f"a damaged output is not refused with its path: {damaged}")
    if billijk("show", "2", "--db", db, "--as-stored").stdout != '{"provisions": [{"explanation": {}}]}\n':
        fail("--as-stored does not print a damaged output as it is")
    if billijk("audit", "verify", "--db", db, expect=1).returncode != 1:
        fail("audit verify does not find the edited row")
    print(f"show: {len(CASES)} indications shown as indicate printed them, from indicate --store "
          "and batch --store --no-explain; errors as documented")


if __name__ == "__main__":
    main()
