#!/usr/bin/env python3
"""billijk batch without the store: output in input order and byte-identical for 1 and 4 threads,
one line per input line carrying its line number, the same indication as `indicate --format json`,
bad lines reported on stderr and written as error records (exit 1), CSV input giving the same
provisions as the JSON Lines input (also with a byte order mark, and with semicolons and decimal
commas as a spreadsheet in a Dutch locale saves it), a BSN that lost its leading zero, a date a
spreadsheet re-wrote as day-month-year, --no-explain, usage and header errors."""
import csv
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import fail, generate, run, test_args  # noqa: E402


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().splitlines()


def main():
    a = test_args()
    common = ["--rules", a.rules, "--plugin-path", a.plugin_path]
    cases = os.path.join(a.work, "cases.jsonl")
    generate(cases, 400, seed=11, bad_every=37)
    inputs = read_lines(cases)

    outputs = {}
    for threads in (1, 4):
        out = os.path.join(a.work, f"out-{threads}.jsonl")
        r = run([a.billijk, "batch", cases, "--out", out, "--threads", str(threads)] + common)
        if r.returncode != 1:
            fail(f"--threads {threads}: expected exit 1 (some lines failed), got {r.returncode}: {r.stderr}")
        with open(out, "rb") as f:
            outputs[threads] = f.read()
        if "cases.jsonl:37: error[" not in r.stderr:
            fail("the bad line 37 is not reported with its line number:\n" + r.stderr)
        if "400 read, 390 indicated" not in r.stderr or "10 errors" not in r.stderr:
            fail("summary counts wrong:\n" + r.stderr)
    if outputs[1] != outputs[4]:
        fail("output differs between --threads 1 and --threads 4")
    lines = outputs[1].decode().splitlines()
    if len(lines) != len(inputs):
        fail(f"{len(lines)} output lines for {len(inputs)} input lines")
    for n, line in enumerate(lines, 1):
        record = json.loads(line)
        if record["line"] != n:
            fail(f"output line {n} carries line {record['line']}")
        if (n % 37 == 0) != ("errors" in record):
            fail(f"line {n}: error record expected only for every 37th line: {line[:200]}")
        if "errors" in record and not record["errors"][0]["id"]:
            fail(f"line {n}: error without id")
        if " " in line.split('"', 1)[0] or "\n" in line:
            fail(f"line {n} is not compact")

    # The same indication as `billijk indicate --format json` on that case.
    for n in (1, 2, 3, 50):
        one = os.path.join(a.work, f"case-{n}.json")
        with open(one, "w") as f:
            f.write(inputs[n - 1])
        r = run([a.billijk, "indicate", one, "--format", "json"] + common)
        if r.returncode != 0:
            fail(f"indicate case {n}: {r.stderr}")
        if json.loads(r.stdout) != json.loads(lines[n - 1])["indication"]:
            fail(f"line {n}: batch output differs from billijk indicate --format json")

    # --no-explain: the same lines without explanations.
    out = os.path.join(a.work, "out-noexplain.jsonl")
    r = run([a.billijk, "batch", cases, "--out", out, "--threads", "2", "--no-explain"] + common)
    if r.returncode != 1:
        fail(f"--no-explain: exit {r.returncode}: {r.stderr}")
    for full, short in zip(lines, read_lines(out)):
        full, short = json.loads(full), json.loads(short)
        if "indication" not in full:
            continue
        if "explanation" in json.dumps(short):
            fail("--no-explain output still has an explanation")
        for p in full["indication"]["provisions"]:
            del p["explanation"]
        if full != short:
            fail(f"--no-explain changes more than the explanations on line {full['line']}")

    # CSV input: the same provisions as the JSON Lines input (the household is written without
    # "overloaded", so the canonical case and the fingerprint differ).
    clean = os.path.join(a.work, "clean.jsonl")
    clean_csv = os.path.join(a.work, "clean.csv")
    generate(clean, 120, seed=5)
    generate(clean_csv, 120, seed=5, fmt="csv")
    outs = []
    for path in (clean, clean_csv):
        out = path + ".out"
        r = run([a.billijk, "batch", path, "--out", out, "--threads", "2"] + common)
        if r.returncode != 0:
            fail(f"{os.path.basename(path)}: expected exit 0, got {r.returncode}: {r.stderr}")
        outs.append([json.loads(x) for x in read_lines(out)])
    for j, c in zip(outs[0], outs[1]):
        if j["indication"]["provisions"] != c["indication"]["provisions"]:
            fail(f"CSV line {c['line']} gives other provisions than JSON line {j['line']}")
        if c["line"] != j["line"] + 1:  # the CSV header is line 1
            fail(f"CSV line numbers are off: {c['line']} vs {j['line']}")

    # Saved as a spreadsheet's "CSV UTF-8", the file starts with a byte order mark: it is not
    # part of the first column's name, and the results are those of the file without it.
    bom_csv = os.path.join(a.work, "bom.csv")
    with open(clean_csv, "rb") as f, open(bom_csv, "wb") as g:
        g.write(b"\xef\xbb\xbf" + f.read())
    r = run([a.billijk, "batch", bom_csv, "--out", bom_csv + ".out", "--threads", "2"] + common)
    if r.returncode != 0:
        fail(f"CSV with a byte order mark: expected exit 0, got {r.returncode}: {r.stderr}")
    elif read_lines(bom_csv + ".out") != read_lines(clean_csv + ".out"):
        fail("CSV with a byte order mark: other results than the same file without it")

    # A spreadsheet in a Dutch locale saves CSV with semicolons between fields and a decimal
    # comma: the same results as the comma file. A point in a decimal cell of such a file could
    # be a thousands separator: that line is an error record naming the column.
    with open(clean_csv, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    decimal_columns = {i for i, name in enumerate(rows[0])
                       if name in ("rate", "need_amount") or
                       (name.startswith("need_") and name != "need_unit")}
    dutch_csv = os.path.join(a.work, "dutch.csv")

    def write_dutch(point_in_rate_of=None):
        with open(dutch_csv, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, delimiter=";", lineterminator="\r\n")
            w.writerow(rows[0])
            for n, row in enumerate(rows[1:], start=1):
                w.writerow([c if i not in decimal_columns or
                            (n == point_in_rate_of and i == rate) else c.replace(".", ",")
                            for i, c in enumerate(row)])

    rate = rows[0].index("rate")
    write_dutch()
    with open(dutch_csv, encoding="utf-8") as f:
        if "," not in f.read().split("\n", 1)[1]:
            fail("the Dutch CSV has no decimal comma to read")
    r = run([a.billijk, "batch", dutch_csv, "--out", dutch_csv + ".out"] + common)
    if r.returncode != 0:
        fail(f"semicolon CSV: expected exit 0, got {r.returncode}: {r.stderr}")
    elif read_lines(dutch_csv + ".out") != read_lines(clean_csv + ".out"):
        fail("semicolon CSV: other results than the same cases with commas")
    dotted = next(n for n, row in enumerate(rows) if n > 0 and "." in row[rate])
    write_dutch(point_in_rate_of=dotted)
    r = run([a.billijk, "batch", dutch_csv, "--out", dutch_csv + ".out"] + common)
    if r.returncode != 1 or f"dutch.csv:{dotted + 1}: error[B0003]: column rate: " \
            f"'{rows[dotted][rate]}': in a file with semicolons" not in r.stderr:
        fail(f"a point in a semicolon CSV: exit {r.returncode}: {r.stderr}")

    # A spreadsheet that took the BSN for a number dropped its leading zero: the error says so,
    # without repeating the digits.
    zeros_csv = os.path.join(a.work, "zeros.csv")
    bsn = rows[0].index("bsn")
    short = rows[1][bsn][1:]
    with open(zeros_csv, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerows([rows[0], rows[1][:bsn] + [short] + rows[1][bsn + 1:], rows[2]])
    r = run([a.billijk, "batch", zeros_csv, "--out", zeros_csv + ".out"] + common)
    if r.returncode != 1 or "zeros.csv:2: error[B0003]: column bsn: 8 digits, a BSN has 9: " \
            "a spreadsheet drops the leading zeros" not in r.stderr or short in r.stderr:
        fail(f"a BSN without its leading zero: exit {r.returncode}: {r.stderr}")
    # Five digits were mistyped, not shortened by a spreadsheet: the case reader's own message.
    with open(zeros_csv, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerows([rows[0], rows[1][:bsn] + [short[:5]] + rows[1][bsn + 1:], rows[2]])
    r = run([a.billijk, "batch", zeros_csv, "--out", zeros_csv + ".out"] + common)
    if r.returncode != 1 or "client.bsn: expected 9 digits, found 5 digits" not in r.stderr or \
            "leading zeros" in r.stderr:
        fail(f"a BSN of five digits: exit {r.returncode}: {r.stderr}")

    # A spreadsheet in a Dutch locale re-writes the dates it recognises as day-month-year: not
    # turned round (1-6-2017 is January in another locale), but said so, per column.
    dates_csv = os.path.join(a.work, "dates.csv")
    birth = rows[0].index("birth_date")
    y, m, d = rows[1][birth].split("-")
    with open(dates_csv, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerows([rows[0], rows[1][:birth] + [f"{int(d)}-{int(m)}-{y}"] + rows[1][birth + 1:],
                     rows[2]])
    r = run([a.billijk, "batch", dates_csv, "--out", dates_csv + ".out"] + common)
    if r.returncode != 1 or "dates.csv:2: error[B0003]: column birth_date: a date written " \
            "day-month-year" not in r.stderr or "2 read, 1 indicated" not in r.stderr:
        fail(f"a day-month-year date: exit {r.returncode}: {r.stderr}")
    # The same in a household member's birth date, which names the member, not the date.
    household = rows[0].index("household")

    def with_household(cell):  # the first case with this household cell, and the second as is
        with open(dates_csv, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerows([rows[0], rows[1][:household] + [cell] + rows[1][household + 1:],
                         rows[2]])
        return run([a.billijk, "batch", dates_csv, "--out", dates_csv + ".out"] + common)

    r = with_household("child;parent:1-1-1980:overloaded")
    if r.returncode != 1 or "dates.csv:2: error[B0003]: column household: member 2 (parent): " \
            "birth date: a date written day-month-year" not in r.stderr or \
            "1-1-1980" in r.stderr or "2 read, 1 indicated" not in r.stderr:
        fail(f"a day-month-year household birth date: exit {r.returncode}: {r.stderr}")
    # A member with two birth dates: named by place and role, its dates not repeated.
    r = with_household("parent:1980-01-01:1981-02-02")
    if r.returncode != 1 or "column household: member 1 (parent): part 3 is neither its one " \
            "birth date nor 'overloaded'" not in r.stderr or "1980-01-01" in r.stderr:
        fail(f"a household member with two birth dates: exit {r.returncode}: {r.stderr}")

    # A bad CSV record is an error record; a bad header stops the run (exit 3).
    bad_csv = os.path.join(a.work, "bad.csv")
    generate(bad_csv, 30, seed=3, fmt="csv", bad_every=10)
    r = run([a.billijk, "batch", bad_csv, "--out", bad_csv + ".out"] + common)
    if r.returncode != 1 or "bad.csv:11: error[" not in r.stderr:
        fail(f"bad CSV record: exit {r.returncode}: {r.stderr}")
    # A spreadsheet saved as Windows-1252: the line with a non-UTF-8 cell is an error record
    # naming the column; the lines around it are indicated.
    latin = os.path.join(a.work, "latin1.csv")
    with open(clean_csv, "rb") as f:
        rows = f.read().split(b"\n")
    rows[2] = rows[2].replace(b",GM0489,", b",GM0489 Barendrecht \xe9,", 1)
    with open(latin, "wb") as f:
        f.write(b"\n".join(rows[:4]) + b"\n")
    r = run([a.billijk, "batch", latin, "--out", latin + ".out"] + common)
    if r.returncode != 1 or "latin1.csv:3: error[B0003]: column municipality: is not UTF-8" \
            not in r.stderr or "3 read, 2 indicated" not in r.stderr:
        fail(f"non-UTF-8 CSV cell: exit {r.returncode}: {r.stderr}")
    header = os.path.join(a.work, "header.csv")
    with open(header, "w") as f:
        f.write("case_id,provsion\nX,Y\n")
    r = run([a.billijk, "batch", header, "--out", header + ".out"] + common)
    if r.returncode != 3 or "column provsion: unknown column" not in r.stderr:
        fail(f"bad CSV header: exit {r.returncode}: {r.stderr}")
    with open(header, "wb") as f:
        f.write(b"case_id,provisi\xe9n\nX,Y\n")
    r = run([a.billijk, "batch", header, "--out", header + ".out"] + common)
    if r.returncode != 3 or "error[B0002]: the name of column 2 is not UTF-8 text" not in r.stderr:
        fail(f"CSV header not in UTF-8: exit {r.returncode}: {r.stderr}")

    # Usage errors and an unreadable input.
    r = run([a.billijk, "batch", cases] + common)
    if r.returncode != 2:
        fail(f"without --out: exit {r.returncode}")
    r = run([a.billijk, "batch", cases, "--out", out, "--threads", "0"] + common)
    if r.returncode != 2:
        fail(f"--threads 0: exit {r.returncode}")
    r = run([a.billijk, "batch", os.path.join(a.work, "missing.jsonl"), "--out", out] + common)
    if r.returncode != 3 or "cannot open the input" not in r.stderr:
        fail(f"missing input: exit {r.returncode}: {r.stderr}")
    r = run([a.billijk, "batch", cases, "--out", out, "--db", "x.db"] + common)
    if r.returncode != 2:
        fail(f"--db without --store: exit {r.returncode}")
    print("batch basic: all checks passed")


if __name__ == "__main__":
    main()
