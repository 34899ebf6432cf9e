#!/usr/bin/env bash
# A GitOps pipeline for one environment described by environment.json, for any CI system:
#
#   pipeline.sh pr        on every pull request: preview, write the Markdown plan to $PLAN_FILE (post it as
#                         a PR comment), fail when a cluster, database or collection would be replaced or
#                         deleted (exit 1); exit 0 otherwise
#   pipeline.sh merge     on merge to the main branch: apply (up), then print the outputs
#   pipeline.sh nightly   on a schedule: drift detection; exit 2 names the resources changed outside git
#
# Settings (CI variables): ZILLIZ_CLOUD_API_URL, ZILLIZ_API_KEY (secret), PULUMI_CONFIG_PASSPHRASE (secret),
# ENV_NAME (default staging), SPEC (default environment.json next to this script), PLAN_FILE (default
# plan.md), ZILLIZ_ENV_BACKEND (shared state for CI runners, e.g. s3://bucket?endpoint=...), ZILLIZ_ENV_WORK_DIR.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/../zilliz-env.sh"

env_name="${ENV_NAME:-staging}"
spec="${SPEC:-$here/environment.json}"
plan_file="${PLAN_FILE:-plan.md}"

case "${1:-}" in
  pr)
    # Markdown on stdout (the plan), progress on stderr (the CI log).
    zilliz_env preview --env "$env_name" --spec "$spec" --markdown --deny-destructive >"$plan_file"
    status=$?
    cat "$plan_file"
    # e.g. GitHub: gh pr comment "$PR_NUMBER" --body-file "$plan_file"
    [ $status -eq 1 ] && echo "pipeline: the plan is refused (destructive step or error); see above" >&2
    exit $status
    ;;
  merge)
    zilliz_env up --env "$env_name" --spec "$spec" || exit 1
    zilliz_env outputs --env "$env_name"
    ;;
  nightly)
    zilliz_env drift --env "$env_name"
    status=$?
    # 2 = drift: alert (open an issue, page someone); `pipeline.sh merge` puts git's version back.
    [ $status -eq 2 ] && echo "pipeline: drift in $env_name: the resources above were changed outside git" >&2
    exit $status
    ;;
  *)
    sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 1
    ;;
esac
