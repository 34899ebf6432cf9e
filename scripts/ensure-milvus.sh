#!/usr/bin/env bash
# Makes sure the embedded Milvus standalone server from PyPI (`milvus`, binary shipped inside the wheel)
# is installed in a cached virtualenv outside the repo, and prints the virtualenv's python.
# Idempotent: a second run finds the virtualenv and returns at once.
#
# Version: the project targets Milvus 2.3.9, but PyPI carries 2.3.9 (and 2.3.8) only as a macOS arm64
# wheel; 2.3.5 is the newest 2.3.x with a manylinux x86_64 wheel, so that is the real server we run.
# See docs/milvus.md.
set -euo pipefail
version="${MILVUS_VERSION:-2.3.5}"
cache_root="${PULUMI_ZILLIZ_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-zilliz}"
venv="$cache_root/milvus-$version/venv"
log() { echo "[ensure-milvus] $*" >&2; }

if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import milvus" 2>/dev/null \
   && [ "$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("milvus"))')" = "$version" ]; then
  echo "$venv/bin/python"; exit 0
fi
command -v python3 >/dev/null || { log "python3 is required to install Milvus"; exit 1; }
log "installing milvus==$version from PyPI into $venv"
start=$(date +%s)
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "milvus==$version" >&2
log "installed in $(( $(date +%s) - start ))s"
echo "$venv/bin/python"
