#!/usr/bin/env bash
# All benchmarks in one run, printed as one table (docs/performance.md says what each row means).
#
#   bench/run.sh [--build DIR] [--cases N] [--sizes 10000,100000,1000000]
#                [--rule-sizes 100,1000,10000] [--rule-cases N] [--runs 50] [--batch-cases N]
#                [--callgrind] [--peers] [--peer-cases N]
#
# DIR (default: build) must have bench_indicate, bench_peers, the CLI and the plugins built
# (cmake --build DIR --target billijk bench_indicate bench_peers and the plugin targets).
# Every row names the exact command that produced it. Absolute figures depend on the machine and
# its load (printed first); compare rows of one run (ratios).
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
build="$src/build"
cases=200000
sizes="10000,100000,1000000"
rule_sizes="100,1000,10000"
rule_cases=5000
peer_cases=100000
runs=50
batch_cases=1000000
callgrind=0
peers=0
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --cases) cases="$2"; shift 2 ;;
    --sizes) sizes="$2"; shift 2 ;;
    --rule-sizes) rule_sizes="$2"; shift 2 ;;
    --rule-cases) rule_cases="$2"; shift 2 ;;
    --peer-cases) peer_cases="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --batch-cases) batch_cases="$2"; shift 2 ;;
    --callgrind) callgrind=1; shift ;;
    --peers) peers=1; shift ;;
    *) echo "bench/run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
build="$(cd "$build" && pwd)"
bi="$build/bench/bench_indicate"
billijk="$build/cli/billijk"
case_file="$src/tests/golden/barendrecht/01-informal-asks-16-cap-27/case.json"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

calc() { awk "BEGIN { print $* }"; }
get() { # key, "k=v k=v ...": the value of key
  tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p"
}
echo "## bench/run.sh, $(date -u +%Y-%m-%d)"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)," \
  "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
echo "build: $build ($(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build/CMakeCache.txt"))"
echo "load at start: $(uptime)"
echo

echo "### Throughput (Barendrecht package, all plugins on the default path loaded)"
echo
echo "| run | cases/s (wall) | µs/case/core (wall) | CPU µs/case | rule-set load ms | peak RSS MiB | command |"
echo "|---|---:|---:|---:|---:|---:|---|"
declare -A rate
tp() { # label, key, bench_indicate args...
  local label="$1" key="$2"; shift 2
  local out
  out="$("$bi" "$@")"
  rate[$key]="$(get cpu_us_per_case "$out")"
  printf '| %s | %s | %.2f | %.2f | %.1f | %.1f | `bench_indicate %s` |\n' "$label" \
    "$(get cases_per_s "$out")" "$(get us_per_case_core "$out")" "$(get cpu_us_per_case "$out")" \
    "$(get load_ms "$out")" \
    "$(calc "$(get maxrss_kb "$out") / 1024")" "$*"
  local mm
  mm="$(get explain_mismatches "$out")"
  if [ -n "$mm" ] && [ "$mm" != 0 ]; then
    echo "bench/run.sh: explained and unexplained decisions differ on $mm cases" >&2
    exit 1
  fi
}
tp "1 thread, explained" on1 --cases "$cases" --threads 1 --explain on --check
tp "1 thread, no explanations" off1 --cases "$cases" --threads 1 --explain off
tp "2 threads, explained" on2 --cases "$cases" --threads 2 --explain on
tp "2 threads, no explanations" off2 --cases "$cases" --threads 2 --explain off
echo
printf 'explanation cost (CPU per case, 1 thread): %.2fx the time without; CPU per case on 2 threads vs 1: %.2fx (explained), %.2fx (without)\n' \
  "$(calc "${rate[on1]} / ${rate[off1]}")" "$(calc "${rate[on2]} / ${rate[on1]}")" \
  "$(calc "${rate[off2]} / ${rate[off1]}")"
echo

