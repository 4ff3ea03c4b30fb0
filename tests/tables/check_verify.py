#!/usr/bin/env python3
"""Run `billijk tables verify` and check its exit code and output (tests/CMakeLists.txt).

    check_verify.py --billijk B --exit 1 --expect 'published-per-year.csv:12:' \
        --expect '- truncation (down) to cents of the end result' -- --table T --rule R ...

Every --expect must occur in stdout (or stderr with --stderr); --absent must not occur. The run is
repeated once to check that the output is byte-identical.
"""
import argparse
import subprocess
import sys


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--billijk", required=True)
    ap.add_argument("--exit", type=int, required=True)
    ap.add_argument("--expect", action="append", default=[])
    ap.add_argument("--absent", action="append", default=[])
    ap.add_argument("--stderr", action="store_true", help="match --expect against stderr")
    ap.add_argument("args", nargs=argparse.REMAINDER)
    opts = ap.parse_args()
    args = opts.args[1:] if opts.args[:1] == ["--"] else opts.args
    cmd = [opts.billijk, "tables", "verify", *args]
    runs = [subprocess.run(cmd, capture_output=True, text=True) for _ in range(2)]
    run = runs[0]
    failures = []
    if run.returncode != opts.exit:
        failures.append(f"exit {run.returncode}, expected {opts.exit}")
    if (runs[1].stdout, runs[1].stderr) != (run.stdout, run.stderr):
        failures.append("two runs gave different output")
    text = run.stderr if opts.stderr else run.stdout
    for want in opts.expect:
        if want not in text:
            failures.append(f"missing: {want!r}")
    for unwanted in opts.absent:
        if unwanted in text:
            failures.append(f"present but should not be: {unwanted!r}")
    if failures:
        print("command:", " ".join(cmd))
        print("--- stdout\n" + run.stdout + "--- stderr\n" + run.stderr)
        for f in failures:
            print("FAIL:", f)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
