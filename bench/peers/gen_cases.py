#!/usr/bin/env python3
"""Generates the cases every peer reads: one JSON object a line, amounts as decimal strings.

    bench/peers/gen_cases.py --count 100000 --seed 2017 --out cases.jsonl [--clips cases.fct]

In-kind prices have cents (35.00-65.00 eur/hour); the asked rate lies within 3 euros of the 60%
cap, so both sides of min() occur; hours per week are multiples of 0.125 (7.5 minutes). With
those, rate x hours x 52 is often exactly halfway between two cents (an odd number of eighths
times an odd number of cents), where the binary double is a hair above or below the tie and
half-up on it may go either way: the cases where double-based engines lose a cent.
Deterministic: the same seed gives byte-identical files.
"""
import argparse
import json
import random


def cases(count, seed):
    rng = random.Random(seed)
    for i in range(count):
        price = rng.randint(3500, 6500)  # cents
        cap = (price * 6 + 5) // 10  # 60% rounded half-up, in cents (ties do not occur)
        asked = max(1000, cap + rng.randint(-300, 300))
        eighths = rng.randint(8, 320)  # 1 to 40 hours a week
        yield {
            "id": f"C{i + 1:06d}",
            "price": f"{price // 100}.{price % 100:02d}",
            "asked": f"{asked // 100}.{asked % 100:02d}",
            "hours": f"{eighths // 8}.{eighths % 8 * 125:03d}",
        }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=2017)
    ap.add_argument("--out", required=True)
    ap.add_argument("--clips", help="also write the cases as CLIPS facts (load-facts format)")
    args = ap.parse_args()
    all_cases = list(cases(args.count, args.seed))
    with open(args.out, "w", encoding="ascii", newline="\n") as f:
        for c in all_cases:
            f.write(json.dumps(c, sort_keys=True) + "\n")
    if args.clips:
        with open(args.clips, "w", encoding="ascii", newline="\n") as f:
            for c in all_cases:
                f.write(f'(case (id "{c["id"]}") (price {c["price"]}) (asked {c["asked"]}) '
                        f'(hours {c["hours"]}))\n')


if __name__ == "__main__":
    main()
