#!/usr/bin/env bash
# Makes sure `moto` in server mode (an S3-compatible object store from PyPI, `moto[server]`) is installed in a
# cached virtualenv outside the repo, and prints the virtualenv's python. The import tests start it with
# `python -m moto.server` on a free loopback port (test/support/moto.ts).
# Idempotent: a second run finds the virtualenv and returns at once. Fails loudly when it cannot install.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/venv.sh"
version="${MOTO_VERSION:-5.2.5}"
ensure_venv moto moto "$version" "moto[server]==$version" "import moto.server, flask"
