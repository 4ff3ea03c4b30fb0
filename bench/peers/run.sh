#!/usr/bin/env bash
# The same PGB decision in Billijk and its peers, on the same generated cases, in one run:
#
#   bench/peers/run.sh [BUILD_DIR] [COUNT]      (defaults: build, 100000)
#
# Needs bench/peers/setup.sh first and BUILD_DIR/bench/bench_peers. Prints the comparison table
# of compare.py (cases/s, ratio to Billijk's "same decision" row with explanations on, amounts
# that differ from Billijk and from an exact computation). A peer that fails is reported as
# failed, not left out silently.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$(cd "$here/../.." && pwd)"
build="$(cd "${1:-$src/build}" && pwd)"
count="${2:-100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 "$here/gen_cases.py" --count "$count" --seed 2017 --out "$work/cases.jsonl" \
  --clips "$work/cases.fct"
"$here/rules_root.sh" "$work/rules"

timings="$work/timings.jsonl"
failed=0
run() { # name, command...: appends the JSON timing lines, or reports the failure
  local name="$1"; shift
  if ! "$@" >>"$timings" 2>"$work/$name.err"; then
    echo "bench/peers: $name FAILED:" >&2; cat "$work/$name.err" >&2; failed=1
  fi
}
# Billijk twice, each with explanations on and off: "same decision" (the standalone package
# peerdecision, exactly what the peers compute; compare.py's ratios are against its explained row)
# and "within the BAR layers" (peerbench: the same formula inside the national and regional
# layers, with customary care, client age and refusal grounds on the way).
for package in decision bar; do
  for mode in on off; do
    run "billijk-$package-$mode" "$build/bench/bench_peers" --rules "$work/rules" \
      --cases "$work/cases.jsonl" --out "$work/billijk-$package-$mode.csv" --package "$package" \
      --explain "$mode"
  done
done
(cd "$here" && run zen node js/zen.js "$work/cases.jsonl" "$work/")
(cd "$here" && run jre node js/jre.js "$work/cases.jsonl" "$work/")
(cd "$here" && run decimaljs node js/decimaljs.js "$work/cases.jsonl" "$work/")
cat >"$work/clips.bat" <<CLP
(load* "$here/clips/decide.clp")
(defglobal ?*t0* = 0.0 ?*t1* = 0.0)
(load-facts "$work/cases.fct")
(bind ?*t0* (time))
(run)
(bind ?*t1* (time))
(write-results "$work/clips.csv")
(printout t "{\"peer\": \"CLIPS $(dpkg-query -W -f='${Version}' clips 2>/dev/null) rule (doubles)\", \"cases\": " (length\$ (find-all-facts ((?c case)) TRUE)) ", \"seconds\": " (- ?*t1* ?*t0*) ", \"results\": \"$work/clips.csv\"}" crlf)
(exit)
CLP
run clips clips -f2 "$work/clips.bat"

python3 "$here/compare.py" --cases "$work/cases.jsonl" --timings "$timings"
status=$?
[ "$failed" = 0 ] || status=1
exit $status
