# Sourced by start.sh and pulumi.sh: the project-local engine settings for the quickstart stack.
# State lives in .pulumi-local/ (ignored by git); the emulator keeps its own state file there too.
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
local_dir="$repo/.pulumi-local"
bin_dir="$(bash "$repo/scripts/ensure-pulumi.sh")"
eval "$(node -e '
  const { offlineEnv } = require(process.argv[1]);
  const env = offlineEnv({ stateDir: process.argv[2], homeDir: process.argv[3], binDir: process.argv[4] });
  for (const [k, v] of Object.entries(env)) console.log(`export ${k}=${JSON.stringify(v)}`);
' "$repo/scripts/pulumi-offline.js" "$local_dir/state" "$local_dir/home" "$bin_dir")"
stack_name="${PULUMI_ZILLIZ_STACK:-local}"
emulator_port="${ZILLIZ_LOCAL_PORT:-19600}"
emulator_key="${ZILLIZ_LOCAL_API_KEY:-local-emulator-api-key}"
