#!/usr/bin/env python3
"""Checks Billijk against an independent exact computation and prints the peers side by side.

    bench/peers/compare.py --cases cases.jsonl --timings timings.jsonl [--reference PEER]

timings.jsonl has one JSON line per run ({"peer", "cases", "seconds", "results"}), as every peer
prints it; "results" is its "id,rate,budget" file. The reference row, against which every ratio
and "differ from Billijk" is computed, is the run named PEER: by default Billijk's standalone
package with explanations on, "billijk, same decision, explanations on", because it computes
exactly the peers' decision (the "within the BAR layers" rows also pass the national layer's
customary care and refusal grounds). The exact computation uses Python's decimal module
(ROUND_HALF_UP), apart from every engine. Exit status 1 when any Billijk run differs from it on
any case.
"""
import argparse
import json
import sys
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
REFERENCE = "billijk, same decision, explanations on"


def exact(case):
    """informal rate = min(asked, round_half_up(60% x price)); budget = round_half_up(rate x hours x 52)."""
    cap = (Decimal(case["price"]) * Decimal("0.6")).quantize(CENT, rounding=ROUND_HALF_UP)
    rate = min(Decimal(case["asked"]), cap)
    budget = (rate * Decimal(case["hours"]) * 52).quantize(CENT, rounding=ROUND_HALF_UP)
    return rate, budget


def read_cases(path):
    with open(path, encoding="ascii") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_results(path):
    """id -> (rate, budget) as Decimal, or None where the peer gave no number."""
    out = {}
    with open(path, encoding="ascii") as f:
        for line in f:
            cid, rate, budget = line.rstrip("\n").split(",")
            try:
                out[cid] = (Decimal(rate), Decimal(budget))
            except InvalidOperation:
                out[cid] = None
    return out


def differing(results, reference):
    """Cases whose rate or budget is off by a cent or more (or missing) against `reference`."""
    n = 0
    for cid, ref in reference.items():
        got = results.get(cid)
        if got is None or abs(got[0] - ref[0]) >= CENT or abs(got[1] - ref[1]) >= CENT:
            n += 1
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", required=True)
    ap.add_argument("--timings", required=True)
    ap.add_argument("--reference", default=REFERENCE,
                    help=f"the run the ratios are computed against (default: {REFERENCE!r})")
    args = ap.parse_args()
    cases = read_cases(args.cases)
    truth = {c["id"]: exact(c) for c in cases}
    with open(args.timings, encoding="utf-8") as f:
        runs = [json.loads(line) for line in f if line.strip().startswith("{")]
    ref = next((r for r in runs if r["peer"] == args.reference), None)
    if ref is None:
        print(f"compare.py: no run {args.reference!r} in {args.timings}")
        return 2
    billijk = read_results(ref["results"])
    # Every Billijk run must be exact, with explanations or without.
    billijk_runs = [r for r in runs if r["peer"].startswith("billijk")]
    wrong = max(differing(read_results(r["results"]), truth) for r in billijk_runs)
    ties = sum(1 for c in cases if (exact(c)[0] * Decimal(c["hours"]) * 52 * 200) % 2 == 1)
    print(f"{len(cases)} cases; {ties} with rate x hours x 52 exactly halfway between two cents")
    print(f"Billijk vs exact (Python decimal, ROUND_HALF_UP), worst of {len(billijk_runs)} Billijk"
          f" runs: {wrong} cases differ"
          + ("" if wrong else " - exact on every case"))
    print()
    print(f"| {'run':<50} | {'cases/s CPU':>11} | {'cases/s wall':>12} | {'Billijk x':>9} |"
          f" {'differ from Billijk':>19} | {'differ from exact':>17} |")
    print(f"|{'-' * 52}|{'-' * 12}:|{'-' * 13}:|{'-' * 10}:|{'-' * 20}:|{'-' * 18}:|")

    def per_s(r, key):
        return r["cases"] / r[key] if r.get(key, 0) > 0 else None

    for r in runs:
        cpu, wall = per_s(r, "cpu_seconds"), per_s(r, "seconds")
        # The ratio by CPU time where both runs report it, else by wall time (marked).
        ratio = (f"{per_s(ref, 'cpu_seconds') / cpu:.2f}" if cpu
                 else f"{per_s(ref, 'seconds') / wall:.2f} w")
        res = read_results(r["results"])
        cpu_text = f"{cpu:,.0f}" if cpu else "-"
        print(f"| {r['peer']:<50} | {cpu_text:>11} | {wall:>12,.0f} | {ratio:>9} |"
              f" {differing(res, billijk):>19} | {differing(res, truth):>17} |")
    print()
    print(f"'Billijk x' = the rate of '{args.reference}' divided by the run's rate, by CPU time "
          "of the process; 'w': by wall time (the run reports no CPU time). Above 1: Billijk is "
          "faster.")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
