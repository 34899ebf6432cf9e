#!/usr/bin/env bash
# Installs the npm dependencies when node_modules is missing or older than package-lock.json, then
# builds dist/. Idempotent: with nothing changed it costs one hash and one incremental tsc run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
stamp=node_modules/.pulumi-zilliz-lock-hash
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  # `npm ci` installs exactly what the committed lock file pins and never rewrites it, so the tree stays
  # clean. The lock file lists every platform's optional packages (rollup's native builds), which is
  # what `npm ci` needs to accept it: regenerate it with `npm install` on any machine, never by hand.
  echo "[ensure-deps] npm ci (from package-lock.json)" >&2
  npm ci --no-audit --no-fund >&2
  echo "$want" > "$stamp"
fi
# prepare (the self-link) also runs during npm ci; run it again in case node_modules was copied.
node scripts/link-self.js
echo "[ensure-deps] npm run build" >&2
npm run --silent build >&2
