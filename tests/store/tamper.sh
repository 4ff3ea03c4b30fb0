#!/usr/bin/env bash
# Audit verify finds an edited row: store three indications, edit the second's audit entry with
# the sqlite3 shell (after dropping the guard trigger, as a tamperer would), and expect
# `billijk audit verify` to exit 1 naming entry 2; the untouched database verifies (exit 0).
# usage: tamper.sh BILLIJK RULES PLUGIN_PATH CASE WORKDIR
set -euo pipefail
billijk=$1 rules=$2 plugins=$3 case=$4 work=$5
rm -rf "$work" && mkdir -p "$work"
db=$work/billijk.db
export BILLIJK_PSEUDONYM_KEY=tamper-test-key-0123456789
for i in 1 2 3; do
  "$billijk" indicate "$case" --store --db "$db" --rules "$rules" --plugin-path "$plugins" \
    --format json >/dev/null 2>"$work/stderr"
  grep -q "stored as indication $i" "$work/stderr"
done
"$billijk" audit verify --db "$db" | grep -q "audit log intact: 3 entries"

sqlite3 "$db" "DROP TRIGGER audit_log_no_update;
               UPDATE audit_log SET content = replace(content, '2017', '2018') WHERE seq = 2;"
set +e
out=$("$billijk" audit verify --db "$db")
status=$?
set -e
echo "$out"
[ "$status" -eq 1 ] || { echo "expected exit 1, got $status"; exit 1; }
grep -q "BROKEN at entry 2 (indication 2)" <<<"$out" || { echo "entry 2 not named"; exit 1; }
# The same report whatever the number of threads checking the entries.
for threads in 1 3; do
  set +e
  again=$("$billijk" audit verify --db "$db" --threads "$threads")
  set -e
  [ "$again" = "$out" ] || { echo "--threads $threads reports otherwise: $again"; exit 1; }
done
echo "tamper test: ok"
