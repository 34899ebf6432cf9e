# Sourced by ensure-milvus.sh and ensure-moto.sh: installs one PyPI package at a pinned version into a cached
# virtualenv outside the repo (once per machine) and prints the virtualenv's python.
# ensure_venv <label> <dist name> <version> <pip requirement> <python import check>
ensure_venv() {
  local label="$1" dist="$2" version="$3" requirement="$4" check="$5"
  local cache_root="${PULUMI_ZILLIZ_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-zilliz}"
  local venv="$cache_root/$label-$version/venv"
  if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "$check" 2>/dev/null \
     && [ "$("$venv/bin/python" -c "import importlib.metadata as m; print(m.version('$dist'))")" = "$version" ]; then
    echo "$venv/bin/python"; return 0
  fi
  command -v python3 >/dev/null || { echo "[ensure-$label] python3 is required to install $dist" >&2; return 1; }
  echo "[ensure-$label] installing $requirement from PyPI into $venv" >&2
  local start; start=$(date +%s)
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$requirement" >&2
  "$venv/bin/python" -c "$check" || { echo "[ensure-$label] $dist installed but '$check' fails" >&2; return 1; }
  echo "[ensure-$label] installed in $(( $(date +%s) - start ))s" >&2
  echo "$venv/bin/python"
}
