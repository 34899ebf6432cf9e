#!/usr/bin/env bash
# Per-branch environments: a full search stack (cluster, loaded collection, index, alias, seed import)
# for each branch, created and destroyed by this script (e.g. from CI on branch push / branch delete).
#
#   branch-env.sh up   <branch>...   create or update br-<branch> for each branch (3 at a time)
#   branch-env.sh down <branch>...   destroy them and their stack state
#   branch-env.sh list <branch>...   print their outputs (endpoints, collections; tokens masked)
#
# Needs ZILLIZ_CLOUD_API_URL and ZILLIZ_API_KEY (a zilliz-local emulator, or Zilliz Cloud). State lives in
# $ZILLIZ_ENV_WORK_DIR (default ./.zilliz-env) or $ZILLIZ_ENV_BACKEND (e.g. s3://bucket?...).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/../zilliz-env.sh"

action="${1:-}"; shift || true
if [ -z "$action" ] || [ $# -eq 0 ]; then
  sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 1
fi

# Branch names become stack and cluster names: lower case, "/" and other punctuation as "-".
envs=()
for branch in "$@"; do
  envs+=("br-$(printf '%s' "$branch" | tr '[:upper:]' '[:lower:]' | tr -c 'a-z0-9-' '-' | sed 's/--*/-/g; s/-$//')")
done
list="$(IFS=,; echo "${envs[*]}")"

# The seed data of the import (any file:// or s3:// URL works; the spec reads it as ${env:DOCS_URL}).
export DOCS_URL="${DOCS_URL:-file://$(cd "$here/../quickstart/data" && pwd)/docs.json}"

case "$action" in
  # Ephemeral environments: allowDataLoss lets destroy drop the seeded collection.
  up)   zilliz_env up --env "$list" --spec "$here/environment.json" --config allowDataLoss=true ;;
  down) zilliz_env destroy --env "$list" ;;
  list) zilliz_env outputs --env "$list" ;;
  *)    echo "unknown action: $action (up, down or list)" >&2; exit 1 ;;
esac
