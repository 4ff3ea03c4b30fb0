#!/usr/bin/env bash
# Installs the Debian 12 packages Billijk needs, only those that are missing.
# Usage: scripts/setup.sh [--for-tests]. Without the flag: what building and running need; with
# it also what only the test suite needs (scripts/test.sh passes it), so that the example's
# command does not install a browser.
# Runs as root, or through sudo when not root. Safe to run again.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libboost-dev            # Spirit X3 (header-only)
  libsqlitecpp-dev libsqlite3-dev sqlite3
  nlohmann-json3-dev
  catch2                  # Catch2 v2.13, single header (the unit tests are part of the build)
  libssl-dev              # libcrypto: SHA-256 for fingerprints
  libzstd-dev             # zstd: the store compresses indication outputs
  libmimalloc-dev         # the programs' allocator (cmake/BillijkAllocator.cmake)
  python3
)
if [ "${1:-}" = "--for-tests" ]; then
  packages+=(
    python3-jsonschema    # schema validation of golden inputs and outputs
    clang-format-14       # the formatting check
    clang-14 libclang-rt-14-dev  # libFuzzer: the fuzz smoke test (scripts/fuzz-smoke.sh)
    chromium              # headless: the test that the review's HTML report renders
  )
elif [ $# -gt 0 ]; then
  echo "usage: scripts/setup.sh [--for-tests]" >&2
  exit 2
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 2; }
  sudo="sudo"
fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
