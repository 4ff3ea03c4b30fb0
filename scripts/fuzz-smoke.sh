#!/usr/bin/env bash
# Fuzz smoke test (docs/testing.md, "Fuzzing"): builds the libFuzzer targets with clang-14 under
# AddressSanitizer + UndefinedBehaviorSanitizer in their own build directory, generates the seed
# corpora from the repository's rule files and golden cases, and runs each target for a short
# time. Fails on any crash; the crashing input is left as <build>/fuzz-out/<target>/crash-*.
#
# Usage: scripts/fuzz-smoke.sh [SECONDS per target, default 30] [BUILD DIR, default build-fuzz]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-30}
build=${2:-$root/build-fuzz}
jobs=${BILLIJK_JOBS:-2}

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++-14 -DBILLIJK_FUZZ=ON -DBILLIJK_SANITIZE=address,undefined \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" >/dev/null
targets=(parse case_json plugin_table indication_reader review_report decisions case_csv
  published_table)
# The longest input a target is given: stored indications with explanations are ~40 KB.
declare -A max_len=([indication_reader]=65536)
cmake --build "$build" -j "$jobs" --target "${targets[@]/#/fuzz_}"

# Seeds: copies of the repository's files, named by content hash so that equal files count once.
seed() { # seed TARGET FILES...
  local dir="$build/fuzz-seeds/$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do cp "$f" "$dir/$(sha1sum "$f" | cut -c1-16)"; done
}
rm -rf "$build/fuzz-seeds"
mapfile -t rule_files < <(find "$root/rules" "$root/plugins" "$root/tests/golden" "$root/tests/review" -name '*.rules' | sort)
mapfile -t json_files < <(find "$root/tests/golden" "$root/examples" -name '*.json' | sort)
seed parse "${rule_files[@]}"
seed case_json "${json_files[@]}"
seed plugin_table "$root"/tests/fuzz/seeds/plugin_table/*
mapfile -t stored_indications < <(find "$root/tests/golden" -name 'expected*.json' | sort)
seed indication_reader "${stored_indications[@]}" "$root"/tests/fuzz/seeds/indication_reader/*
mapfile -t review_reports < <(find "$root/tests/review" -name 'expected.json' | sort)
seed review_report "${review_reports[@]}"
mapfile -t decision_files < <(find "$root/tests/review" "$root/examples/review" \( -name '*.jsonl' -o -name 'decisions.csv' \) | sort)
seed decisions "${decision_files[@]}"
seed case_csv "$root"/tests/fuzz/seeds/case_csv/*
mapfile -t published_tables < <(find "$root/docs/examples/tables" "$root/tests/tables" -name '*.csv' | sort)
seed published_table "${published_tables[@]}"

status=0
for t in "${targets[@]}"; do
  out="$build/fuzz-out/$t"
  mkdir -p "$out/corpus"
  echo "== fuzz $t for ${seconds}s"
  # -rss_limit_mb: a run that needs more memory than this is a bug (bounded inputs).
  if ! (cd "$out" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len="${max_len[$t]:-8192}" \
        -print_final_stats=1 "$out/corpus" "$build/fuzz-seeds/$t" \
        "$root/tests/fuzz/regressions/$t" > "$out/log.txt" 2>&1); then
    echo "fuzz $t: CRASH; see $out/log.txt and $out/crash-*" >&2
    tail -40 "$out/log.txt" >&2
    status=1
  else
    grep -E "^stat::number_of_executed_units|^Done" "$out/log.txt" || true
  fi
done
exit $status
