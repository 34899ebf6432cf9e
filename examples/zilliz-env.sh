# Sourced by the example scripts: `zilliz_env <args>` runs the zilliz-env command of this checkout when
# there is one (dist/ built by `npm run build`), else the installed package's bin (npx zilliz-env), with
# the Pulumi CLI of this checkout (scripts/ensure-pulumi.sh) when pulumi is not on PATH.
examples_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(cd "$examples_dir/.." && pwd)"
if [ -z "${ZILLIZ_ENV_PULUMI_ROOT:-}" ] && ! command -v pulumi >/dev/null 2>&1 && [ -f "$repo_dir/scripts/ensure-pulumi.sh" ]; then
  ZILLIZ_ENV_PULUMI_ROOT="$(dirname "$(bash "$repo_dir/scripts/ensure-pulumi.sh")")"
  export ZILLIZ_ENV_PULUMI_ROOT
fi
zilliz_env() {
  local common=(--work-dir "${ZILLIZ_ENV_WORK_DIR:-.zilliz-env}")
  [ -n "${ZILLIZ_ENV_BACKEND:-}" ] && common+=(--backend "$ZILLIZ_ENV_BACKEND")
  if [ -f "$repo_dir/dist/environments/zilliz-env.js" ]; then
    node "$repo_dir/dist/environments/zilliz-env.js" "$@" "${common[@]}"
  else
    npx zilliz-env "$@" "${common[@]}"
  fi
}