echo "### Caseload size (1 thread, explained; the cases cycle through 10,000 distinct ones)"
echo
echo "| cases | cases/s (wall) | CPU µs/case | peak RSS MiB | command |"
echo "|---:|---:|---:|---:|---|"
for n in ${sizes//,/ }; do
  out="$("$bi" --cases "$n" --explain on)"
  printf '| %s | %s | %.2f | %.1f | `bench_indicate --cases %s --explain on` |\n' "$n" \
    "$(get cases_per_s "$out")" "$(get cpu_us_per_case "$out")" \
    "$(calc "$(get maxrss_kb "$out") / 1024")" "$n"
done
echo

echo "### Rule-set size (bench/gen_rules.py packages, no plugins, 1 thread, $rule_cases cases)"
echo
echo "| chain rules | rules | load ms | CPU µs/case explained | CPU µs/case without | peak RSS MiB | command |"
echo "|---:|---:|---:|---:|---:|---:|---|"
for r in ${rule_sizes//,/ }; do
  python3 "$src/bench/gen_rules.py" --rules "$r" --out "$work/rules-$r"
  on="$("$bi" --rules "$work/rules-$r" --plugin-path '' --cases "$rule_cases" --distinct "$rule_cases" --explain on --check)"
  off="$("$bi" --rules "$work/rules-$r" --plugin-path '' --cases "$rule_cases" --distinct "$rule_cases" --explain off)"
  printf '| %s | %s | %.1f | %.2f | %.2f | %.1f | `gen_rules.py --rules %s --out R; bench_indicate --rules R --plugin-path "" --cases %s --distinct %s --explain on\\|off` |\n' \
    "$r" "$(get rules "$on")" "$(get load_ms "$on")" "$(get cpu_us_per_case "$on")" \
    "$(get cpu_us_per_case "$off")" "$(calc "$(get maxrss_kb "$on") / 1024")" "$r" "$rule_cases" "$rule_cases"
done
echo

echo "### Cold start (whole process, $runs runs each, median)"
echo
echo "| command | median ms | min ms | p90 ms | /bin/true median ms |"
echo "|---|---:|---:|---:|---:|"
cold() {
  local out
  out="$(python3 "$src/bench/coldstart.py" --runs "$runs" -- "$@")"
  printf '| `%s` | %s | %s | %s | %s |\n' "${*/#$build\//}" "$(get median_ms "$out")" \
    "$(get min_ms "$out")" "$(get p90_ms "$out")" "$(get bin_true_median_ms "$out")"
}
cold "$billijk" --version
cold "$billijk" indicate "$case_file"
cold "$billijk" indicate "$case_file" --format json
echo
echo "plugins loaded by indicate: $("$billijk" plugins 2>/dev/null | grep -c 'GM[0-9]' || true)" \
  "($(ls "$build/plugins"/*.so | wc -l) files in $build/plugins)"
echo

if [ "$callgrind" = 1 ] && command -v valgrind >/dev/null; then
  echo "### Instructions per case (callgrind; noise-free; 400 cases after 200, same 200 distinct cases)"
  echo
  echo "| run | instructions/case | command |"
  echo "|---|---:|---|"
  irs() { # bench_indicate args: total instructions of the run
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$bi" "$@" >/dev/null 2>"$work/cg.err"
    sed -n 's/.*Collected : //p' "$work/cg.err" | tr -d ' '
  }
  for mode in on off; do
    small="$(irs --cases 200 --distinct 200 --explain "$mode")"
    big="$(irs --cases 600 --distinct 200 --explain "$mode")"
    printf '| explanations %s | %s | `valgrind --tool=callgrind bench_indicate --cases 600 --distinct 200 --explain %s` minus `--cases 200` |\n' \
      "$mode" "$(( (big - small) / 400 ))" "$mode"
  done
  # A batch line: reading and checking the case, the indication, its fingerprint and the result
  # line, on one thread, without the store.
  python3 "$src/bench/gen_caseload.py" --cases 3000 --out "$work/c3000.jsonl"
  python3 "$src/bench/gen_caseload.py" --cases 6000 --out "$work/c6000.jsonl"
  irb() { # caseload, batch flags: total instructions of the run
    local cases="$1"; shift
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$billijk" batch "$cases" \
      --out /dev/null --threads 1 "$@" >/dev/null 2>"$work/cg.err"
    sed -n 's/.*Collected : //p' "$work/cg.err" | tr -d ' '
  }
  for flags in "" "--no-explain"; do
    # shellcheck disable=SC2086 # no flags, or one
    small="$(irb "$work/c3000.jsonl" $flags)"
    # shellcheck disable=SC2086
    big="$(irb "$work/c6000.jsonl" $flags)"
    printf '| batch line%s | %s | `valgrind --tool=callgrind billijk batch c6000.jsonl --out /dev/null --threads 1%s` minus `c3000.jsonl` (`gen_caseload.py`), ÷ 3,000 |\n' \
      "${flags:+ $flags}" "$(( (big - small) / 3000 ))" "${flags:+ $flags}"
  done
  rm -f "$work/c3000.jsonl" "$work/c6000.jsonl" "$work/cg.out"
  echo
fi

echo "### Batch"
echo
if { "$billijk" 2>&1 || true; } | grep -q '^  batch '; then
  python3 "$src/bench/gen_caseload.py" --cases "$batch_cases" --out "$work/caseload.jsonl"
  head -c 32 /dev/urandom | base64 >"$work/key"
  echo "| run | seconds | cases/s | results MiB | store.db MiB | command |"
  echo "|---|---:|---:|---:|---:|---|"
  mib() { # file: its size in MiB, or - when absent
    if [ -f "$1" ]; then awk "BEGIN { printf \"%.0f\", $(stat -c %s "$1") / 1048576 }"; else echo -; fi
  }
  batch() { # label, results file name (results.jsonl or results.csv), batch args...
    local label="$1" results="$2"; shift 2
    rm -f "$work/store.db" "$work/store.db-wal" "$work/store.db-shm" "$work/$results"
    local t0 t1
    t0="$(date +%s.%N)"
    "$billijk" batch "$work/caseload.jsonl" --out "$work/$results" "$@" >/dev/null 2>"$work/batch.err" \
      || { echo "| $label | FAILED: $(tail -1 "$work/batch.err") | | | | |"; return; }
    t1="$(date +%s.%N)"
    # A checkpoint first, so that the file holds everything (the WAL is then empty).
    [ -f "$work/store.db" ] && sqlite3 "$work/store.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
    printf '| %s | %.1f | %.0f | %s | %s | `billijk batch caseload.jsonl --out %s %s` |\n' \
      "$label" "$(calc "$t1 - $t0")" "$(calc "$batch_cases / ($t1 - $t0)")" \
      "$(mib "$work/$results")" "$(mib "$work/store.db")" "$results" "${*//$work\//}"
    rm -f "$work/$results" # an explained line is ~32 KB: a 1M run writes ~32 GB
  }
  batch "$batch_cases cases, 2 threads" results.jsonl --threads 2
  batch "$batch_cases cases, 2 threads, no explanations" results.jsonl --threads 2 --no-explain
  # With --no-explain the store keeps the indications without explanations too (docs/store.md);
  # the last two rows store them with their explanations, the last one with CSV results (a row
  # per provision, as docs/batch.md advises for a caseload run into the store).
  batch "$batch_cases cases, 2 threads, --store" results.jsonl --threads 2 --store \
    --db "$work/store.db" --key-file "$work/key" --no-explain
  batch "$batch_cases cases, 2 threads, --store with explanations" results.jsonl --threads 2 \
    --store --db "$work/store.db" --key-file "$work/key"
  batch "$batch_cases cases, 2 threads, --store with explanations, CSV results" results.csv \
    --threads 2 --store --db "$work/store.db" --key-file "$work/key"
else
  echo "TODO: \`billijk batch\` is not in this build; the 1M --store figure comes from"
  echo "\`billijk batch caseload.jsonl --out results.jsonl --threads 2 --store --db store.db --key-file key\`"
fi
echo

if [ "$peers" = 1 ]; then
  echo "### Peers (bench/peers/run.sh, $peer_cases cases)"
  echo
  "$src/bench/peers/run.sh" "$build" "$peer_cases"
  echo
fi
echo "load at end: $(uptime)"
