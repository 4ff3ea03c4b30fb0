#!/usr/bin/env python3
"""Golden test runner: runs `billijk` on one golden directory and compares with its expectations.

Two kinds of directory:
  indicate     holds case.json. Runs `billijk indicate case.json --format json` and, when it
               succeeds, `--format text --lang nl` and `--lang en`; compares stdout with
               expected.json, expected.nl.txt, expected.en.txt, or (on failure) stderr with
               expected.stderr and the exit code with expected.exit. When case.json carries
               extra.expect (hand-calculated values), those are checked against the JSON output
               as well: the hand calculation guards the generated expectations.
  diagnostics  a rules root with malformed rule files. Runs `billijk check --rules .` in it and
               compares stderr with expected.txt and the exit code with expected.exit.
  lint         a rules root that checks but has lint findings (tests/golden/lint/). Runs
               `billijk lint --rules .` in it and compares stdout with expected.txt and the exit
               code with expected.exit (docs/diagnostics/lint.md).

With --plugin-path, indicate runs load the plugins from there. A plugin file's SHA-256 depends on
the compiler and the build directory, so when the indication lists plugins, their SHA-256 and the
fingerprint (which covers them) are replaced by 64 zeros before comparing (placeholders that the
JSON Schema still accepts).

BILLIJK_UPDATE_GOLDEN=1 rewrites the expectation files instead of comparing: review the diff
like code (git diff tests/golden) before committing it.
"""
import argparse
import difflib
import json
import os
import subprocess
import sys

ZEROS = "0" * 64
UPDATE = os.environ.get("BILLIJK_UPDATE_GOLDEN") == "1"


def run(cmd, cwd):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


# BILLIJK_UPDATE_GOLDEN=1: the expectation files to write, written by main() only when the run
# has no failure, so that a run failing its hand check never becomes an expectation.
PENDING_WRITES = []


def compare(path, actual, failures):
    if UPDATE:
        PENDING_WRITES.append((path, actual))
        return
    if not os.path.exists(path):
        failures.append(f"{path}: missing expectation (run with BILLIJK_UPDATE_GOLDEN=1 and review)")
        return
    with open(path, encoding="utf-8") as f:
        expected = f.read()
    if expected != actual:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            fromfile=path, tofile="actual"))
        failures.append(diff)


def check_hand_values(case, output, failures):
    """extra.expect: {"provisions": [{"provision", "status", "quantity", "rate", "budget",
    "reasons": [rule ids], "parts": [{"start", "end", "status", "quantity", "rate", "budget"}]}]}
    with amounts as "10.0 hours/week" strings, computed by hand. "parts" (a split period) lists
    every part in date order; a field left out of the hand values is not checked."""
    expect = case.get("extra", {}).get("expect")
    if not expect:
        return
    got = {p["provision"]: p for p in output.get("provisions", [])}
    for want in expect.get("provisions", []):
        name = want["provision"]
        have = got.get(name)
        if have is None:
            failures.append(f"hand check: provision {name} missing from the output")
            continue
        if "status" in want and have.get("status") != want["status"]:
            failures.append(f"hand check: {name}.status is {have.get('status')}, hand says {want['status']}")
        for field in ("quantity", "rate", "budget"):
            if field not in want:
                continue
            value = have.get(field)
            text = None if value is None else f"{value['amount']} {value['unit']}"
            if text != want[field]:
                failures.append(f"hand check: {name}.{field} is {text}, hand says {want[field]}")
        if "reasons" in want:
            rules = [r["rule"] for r in have.get("reasons", [])]
            if rules != want["reasons"]:
                failures.append(f"hand check: {name}.reasons are {rules}, hand says {want['reasons']}")
        if "parts" in want:
            check_parts(name, want["parts"], have.get("parts", []), failures)


def amount_text(value):
    return None if value is None else f"{value['amount']} {value['unit']}"


