#!/usr/bin/env bash
# Installs the peers of bench/peers (not part of the build or CI): CLIPS from Debian, and the
# npm packages pinned in package.json / package-lock.json into bench/peers/node_modules
# (ignored by git). Run as root on Debian 12 with node 20 and npm.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v clips >/dev/null; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y clips libclips-dev
fi
npm ci --no-audit --no-fund
node -e "require('@gorules/zen-engine'); require('json-rules-engine'); require('decimal.js')"
echo "bench/peers: clips $(dpkg-query -W -f='${Version}' clips), npm packages installed"
