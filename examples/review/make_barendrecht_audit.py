#!/usr/bin/env python3
"""Writes barendrecht-audit.jsonl: proposed PGB decisions in the situation the Rekenkamer
Barendrecht found in 2017 ("indicatiestelling PGB jeugdhulp"): informal guidance whose hourly rate
is whatever the family asks, up to the maximum of 27.00 euro, so that equal cases get unequal
budgets ("Zo kan een gezin vragen om een PGB-vergoeding van € 16,- … terwijl het maximale bedrag
€27,- is").

Seeded (fixed random seed, so the file is the same on every run): most families ask the maximum,
so their equal cases get equal budgets; in the seeded pairs one family asks less (16.00 or 20.00)
for the same need, and in the seeded compromises the worker proposes more hours than assessed
("ouders willen 20 uur, de medewerker vindt 10 voldoende": a compromise). Each seeded line says
so under "extra". examples/review/README.md tells how to run the review on it.
"""
import json
import pathlib
import random

rng = random.Random(2017)


def bsn(rng):
    # nine digits passing the elfproef: 9*d1 + 8*d2 + ... + 2*d8 - d9 divisible by 11
    while True:
        d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        s = sum(w * x for w, x in zip(range(9, 1, -1), d)) % 11
        if s < 10:
            return "".join(map(str, d + [s]))


def case(n, birth, need, rate):
    return {
        "schema": "billijk.case/1", "case_id": f"BAR-2017-{n:04d}", "municipality": "GM0489",
        "law": "jeugdwet", "decision_date": "2017-06-01",
        "period": {"start": "2017-07-01", "end": "2018-06-30"},
        "client": {"bsn": bsn(rng), "birth_date": birth},
        "household": [{"role": "parent", "overloaded": False}],
        "requests": [{
            "provision": "begeleiding_individueel", "form": "pgb", "provider": "informal",
            "rate": rate, "need": {"amount": str(need), "unit": "hours/week"},
            "facts": {"pgb_capable": True, "in_kind_not_suitable": True, "quality_assured": True,
                      "earlier_pgb_withdrawn": False}}]}


def decision(n, c, hours, rate, seeded=None):
    budget = f"{rate * hours * 52:.2f}"  # what the worker computes: rate x hours x 52 weeks
    d = {"schema": "billijk.decision/1", "decision_id": f"WT-{n:03d}", "case": c,
         "proposal": {"provision": "begeleiding_individueel", "form": "pgb", "status": "granted",
                      "quantity": {"amount": str(hours), "unit": "hours/week"},
                      "rate": {"amount": f"{rate:.2f}", "unit": "eur/hour"},
                      "budget": {"amount": budget, "unit": "eur/year"}}}
    if seeded:
        d["extra"] = {"seeded": seeded}
    return d


def birth_in_band(rng):
    # children of 6 to 10 at the start of the period: the 5-12 band of customary care (2 h/week)
    return f"{rng.randint(2007, 2010)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


lines = []
n = 0
for need in (6, 8, 10, 12, 14):  # assessed need; 2 h/week customary care is deducted
    for _ in range(3):
        n += 1
        lines.append(decision(n, case(n, birth_in_band(rng), need, "27.00"), need - 2, 27.0))
seeded = [(8, "16.00"), (10, "16.00"), (14, "20.00")]
for i, (need, rate) in enumerate(seeded, start=1):
    n += 1
    lines.append(decision(n, case(n, birth_in_band(rng), need, rate), need - 2, float(rate),
                          f"unequal-pair-{i}: same need as the others of {need} h/week, asks {rate}"))
for i, (need, proposed) in enumerate([(12, 12), (10, 9)], start=1):
    n += 1
    lines.append(decision(n, case(n, birth_in_band(rng), need, "27.00"), proposed, 27.0,
                          f"compromise-{i}: assessed {need} h/week, proposes {proposed} h/week"))
rng.shuffle(lines)
out = pathlib.Path(__file__).with_name("barendrecht-audit.jsonl")
out.write_text("".join(json.dumps(x, ensure_ascii=False, sort_keys=True) + "\n" for x in lines))
print(f"wrote {len(lines)} decisions to {out}")
