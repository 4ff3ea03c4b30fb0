#!/usr/bin/env python3
"""billijk batch --out RESULTS.csv: a row per provision (or per line without an indication), in
input order, whose values are those of the JSON Lines output of the same run; byte-identical for
1 and 4 threads; with semicolons and decimal commas when the input CSV has them; the same with
--store, whose stored indications are those of a JSON Lines run."""
import csv
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import fail, generate, run, test_args  # noqa: E402

COLUMNS = ["line", "case_id", "provision", "status", "form", "quantity", "quantity_unit", "rate",
           "rate_unit", "budget", "budget_unit", "period_start", "period_end", "reasons",
           "fingerprint", "errors"]


def read_csv(path, delimiter):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f, delimiter=delimiter))


def expected_rows(jsonl_path, decimal):
    """The rows the CSV output must have, from the JSON Lines output of the same input."""
    rows = []
    with open(jsonl_path, encoding="utf-8") as f:
        for text in f:
            record = json.loads(text)
            if "errors" in record:
                errors = " | ".join(f"{e['id']} {e['message']}" for e in record["errors"])
                rows.append([str(record["line"])] + [""] * 14 + [errors])
                continue
            ind = record["indication"]
            for p in ind["provisions"]:
                def amount(key):
                    q = p.get(key)
                    return ([q["amount"].replace(".", decimal), q["unit"]] if q else ["", ""])
                reasons = [r["text_nl"] for r in p.get("reasons", [])]
                reasons += p.get("undetermined", [])
                rows.append([str(record["line"]), ind["case_id"], p["provision"], p["status"],
                             p.get("form", "")] + amount("quantity") + amount("rate") +
                            amount("budget") + [p["period"]["start"], p["period"]["end"],
                                                " | ".join(reasons), ind["fingerprint"], ""])
    return rows


def main():
    a = test_args()
    common = ["--rules", a.rules, "--plugin-path", a.plugin_path]
    cases = os.path.join(a.work, "cases.csv")
    generate(cases, 300, seed=17, fmt="csv", bad_every=29)

    reference = os.path.join(a.work, "reference.jsonl")
    r = run([a.billijk, "batch", cases, "--out", reference] + common)
    if r.returncode != 1:
        fail(f"the JSON Lines run: expected exit 1 (bad lines), got {r.returncode}: {r.stderr}")

    outputs = {}
    for threads in (1, 4):
        out = os.path.join(a.work, f"results-{threads}.csv")
        r = run([a.billijk, "batch", cases, "--out", out, "--threads", str(threads)] + common)
        if r.returncode != 1:
            fail(f"--threads {threads}: expected exit 1 (bad lines), got {r.returncode}: "
                 f"{r.stderr}")
        with open(out, "rb") as f:
            outputs[threads] = f.read()
    if outputs[1] != outputs[4]:
        fail("the CSV output differs between --threads 1 and --threads 4")
    rows = read_csv(os.path.join(a.work, "results-1.csv"), ",")
    if rows[0] != COLUMNS:
        fail(f"header: {rows[0]}")
    want = expected_rows(reference, ".")
    if rows[1:] != want:
        bad = next((i for i, (x, y) in enumerate(zip(rows[1:], want)) if x != y), None)
        fail(f"{len(rows) - 1} rows for {len(want)} expected; first difference at row "
             f"{bad}: {rows[1:][bad] if bad is not None else ''} vs "
             f"{want[bad] if bad is not None else ''}")
    if not any(row[3] == "refused" and row[13] for row in rows[1:]):
        fail("no refused row with its reasons: the test does not cover them")
    with open(reference, encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    errors = sum(1 for record in records if "errors" in record)
    if errors == 0 or sum(1 for row in rows[1:] if row[15]) != errors:
        fail(f"not one error row per bad line ({errors} in the JSON Lines output)")

    # Semicolons and decimal commas in, the same out.
    with open(cases, newline="", encoding="utf-8") as f:
        source = list(csv.reader(f))
    dutch = os.path.join(a.work, "dutch.csv")
    decimal_columns = {i for i, name in enumerate(source[0])
                       if name in ("rate", "need_amount") or
                       (name.startswith("need_") and name != "need_unit")}
    with open(dutch, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerow(source[0])
        for row in source[1:]:
            w.writerow([c.replace(".", ",") if i in decimal_columns else c
                        for i, c in enumerate(row)])
    dutch_out = os.path.join(a.work, "dutch-results.csv")
    r = run([a.billijk, "batch", dutch, "--out", dutch_out] + common)
    if r.returncode != 1:
        fail(f"semicolon input: expected exit 1, got {r.returncode}: {r.stderr}")
    dutch_rows = read_csv(dutch_out, ";")
    dutch_want = expected_rows(reference, ",")
    # The bad lines' messages quote their own cells, which differ in the Dutch file.
    strip = [row[:15] for row in dutch_rows[1:]], [row[:15] for row in dutch_want]
    if dutch_rows[0] != COLUMNS or strip[0] != strip[1]:
        fail("the semicolon input's CSV output is not the reference with decimal commas")
    if not any("," in row[9] for row in dutch_rows[1:]):
        fail("no budget with a decimal comma in the semicolon output")

    # With --store: the CSV for the people, the full indications in the store.
    db = os.path.join(a.work, "billijk.db")
    stored_out = os.path.join(a.work, "stored.csv")
    r = run([a.billijk, "batch", cases, "--out", stored_out, "--store", "--db", db] + common)
    if r.returncode != 1 or f"{len(records) - errors} indications stored" not in r.stderr:
        fail(f"--store with CSV output: exit {r.returncode}: {r.stderr}")
    with open(stored_out, "rb") as f:
        if f.read() != outputs[1]:
            fail("--store changed the CSV output")
    shown = run([a.billijk, "show", "1", "--db", db, "--format", "json"])
    first = next(record["indication"] for record in records if "indication" in record)
    if shown.returncode != 0 or json.loads(shown.stdout)["fingerprint"] != first["fingerprint"]:
        fail(f"the stored indication 1 is not the JSON Lines run's: {shown.stderr}")


if __name__ == "__main__":
    main()
    print("ok")
