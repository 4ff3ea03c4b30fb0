#!/usr/bin/env bash
# The whole test suite: install what is missing, build with warnings as errors, run every test;
# then build again under AddressSanitizer + UndefinedBehaviorSanitizer and run every test again;
# then check formatting; then run each fuzz target briefly. Exits non-zero on the first failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/setup.sh" --for-tests

echo "== build (warnings are errors)"
bash "$root/scripts/build.sh" "$root/build" -DBILLIJK_WERROR=ON
echo "== tests"
(cd "$root/build" && ctest --output-on-failure -j "$(nproc)")

echo "== build with AddressSanitizer + UndefinedBehaviorSanitizer"
bash "$root/scripts/build.sh" "$root/build-asan" -DBILLIJK_WERROR=ON -DBILLIJK_SANITIZE=address,undefined -DCMAKE_BUILD_TYPE=Debug
echo "== tests under sanitizers"
(cd "$root/build-asan" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j "$(nproc)")

echo "== formatting"
bash "$root/scripts/check-format.sh"

echo "== fuzz smoke (each target 30 s)"
bash "$root/scripts/fuzz-smoke.sh" 30 "$root/build-fuzz"
