#!/usr/bin/env python3
"""Golden test of `billijk review` for one directory of tests/review/ (README.md there).

The directory holds a decisions file (decisions.jsonl or decisions.csv), `args` (extra command-line
arguments, one per line) and the expectations: expected.txt, expected.json, expected.csv (the
report in each format), expected.stderr (the line errors) and expected.exit (the exit code).
Each format is run twice and must be byte-identical; no output may contain the BSN of a case.
BILLIJK_UPDATE_GOLDEN=1 rewrites the expectations instead of comparing (review the diff).
"""
import argparse
import os
import pathlib
import subprocess
import sys
import tempfile

BSNS = ["111222333"]  # the BSNs the fixtures use: they must never appear in a report


def run(billijk, directory, decisions, extra, fmt):
    cmd = [billijk, "review", decisions.name, "--format", fmt] + extra
    return subprocess.run(cmd, capture_output=True, cwd=directory, timeout=120)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--billijk", required=True)
    ap.add_argument("--rules", required=True)
    ap.add_argument("directory")
    a = ap.parse_args()
    d = pathlib.Path(a.directory).resolve()
    a.billijk = str(pathlib.Path(a.billijk).resolve())
    decisions = d / "decisions.jsonl"
    if not decisions.exists():
        decisions = d / "decisions.csv"
    # The fixed test rules only: no municipality plugin (whose rule sources need the real rules).
    holder = tempfile.TemporaryDirectory(prefix="billijk-review-")  # removed at exit
    no_plugins = holder.name
    extra = ["--rules", str(pathlib.Path(a.rules).resolve()), "--plugin-path", no_plugins]
    if (d / "args").exists():
        extra += [line for line in (d / "args").read_text().splitlines() if line.strip()]
    update = os.environ.get("BILLIJK_UPDATE_GOLDEN") == "1"
    failures = []
    results = {}
    for fmt, suffix in [("text", "txt"), ("json", "json"), ("csv", "csv")]:
        first = run(a.billijk, d, decisions, extra, fmt)
        second = run(a.billijk, d, decisions, extra, fmt)
        if first.stdout != second.stdout or first.stderr != second.stderr:
            failures.append(f"{fmt}: two runs differ")
        for bsn in BSNS:
            if bsn.encode() in first.stdout or bsn.encode() in first.stderr:
                failures.append(f"{fmt}: output contains a BSN in clear")
        results[suffix] = first.stdout
        results["stderr"] = first.stderr
        results["exit"] = f"{first.returncode}\n".encode()
        if first.returncode >= 70:
            failures.append(f"{fmt}: internal error: {first.stderr.decode()}")
    for name, data in results.items():
        path = d / f"expected.{name}"
        if update:
            path.write_bytes(data)
            continue
        want = path.read_bytes() if path.exists() else b""
        if want != data:
            failures.append(f"{path.name} differs:\n--- expected\n{want.decode()}\n--- actual\n"
                            f"{data.decode()}")
    if failures:
        print("\n".join(failures))
        return 1
    print(f"{d.name}: ok" + (" (updated)" if update else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
