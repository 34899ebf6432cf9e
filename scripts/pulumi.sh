#!/usr/bin/env bash
# `npm run pulumi -- <args>`: the real Pulumi CLI with the quickstart stack's local settings, e.g.
# `npm run pulumi -- preview` after `npm start`. Starts the emulator (with its saved state) for the
# duration of the command, because refresh, up and destroy talk to it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/local-env.sh"
cd "$repo"
source "$repo/scripts/emulator-background.sh"
start_emulator
pulumi stack select "$stack_name" >/dev/null
status=0
pulumi "$@" || status=$?
stop_emulator
exit $status
