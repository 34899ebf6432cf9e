#!/usr/bin/env bash
# Makes sure the embedded Milvus standalone server from PyPI (`milvus`, binary shipped inside the wheel)
# is installed in a cached virtualenv outside the repo, and prints the virtualenv's python.
# Idempotent: a second run finds the virtualenv and returns at once.
#
# Version: the project targets Milvus 2.3.9, but PyPI carries 2.3.9 (and 2.3.8) only as a macOS arm64
# wheel; 2.3.5 is the newest 2.3.x with a manylinux x86_64 wheel, so that is the real server we run.
# See docs/milvus.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/venv.sh"
version="${MILVUS_VERSION:-2.3.5}"
ensure_venv milvus milvus "$version" "milvus==$version" "import milvus"
