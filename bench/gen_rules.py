#!/usr/bin/env python3
"""Writes a synthetic municipal rule package of a chosen size, for the rule-set-size benchmark.

    bench/gen_rules.py --rules 1000 --out /tmp/rules-1000

The package (DIR/synthetic/jeugd.rules, municipality GM0489, Jeugdwet) reads the same facts and
provision as the synthetic Barendrecht cases of bench/synthetic_case.hpp, so bench_indicate runs
it unchanged (with --plugin-path ''). Its N rules are N/10 chains of ten steps, each step a
rounding of the previous step times its own parameter and clamped between two amounts; the
chains are combined by max() in a tree of fan-in ten, and every chain has a refusal. Every rule,
parameter and refusal is evaluated for every case, so the time per case grows with N; the depth
of the derivation stays small (ten steps plus the tree), as in real packages.
"""
import argparse
import os

META = '  cites "bench/gen_rules.py" label "{label}"\n'


def decl(kind, name, typ, label, value):
    return f"{kind} {name}: {typ}\n" + META.format(label=label) + f"  = {value}\n\n"


def package(n_rules):
    chains = max(1, n_rules // 10)
    out = [
        'package synthetic.jeugd "Synthetisch pakket (bench/gen_rules.py)"\n',
        "  layer municipal\n  law jeugdwet\n  municipality GM0489\n  valid 2015-01-01 ..\n\n",
        "enum care_kind = begeleiding | toezicht\n" + META.format(label="Soort zorg") + "\n",
    ]
    for fact in ("pgb_capable", "in_kind_not_suitable", "quality_assured", "earlier_pgb_withdrawn"):
        out.append(f"fact {fact}: bool\n" + META.format(label=fact) + "\n")
    out.append(decl("parameter", "weeks_per_year", "weeks/year", "Weken per jaar", "52 weeks/year"))
    ends = []
    for c in range(chains):
        prev = "request.rate"
        for j in range(10):
            share = 90 + (c * 7 + j * 3) % 21  # 90% .. 110%
            out.append(decl("parameter", f"p{c}_{j}", "percent", f"Aandeel {c}.{j}", f"{share}%"))
            expr = (f"min(max(round({prev} * p{c}_{j}, 0.01, half_up), 10.00 eur/hour), "
                    "80.00 eur/hour)")
            out.append(decl("rule", f"c{c}_{j}", "eur/hour", f"Keten {c} stap {j}", expr))
            prev = f"c{c}_{j}"
        ends.append(prev)
        out.append(f"refusal chain{c}_too_high\n" + META.format(label=f"Keten {c} te hoog") +
                   f"  when request.form == pgb and {prev} > 1000 eur/hour\n\n")
    level = 0
    while len(ends) > 1:
        grouped = []
        for k in range(0, len(ends), 10):
            name = f"agg{level}_{k // 10}"
            out.append(decl("rule", name, "eur/hour", f"Maximum {level}.{k // 10}",
                            "max(" + ", ".join(ends[k:k + 10]) + ")"))
            grouped.append(name)
        ends = grouped
        level += 1
    top = ends[0]
    out.append(decl("rule", "hours_per_week", "hours/week", "Uren per week",
                    "need(begeleiding) + need(toezicht)"))
    out.append(decl("rule", "budget_per_year", "eur/year", "Budget per jaar",
                    f"round({top} * hours_per_week * weeks_per_year, 0.01, half_up)"))
    out.append("refusal not_capable\n" + META.format(label="Geen pgb") +
               "  when request.form == pgb and not pgb_capable\n\n")
    out.append("provision begeleiding_individueel\n" + META.format(label="Begeleiding") +
               "  kind begeleiding\n  quantity = hours_per_week\n"
               f"  rate = {top}\n  budget = budget_per_year\n")
    return "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rules", type=int, required=True, help="number of chain rules (x10)")
    ap.add_argument("--out", required=True, help="rules root to create")
    args = ap.parse_args()
    os.makedirs(os.path.join(args.out, "synthetic"), exist_ok=True)
    with open(os.path.join(args.out, "synthetic", "jeugd.rules"), "w", encoding="utf-8") as f:
        f.write(package(args.rules))


if __name__ == "__main__":
    main()
