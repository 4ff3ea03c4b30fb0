#!/usr/bin/env python3
"""The Barendrecht audit example (examples/review/barendrecht-audit.jsonl) under the real rules
and plugin: `billijk review --equal-cases` must find every seeded unequal pair with the requested
rate as its driver, every seeded compromise as a quantity deviation, no unequal group without a
seeded decision in it, exit 1, and no BSN of the file in any of its outputs.
"""
import argparse
import json
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--billijk", required=True)
    ap.add_argument("--rules", required=True)
    ap.add_argument("--plugin-path", required=True)
    ap.add_argument("decisions")
    a = ap.parse_args()
    lines = [json.loads(x) for x in open(a.decisions, encoding="utf-8") if x.strip()]
    seeded = {d["decision_id"]: d["extra"]["seeded"] for d in lines if "extra" in d}
    bsns = {d["case"]["client"]["bsn"] for d in lines}
    base = [a.billijk, "review", a.decisions, "--equal-cases", "--rules", a.rules,
            "--plugin-path", a.plugin_path]
    outputs = {f: subprocess.run(base + ["--format", f], capture_output=True)
               for f in ("text", "json", "csv", "html")}
    bad = []
    for f, r in outputs.items():
        if r.returncode != 1:
            bad.append(f"{f}: exit {r.returncode}, expected 1: {r.stderr.decode()[:2000]}")
        for bsn in bsns:
            if bsn.encode() in r.stdout or bsn.encode() in r.stderr:
                bad.append(f"{f}: a BSN appears in clear")
    report = json.loads(outputs["json"].stdout)
    groups = report.get("equal_cases", [])
    in_group = {}
    for g in groups:
        ids = [m["decision_id"] for m in g["members"]]
        if not any(i in seeded for i in ids):
            bad.append(f"unequal group without a seeded decision: {ids}")
        for i in ids:
            in_group[i] = g
    for did, why in sorted(seeded.items()):
        if why.startswith("unequal-pair"):
            g = in_group.get(did)
            if not g:
                bad.append(f"{did} ({why}) is in no unequal group")
            elif "request.rate" not in [d["input"] for d in g["drivers"]]:
                bad.append(f"{did} ({why}): request.rate is not named as a driver")
        elif why.startswith("compromise"):
            d = next(x for x in report["decisions"] if x["decision_id"] == did)
            if not any(f["field"] == "quantity" and f["verdict"] == "deviation"
                       for f in d["fields"]):
                bad.append(f"{did} ({why}) has no quantity deviation")
    if bad:
        print("\n".join(bad))
        return 1
    print(f"barendrecht example: {len(groups)} unequal groups, all {len(seeded)} seeded "
          "decisions found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
