#!/usr/bin/env bash
# Every command answers `--help` with its own lines of the usage, on stdout, exit 0; an unknown
# command with --help is still a usage error.   check_help.sh BILLIJK
set -uo pipefail
billijk="$1"
failed=0
for verb in indicate review batch impact golden replay audit decide signals check lint fmt tables plugins; do
    out="$("$billijk" "$verb" --help)"
    rc=$?
    first="$(printf '%s\n' "$out" | head -n 1)"
    if [[ $rc -ne 0 || "$first" != "usage: billijk $verb"* ]]; then
        echo "FAIL: billijk $verb --help: exit $rc, first line: $first"
        failed=1
    fi
done
# -h works too, anywhere after the command.
if ! "$billijk" indicate some-case.json -h | head -n 1 | grep -q '^usage: billijk indicate'; then
    echo "FAIL: billijk indicate some-case.json -h"
    failed=1
fi
"$billijk" no-such-command --help >/dev/null 2>&1
if [[ $? -ne 2 ]]; then
    echo "FAIL: billijk no-such-command --help should exit 2 (usage)"
    failed=1
fi
exit $failed
