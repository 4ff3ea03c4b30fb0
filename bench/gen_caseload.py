#!/usr/bin/env python3
"""Writes N synthetic Barendrecht cases as case JSON, one a line, for `billijk batch`.

    bench/gen_caseload.py --cases 1000000 --out caseload.jsonl

Case i is the case bench/synthetic_case.hpp builds for i (the same ages, needs, providers, asked
rates and facts), so the batch figures and bench_indicate's are for the same work. Deterministic.
"""
import argparse
import json


def case(i):
    birth = f"{2000 + i % 17:04d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    return {
        "schema": "billijk.case/1",
        "case_id": f"BENCH-{i}",
        "municipality": "GM0489",
        "law": "jeugdwet",
        "decision_date": "2017-06-01",
        "period": {"start": "2017-07-01", "end": "2018-06-30"},
        "client": {"bsn": "111222333", "birth_date": birth},
        "requests": [{
            "provision": "begeleiding_individueel",
            "form": "pgb",
            "provider": "professional" if i % 3 == 0 else "informal",
            "rate": f"{14 + i % 40}.50",
            "need": {"items": [
                {"kind": "begeleiding", "amount": str(2 + i % 12), "unit": "hours/week"},
                {"kind": "toezicht", "amount": str(i % 30), "unit": "hours/week"},
            ]},
            "facts": {
                "pgb_capable": True,
                "in_kind_not_suitable": i % 10 != 0,
                "quality_assured": True,
                "earlier_pgb_withdrawn": False,
            },
        }],
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    with open(args.out, "w", encoding="ascii", newline="\n") as f:
        for i in range(args.cases):
            f.write(json.dumps(case(i), separators=(",", ":"), sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
