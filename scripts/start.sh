#!/usr/bin/env bash
# `npm start`: the quickstart stack (Pulumi.yaml at the repo root) against the local emulator.
# Installs what it needs, starts zilliz-local with a saved state file, runs `pulumi up`, prints the
# outputs, and stops the emulator. Running it again converges with no changes; afterwards
# `npm run pulumi -- preview` shows no changes either.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/ensure-deps.sh
source scripts/local-env.sh
source scripts/emulator-background.sh
start_emulator
echo "zilliz-local listening on http://127.0.0.1:$emulator_port (state: .pulumi-local/emulator-state.json)"

pulumi stack select --create "$stack_name" >/dev/null
pulumi config set zilliz:cloudApiUrl "http://127.0.0.1:$emulator_port"
pulumi config set --secret zilliz:apiKey "$emulator_key"
pulumi up --yes --non-interactive --skip-preview
echo
echo "Stack outputs:"
pulumi stack output --json
stop_emulator
