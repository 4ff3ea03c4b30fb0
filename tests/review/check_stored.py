#!/usr/bin/env python3
"""A review kept in the store is shown again as it was printed (`billijk review --show N`).

Reviews the seeded decisions with --store, then shows review 1 in every format: the bytes must
equal those `billijk review` printed for the same file and options (JSON: the stored report,
whose hash the audit log holds), and stderr says what was reviewed and when it was recorded (the
time of its audit entry). Also: an unknown review is S0113 (exit 7); a report edited in
the database is refused with S0114 (exit 7), whether its hash column was left alone or made to
match; --show with options that belong to a new review is a usage error (exit 2); a decisions
file whose name is not UTF-8 is stored with the name's odd bytes escaped; a review of decisions
with semicolons (a Dutch spreadsheet) is shown again with the same semicolon CSV.
"""
import argparse
import hashlib
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--billijk", required=True)
    ap.add_argument("--rules", required=True)
    ap.add_argument("decisions")
    a = ap.parse_args()
    bad = []

    def run(*args, expect):
        r = subprocess.run([a.billijk, *args], capture_output=True)
        if r.returncode != expect:
            bad.append(f"{' '.join(args)}: exit {r.returncode}, expected {expect}: "
                       f"{r.stderr.decode()[:1000]}")
        return r

    review = ["review", a.decisions, "--rules", a.rules, "--plugin-path", "",
              "--equal-cases", "--tolerance", "budget=1.00"]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "billijk.db"
        stored = run(*review, "--store", "--db", str(db), expect=1)
        if b"stored as review 1" not in stored.stderr:
            bad.append(f"review --store printed no id: {stored.stderr.decode()}")
        with sqlite3.connect(db) as sql:
            recorded_at = sql.execute("SELECT recorded_at FROM audit_log WHERE kind = 'review' "
                                      "AND subject = 'review 1'").fetchone()[0]
        if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", recorded_at):
            bad.append(f"the review's audit entry has no UTC time: {recorded_at!r}")
        for fmt in ("text", "json", "csv", "html"):
            printed = run(*review, "--format", fmt, expect=1).stdout
            shown = run("review", "--show", "1", "--db", str(db), "--format", fmt, expect=0)
            if shown.stdout != printed:
                bad.append(f"--show 1 --format {fmt} differs from what review printed")
            if b"review 1: 8 decisions in decisions.jsonl" not in shown.stderr:
                bad.append(f"--show 1 --format {fmt} did not say what was reviewed: "
                           f"{shown.stderr.decode()}")
            if f"; recorded at {recorded_at}\n".encode() not in shown.stderr:
                bad.append(f"--show 1 --format {fmt} did not say when it was recorded "
                           f"({recorded_at}): {shown.stderr.decode()}")
        out = Path(tmp) / "review1.html"
        run("review", "--show", "1", "--db", str(db), "--format", "html", "--output", str(out),
            expect=0)
        if out.read_bytes() != run(*review, "--format", "html", expect=1).stdout:
            bad.append("--show 1 --output FILE wrote something else than review printed")
        with sqlite3.connect(db) as sql:
            report = bytes(sql.execute("SELECT report FROM reviews WHERE id = 1").fetchone()[0])
        if run("review", "--show", "1", "--db", str(db), "--format", "json",
               expect=0).stdout != report:
            bad.append("--show 1 --format json is not the stored report")

        missing = run("review", "--show", "2", "--db", str(db), expect=7)
        if b"error[S0113]" not in missing.stderr or b"there is no review 2" not in missing.stderr:
            bad.append(f"an unknown review: {missing.stderr.decode()}")

        # The report made to look clean: first without touching its hash, then with a hash
        # that matches the edited bytes (the counts beside it still disagree).
        clean = report.replace(b'"verdict": "deviation"', b'"verdict": "equal"')
        clean = clean.replace(b'"finding": true', b'"finding": false')
        for name, digest in (("stale", None), ("matching", hashlib.sha256(clean).hexdigest())):
            copy = Path(tmp) / f"{name}.db"
            shutil.copy(db, copy)
            with sqlite3.connect(copy) as sql:
                if digest is None:
                    sql.execute("UPDATE reviews SET report = ? WHERE id = 1", (clean,))
                else:
                    sql.execute("UPDATE reviews SET report = ?, report_sha256 = ? WHERE id = 1",
                                (clean, digest))
            edited = run("review", "--show", "1", "--db", str(copy), expect=7)
            if b"error[S0114]" not in edited.stderr or edited.stdout:
                bad.append(f"an edited report ({name} hash) was shown or not refused with "
                           f"S0114: {edited.stderr.decode()}")

        # A decisions file whose name is not UTF-8 (é as the byte 0xE9, as a Windows-1252 system
        # writes it): stored, its name kept with the byte escaped.
        latin1 = Path(tmp) / "besluit\udce9.jsonl"
        shutil.copy(a.decisions, latin1)
        name_db = Path(tmp) / "name.db"
        run("review", str(latin1), "--rules", a.rules, "--plugin-path", "", "--store", "--db",
            str(name_db), expect=1)
        named = run("review", "--show", "1", "--db", str(name_db), expect=0)
        if b"8 decisions in besluit\\xE9.jsonl" not in named.stderr:
            bad.append(f"a file name that is not UTF-8: {named.stderr.decode()}")

        # Decisions saved by a spreadsheet in a Dutch locale (semicolons, decimal commas): the
        # CSV report is in that dialect, and --show gives it again from the stored options.
        dutch = Path(a.decisions).resolve().parent.parent / "csv-semicolons" / "decisions.csv"
        dutch_db = Path(tmp) / "dutch.db"
        dutch_review = ["review", str(dutch), "--rules", a.rules, "--plugin-path", "",
                        "--equal-cases", "--format", "csv"]
        printed = run(*dutch_review, "--store", "--db", str(dutch_db), expect=1).stdout
        shown = run("review", "--show", "1", "--db", str(dutch_db), "--format", "csv", expect=0)
        if not printed.startswith(b"record;group;line;") or b"7000,50 eur/year" not in printed:
            bad.append(f"a semicolon decisions file gave another CSV dialect: {printed[:200]}")
        if shown.stdout != printed:
            bad.append("--show of a semicolon review's CSV differs from what review printed")
        if b'"csv_separator":";"' not in shown.stderr:
            bad.append(f"the semicolon review's options: {shown.stderr.decode()}")
        if b"csv_separator" in run("review", "--show", "1", "--db", str(db), expect=0).stderr:
            bad.append("a review of JSON Lines decisions recorded a CSV separator")

        for extra in (["--lang", "en"], ["--equal-cases"], ["--store"], [a.decisions],
                      ["--rules", a.rules]):
            run("review", "--show", "1", "--db", str(db), *extra, expect=2)
        run("review", "--show", "one", "--db", str(db), expect=2)

    for b in bad:
        print("FAIL:", b)
    if bad:
        sys.exit(1)
    print("stored review shown as printed in every format; unknown and edited reviews refused")


if __name__ == "__main__":
    main()
