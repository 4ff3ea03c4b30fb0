#!/usr/bin/env bash
# The CTest check of bench/peers (no peers needed): generates COUNT cases, indicates them with
# both bench packages (the peers' decision alone, and within the BAR layers), each with and
# without explanations, and checks every rate and budget against the exact computation of
# compare.py (Python decimal).   billijk_exact.sh BENCH_PEERS_EXE [COUNT]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bench_peers="$1"
count="${2:-1000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/gen_cases.py" --count "$count" --seed 2017 --out "$work/cases.jsonl"
python3 "$here/gen_cases.py" --count "$count" --seed 2017 --out "$work/again.jsonl"
cmp "$work/cases.jsonl" "$work/again.jsonl" # the generator is deterministic
"$here/rules_root.sh" "$work/rules"
for package in decision bar; do
  for mode in on off; do
    "$bench_peers" --rules "$work/rules" --cases "$work/cases.jsonl" --package "$package" \
      --out "$work/billijk-$package-$mode.csv" --explain "$mode" >>"$work/timings.jsonl"
  done
done
python3 "$here/compare.py" --cases "$work/cases.jsonl" --timings "$work/timings.jsonl"
