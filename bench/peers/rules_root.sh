#!/usr/bin/env bash
# Makes the rules root Billijk reads in bench/peers, with both bench packages:
#   peerdecision/jeugd.rules (GM9998): exactly the peers' decision, standalone;
#   peerbench/jeugd.rules (GM9999): the same formula within the repository's national layer and
#   BAR regional layer, which are copied next to it.                  rules_root.sh DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$(cd "$here/../.." && pwd)"
mkdir -p "$1/regional" "$1/peerbench" "$1/peerdecision"
cp -r "$src/rules/national" "$1/"
cp "$src/rules/regional/bar.rules" "$1/regional/"
cp "$here/rules/peerbench/jeugd.rules" "$1/peerbench/"
cp "$here/rules/peerdecision/jeugd.rules" "$1/peerdecision/"
