#!/usr/bin/env bash
# Makes sure `moto` in server mode (an S3-compatible object store from PyPI, `moto[server]`) is installed in a
# cached virtualenv outside the repo, and prints the virtualenv's python. The import tests start it with
# `python -m moto.server` on a free loopback port (test/support/moto.ts).
# Idempotent: a second run finds the virtualenv and returns at once. Fails loudly when it cannot install.
set -euo pipefail
version="${MOTO_VERSION:-5.2.5}"
cache_root="${PULUMI_ZILLIZ_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-zilliz}"
venv="$cache_root/moto-$version/venv"
log() { echo "[ensure-moto] $*" >&2; }

if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import moto.server, flask" 2>/dev/null \
   && [ "$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("moto"))')" = "$version" ]; then
  echo "$venv/bin/python"; exit 0
fi
command -v python3 >/dev/null || { log "python3 is required to install moto"; exit 1; }
log "installing moto[server]==$version from PyPI into $venv"
start=$(date +%s)
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "moto[server]==$version" >&2
"$venv/bin/python" -c "import moto.server" || { log "moto installed but moto.server does not import"; exit 1; }
log "installed in $(( $(date +%s) - start ))s"
echo "$venv/bin/python"
