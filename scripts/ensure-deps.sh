#!/usr/bin/env bash
# Installs the npm dependencies when node_modules is missing or older than package-lock.json, then
# builds dist/. Idempotent: with nothing changed it costs one hash and one incremental tsc run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
stamp=node_modules/.pulumi-zilliz-lock-hash
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  # `npm install` rather than `npm ci`: npm 11.19 writes a lock file without other platforms' optional
  # packages (rollup's native builds) and `npm ci` then refuses it as out of sync. With a lock file
  # present, `npm install` installs exactly what it pins and leaves it unchanged.
  echo "[ensure-deps] npm install (from package-lock.json)" >&2
  npm install --no-audit --no-fund >&2
  echo "$want" > "$stamp"
fi
# prepare (the self-link) also runs during npm ci; run it again in case node_modules was copied.
node scripts/link-self.js
echo "[ensure-deps] npm run build" >&2
npm run --silent build >&2
