#!/usr/bin/env bash
# The main job: install what is missing, build, and print the explained indication of the
# bundled Barendrecht youth-care example case.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh" "$root/build"
exec "$root/build/cli/billijk" indicate "$root/examples/barendrecht-informal.json" --rules "$root/rules" "$@"