def check_parts(name, want_parts, have_parts, failures):
    if len(want_parts) != len(have_parts):
        failures.append(f"hand check: {name} has {len(have_parts)} parts, hand says {len(want_parts)}")
        return
    for i, (want, have) in enumerate(zip(want_parts, have_parts)):
        where = f"{name}.parts[{i}]"
        for field in ("start", "end"):
            if field in want and have["period"][field] != want[field]:
                failures.append(f"hand check: {where}.{field} is {have['period'][field]}, hand says {want[field]}")
        if "status" in want and have.get("status") != want["status"]:
            failures.append(f"hand check: {where}.status is {have.get('status')}, hand says {want['status']}")
        for field in ("quantity", "rate", "budget"):
            if field in want and amount_text(have.get(field)) != want[field]:
                failures.append(f"hand check: {where}.{field} is {amount_text(have.get(field))}, hand says {want[field]}")


def build_independent(text, output):
    """Replaces the build-dependent plugin hashes and the fingerprint by placeholders."""
    plugins = output.get("plugins", []) if isinstance(output, dict) else []
    if not plugins:
        return text
    for p in plugins:
        text = text.replace(p["sha256"], ZEROS)
    return text.replace(output["fingerprint"], "sha256:" + ZEROS)


def indicate(billijk, directory, rules, plugin_path, failures):
    with open(os.path.join(directory, "case.json"), encoding="utf-8") as f:
        raw = f.read()
    base = [billijk, "indicate", "case.json", "--rules", rules]
    if plugin_path:
        base += ["--plugin-path", plugin_path]
    code, out, err = run(base + ["--format", "json"], directory)
    if code != 0:
        compare(os.path.join(directory, "expected.stderr"), err, failures)
        compare(os.path.join(directory, "expected.exit"), f"{code}\n", failures)
        return
    if err:
        failures.append(f"unexpected stderr on success:\n{err}")
    output = json.loads(out)
    compare(os.path.join(directory, "expected.json"), build_independent(out, output), failures)
    for lang in ("nl", "en"):
        code, text, err = run(base + ["--format", "text", "--lang", lang], directory)
        if code != 0:
            failures.append(f"text ({lang}) failed with exit {code}: {err}")
        compare(os.path.join(directory, f"expected.{lang}.txt"), build_independent(text, output),
                failures)
    # Byte-identical output for identical input: run once more and compare.
    code, again, _ = run(base + ["--format", "json"], directory)
    if again != out:
        failures.append("second run gave different output: not reproducible")
    try:
        case = json.loads(raw)
    except json.JSONDecodeError:
        return
    check_hand_values(case, json.loads(out), failures)


def diagnostics(billijk, directory, failures):
    # A diagnostics directory is a whole rules root of its own: no plugin's package belongs in it
    # (an empty --plugin-path loads none).
    code, out, err = run([billijk, "check", "--rules", ".", "--plugin-path", ""], directory)
    compare(os.path.join(directory, "expected.txt"), err, failures)
    compare(os.path.join(directory, "expected.exit"), f"{code}\n", failures)
    if code == 0:
        failures.append("malformed rules were accepted (exit 0)")


def lint(billijk, directory, failures):
    # Like diagnostics: a rules root of its own, without the installed plugins' packages.
    code, out, err = run([billijk, "lint", "--rules", ".", "--plugin-path", ""], directory)
    compare(os.path.join(directory, "expected.txt"), out, failures)
    compare(os.path.join(directory, "expected.exit"), f"{code}\n", failures)
    if err:
        failures.append("unexpected stderr:\n" + err)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--billijk", required=True)
    ap.add_argument("--kind", choices=["indicate", "diagnostics", "lint"], required=True)
    ap.add_argument("--rules", help="rules root for indicate goldens")
    ap.add_argument("--plugin-path", help="plugin search path for indicate goldens")
    ap.add_argument("directory")
    args = ap.parse_args()
    failures = []
    if args.kind == "indicate":
        indicate(args.billijk, args.directory, os.path.abspath(args.rules), args.plugin_path,
                 failures)
    elif args.kind == "lint":
        lint(args.billijk, args.directory, failures)
    else:
        diagnostics(args.billijk, args.directory, failures)
    if failures:
        print("\n".join(failures))
        print(f"FAILED {args.directory}" + (" (nothing written)" if UPDATE else ""))
        return 1
    for path, text in PENDING_WRITES:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    print(f"{'updated' if UPDATE else 'ok'} {args.directory}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
