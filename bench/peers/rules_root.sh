#!/usr/bin/env bash
# Makes the rules root Billijk reads in bench/peers: the repository's national layer and BAR
# regional layer, and the bench package rules/peerbench/jeugd.rules.   rules_root.sh DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$(cd "$here/../.." && pwd)"
mkdir -p "$1/regional" "$1/peerbench"
cp -r "$src/rules/national" "$1/"
cp "$src/rules/regional/bar.rules" "$1/regional/"
cp "$here/rules/peerbench/jeugd.rules" "$1/peerbench/"
