#!/usr/bin/env python3
"""Tests of `billijk golden run` on a private copy of one golden case (tests/CMakeLists.txt).

Scenarios (--scenario):
  stale       expected.json's budget and its explanation node tampered: exit 1, the value diff names the field with the
              tampered and the real amount, and the explanation diff names the changed node;
              then --update rewrites exactly expected.json and the next run passes (exit 0).
  hand        case.json's hand-calculated budget tampered: exit 1 with a HAND CHECK line, and
              --update refuses (exit 1) and leaves every expectation file as it was.
  malformed   extra.expect budget is a number, not a string: exit 3, naming the file and field.
  missing     a case directory that does not exist: exit 2, naming it.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys


def run(args, billijk, rules, plugin_path):
    cmd = [billijk, "golden", "run", "--rules", rules, "--plugin-path", plugin_path] + args
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def expect(condition, message, out="", err=""):
    if not condition:
        print(f"FAILED: {message}\n--- stdout\n{out}\n--- stderr\n{err}")
        sys.exit(1)


def snapshot(directory):
    return {name: open(os.path.join(directory, name), "rb").read()
            for name in sorted(os.listdir(directory))}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--billijk", required=True)
    ap.add_argument("--rules", required=True)
    ap.add_argument("--plugin-path", required=True)
    ap.add_argument("--case", required=True, help="a golden case directory to copy")
    ap.add_argument("--work", required=True, help="scratch directory (recreated)")
    ap.add_argument("--scenario", required=True,
                    choices=["stale", "hand", "malformed", "missing"])
    a = ap.parse_args()
    shutil.rmtree(a.work, ignore_errors=True)
    copy = os.path.join(a.work, os.path.basename(a.case))
    shutil.copytree(a.case, copy)
    go = lambda *args: run(list(args), a.billijk, a.rules, a.plugin_path)

    code, out, err = go(copy)
    expect(code == 0, "the untouched copy passes", out, err)

    if a.scenario == "stale":
        path = os.path.join(copy, "expected.json")
        data = json.load(open(path, encoding="utf-8"))
        real = data["provisions"][0]["budget"]["amount"]
        data["provisions"][0]["budget"]["amount"] = "1.00"
        unit = data["provisions"][0]["budget"]["unit"]

        def tamper(node):  # the explanation node of the budget, as if computed by older rules
            if node.get("value") == f"{real} {unit}":
                node["value"] = f"1.00 {unit}"
                return True
            return any(tamper(kid) for kid in node.get("inputs", []))
        expect(tamper(data["provisions"][0]["explanation"]), "the budget has a node")
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        code, out, err = go(copy)
        name = data["provisions"][0]["provision"]
        expect(code == 1, "a tampered expectation fails with exit 1", out, err)
        expect(f"FAIL {copy}" in out, "the case is reported as FAIL", out, err)
        expect(f"{name}.budget: 1.00 eur/year → {real} eur/year" in out,
               "the value diff names the field, old and new", out, err)
        expect("explanation of" in out and "value: 1.00 eur/year → " in out,
               "the explanation diff names the changed node", out, err)
        expect("HAND CHECK" not in out, "a stale expectation is no hand-check failure", out, err)
        code, out, err = go("--update", copy)
        expect(code == 0, "--update accepts the run", out, err)
        expect(f"wrote {copy}/expected.json" in out and out.count("wrote ") == 1,
               "--update writes exactly expected.json", out, err)
        code, out, err = go(copy)
        expect(code == 0 and f"PASS {copy}" in out, "after --update the case passes", out, err)
    elif a.scenario == "hand":
        path = os.path.join(copy, "case.json")
        data = json.load(open(path, encoding="utf-8"))
        data["extra"]["expect"]["provisions"][0]["budget"] = "1.00 eur/year"
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        code, out, err = go(copy)
        expect(code == 1, "a hand-check mismatch fails with exit 1", out, err)
        expect("HAND CHECK:" in out and "hand says 1.00 eur/year" in out,
               "the hand-check mismatch is reported distinctly", out, err)
        before = snapshot(copy)
        code, out, err = go("--update", copy)
        expect(code == 1, "--update refuses a run that fails its hand check", out, err)
        expect("not updated:" in out and "wrote " not in out, "nothing is written", out, err)
        expect(snapshot(copy) == before, "no file changed", out, err)
    elif a.scenario == "malformed":
        path = os.path.join(copy, "case.json")
        data = json.load(open(path, encoding="utf-8"))
        data["extra"]["expect"]["provisions"][0]["budget"] = 1
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        code, out, err = go(copy)
        expect(code == 3, "a malformed extra.expect is an input error (exit 3)", out, err)
        expect(f"{copy}/case.json: extra.expect.provisions[0].budget" in err,
               "the error names the file and the field", out, err)
    else:
        code, out, err = go(os.path.join(a.work, "no-such-case"))
        expect(code == 2, "a missing case is a usage error (exit 2)", out, err)
        expect("no-such-case: no such case file or directory" in err, "it is named", out, err)
    print(f"ok {a.scenario}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
