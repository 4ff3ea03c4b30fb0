#!/usr/bin/env python3
"""Generate Barendrecht (GM0489, jeugdwet) cases for `billijk batch`, in the shapes of the golden
cases in tests/golden/barendrecht: informal and professional PGB, care in kind, short and long
need, refusals, a missing fact. Deterministic for a seed; nothing large is committed.

  gen_cases.py --count 5000 --seed 7 --out cases.jsonl            # JSON Lines
  gen_cases.py --count 100 --format csv --out cases.csv           # the flat CSV of docs/batch.md
  gen_cases.py --count 100 --bad-every 25 --out cases.jsonl       # every 25th line broken
"""
import argparse
import csv
import json
import random
import sys


def bsn(rng):
    """A 9-digit number passing the elfproef (weights 9..2, -1)."""
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1)))
        last = total % 11
        if last <= 9:
            return "".join(map(str, digits + [last]))


KINDS = ["begeleiding", "toezicht", "persoonlijke_verzorging", "verkeer"]


def make_case(rng, n):
    year = rng.choice([2005, 2008, 2010, 2012, 2014, 2016])
    birth = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    form = rng.choice(["pgb", "pgb", "pgb", "in_kind"])
    request = {"provision": "begeleiding_individueel", "form": form}
    long_need = rng.random() < 0.4
    if long_need:
        request["need"] = {"items": [
            {"kind": k, "amount": str(rng.choice([0, 1, 2, 3.5, 6.5, 8, 22])), "unit": "hours/week"}
            for k in rng.sample(KINDS, rng.randint(1, 4))]}
    else:
        request["need"] = {"amount": str(rng.randint(2, 30)),
                           "unit": rng.choice(["hours/week"] * 5 + ["minutes/week"])}
        if request["need"]["unit"] == "minutes/week":
            request["need"]["amount"] = str(rng.randint(4, 60) * 30)  # whole half hours
    if form == "pgb":
        request["provider"] = rng.choice(["informal", "informal", "professional"])
        if rng.random() < 0.95:
            request["rate"] = f"{rng.randint(10, 60)}.{rng.choice(['00', '50', '25'])}"
        facts = {"pgb_capable": rng.random() < 0.95, "in_kind_not_suitable": rng.random() < 0.95,
                 "quality_assured": rng.random() < 0.95, "earlier_pgb_withdrawn": rng.random() < 0.05}
        if rng.random() < 0.03:
            del facts["quality_assured"]  # undetermined: missing fact
        request["facts"] = facts
    return {
        "schema": "billijk.case/1",
        "case_id": f"BAR-GEN-{n:07d}",
        "municipality": "GM0489",
        "law": "jeugdwet",
        "decision_date": "2017-06-01",
        "period": {"start": "2017-07-01", "end": "2018-06-30"},
        "client": {"bsn": bsn(rng), "birth_date": birth},
        "household": [{"role": "parent", "birth_date": "1980-01-01", "overloaded": False}],
        "requests": [request],
    }


def broken(rng, case):
    """A line that must be reported and skipped: malformed JSON or a case that breaks the contract."""
    kind = rng.randint(0, 2)
    if kind == 0:
        return json.dumps(case)[:-7]  # cut off: not JSON
    if kind == 1:
        del case["client"]["birth_date"]
    else:
        case["requests"][0]["need"]["unit"] = "uur/week"
        case["requests"][0]["need"].pop("items", None)
        case["requests"][0]["need"]["amount"] = "3"
    return case


CSV_COLUMNS = ["case_id", "municipality", "law", "decision_date", "period_start", "period_end", "bsn",
               "birth_date", "household", "provision", "form", "provider", "rate", "need_amount",
               "need_unit"] + ["need_" + k for k in KINDS] + [
               "fact_pgb_capable", "fact_in_kind_not_suitable", "fact_quality_assured",
               "fact_earlier_pgb_withdrawn"]


def csv_row(case):
    r = case["requests"][0]
    row = {c: "" for c in CSV_COLUMNS}
    row.update(case_id=case["case_id"], municipality=case["municipality"], law=case["law"],
               decision_date=case["decision_date"], period_start=case["period"]["start"],
               period_end=case["period"]["end"], bsn=case["client"].get("bsn", ""),
               birth_date=case["client"].get("birth_date", ""), household="parent:1980-01-01",
               provision=r["provision"], form=r["form"], provider=r.get("provider", ""),
               rate=r.get("rate", ""))
    need = r["need"]
    if "items" in need:
        for item in need["items"]:
            row["need_" + item["kind"]] = item["amount"]
        row["need_unit"] = "hours/week"
    else:
        row["need_amount"], row["need_unit"] = need["amount"], need["unit"]
    for k, v in r.get("facts", {}).items():
        row["fact_" + k] = "true" if v else "false"
    return row


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    ap.add_argument("--bad-every", type=int, default=0, help="make every Nth case a bad line")
    ap.add_argument("--out", default="-")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    out = sys.stdout if a.out == "-" else open(a.out, "w", newline="")
    writer = None
    if a.format == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
    for n in range(1, a.count + 1):
        case = make_case(rng, n)
        if a.bad_every and n % a.bad_every == 0:
            case = broken(rng, case)
        if writer:
            if isinstance(case, str):
                out.write('"unclosed,quote\n')
            else:
                writer.writerow(csv_row(case))
        else:
            out.write((case if isinstance(case, str) else json.dumps(case, separators=(",", ":"))) + "\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
