#!/usr/bin/env bash
# Makes sure a Pulumi CLI (v3.248.0 or newer) and the Node language host are available, and prints the
# directory that holds them. No registry ships the CLI binary, so when none is on PATH we build it from
# Pulumi's published Go modules through the Go module proxy, once per machine, in a cache outside the repo.
# Idempotent: a second run finds the cached binaries and returns at once.
set -euo pipefail

version="3.248.0"
# The Node language host. Since v3.69 it lives in its own Go module, which has no tags, and the module
# proxy reachable here refuses commit and pseudo-version queries for it ("This module version is not
# available"). Its last tagged home is the sdk/v3 module at v3.68.0, which the proxy serves. The
# engine<->language-host protocol is backwards compatible (newer RPCs fall back when unimplemented);
# the e2e tier proves this pairing on every run. See docs/pulumi-cli.md.
langhost_sdk_version="3.68.0"
cache_root="${PULUMI_ZILLIZ_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-zilliz}"
root="$cache_root/pulumi-v$version"
bin="$root/bin"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { echo "[ensure-pulumi] $*" >&2; }

# Semver "at least" comparison on MAJOR.MINOR.PATCH (pre-release suffixes are ignored).
version_at_least() {
  local have="${1#v}" want="${2#v}"
  have="${have%%-*}"; have="${have%%+*}"
  [ "$(printf '%s\n%s\n' "$want" "$have" | sort -V | head -n1)" = "$want" ]
}

install_launcher() {
  # The dynamic-provider launcher ships inside @pulumi/pulumi; the engine finds it next to `pulumi`.
  local src="$repo/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
  if [ ! -f "$src" ]; then
    log "missing $src: run 'npm ci' first"; exit 1
  fi
  if ! cmp -s "$src" "$1/pulumi-resource-pulumi-nodejs" 2>/dev/null; then
    cp "$src" "$1/pulumi-resource-pulumi-nodejs.tmp"
    chmod 755 "$1/pulumi-resource-pulumi-nodejs.tmp"
    mv "$1/pulumi-resource-pulumi-nodejs.tmp" "$1/pulumi-resource-pulumi-nodejs"
  fi
}

# 1. A pulumi already on PATH at the wanted version or newer, with its language host, is used as is.
if ambient="$(command -v pulumi 2>/dev/null)"; then
  have="$(PULUMI_SKIP_UPDATE_CHECK=true "$ambient" version 2>/dev/null || true)"
  ambient_dir="$(dirname "$(readlink -f "$ambient")")"
  if [ -n "$have" ] && version_at_least "$have" "$version" && [ -x "$ambient_dir/pulumi-language-nodejs" ] \
     && [ "$ambient_dir" != "$bin" ]; then
    if [ -w "$ambient_dir" ]; then install_launcher "$ambient_dir"; fi
    log "using $ambient ($have)"
    echo "$ambient_dir"; exit 0
  fi
fi

# 2. The cached build.
if [ -x "$bin/pulumi" ] && [ -x "$bin/pulumi-language-nodejs" ] \
   && [ "$(PULUMI_SKIP_UPDATE_CHECK=true "$bin/pulumi" version 2>/dev/null)" = "v$version" ]; then
  install_launcher "$bin"
  echo "$bin"; exit 0
fi

# 3. Build from the Go module proxy, each binary in its own throwaway module (they need different
#    versions of the sdk/v3 module, so they cannot share one build list).
command -v go >/dev/null || { log "Go is required to build the Pulumi CLI and is not on PATH"; exit 1; }
log "building Pulumi CLI v$version from Go modules (first time on this machine; takes a few minutes)"
start=$(date +%s)
mkdir -p "$bin"
export GOFLAGS=-mod=mod CGO_ENABLED=0 GOTOOLCHAIN=local
# The checksum database answers 404 through this proxy for Pulumi's own modules; go.sum in the
# throwaway module still pins every hash it downloads.
export GONOSUMDB="${GONOSUMDB:+$GONOSUMDB,}github.com/pulumi"

# build_one NAME MODULE_DIR VERSION_STRING PACKAGE GO_GET_ARGS...
build_one() {
  local name="$1" dir="$2" stamp="$3" pkg="$4"; shift 4
  mkdir -p "$dir"
  ( cd "$dir"
    [ -f go.mod ] || go mod init "local/$name" >/dev/null 2>&1
    # Upstream's only non-path replace; its ../sdk-style path replaces are moot with matching tags.
    go mod edit -replace=github.com/atotto/clipboard=github.com/tgummerer/clipboard@v0.0.0-20241001131231-d02d263e614e
    go get "$@" >&2
    log "go build $name"
    go build -trimpath -tags osusergo,grpcnotrace \
      -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$stamp" \
      -o "$bin/$name.tmp" "$pkg" >&2 )
  mv "$bin/$name.tmp" "$bin/$name"
}
build_one pulumi "$root/build-cli" "$version" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi \
  "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v$version" "github.com/pulumi/pulumi/sdk/v3@v$version"
build_one pulumi-language-nodejs "$root/build-langhost" "$langhost_sdk_version" \
  github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs \
  "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs@v$langhost_sdk_version"
install_launcher "$bin"
got="$(PULUMI_SKIP_UPDATE_CHECK=true "$bin/pulumi" version)"
[ "$got" = "v$version" ] || { log "built pulumi reports '$got', expected v$version"; exit 1; }
log "built $got in $(( $(date +%s) - start ))s into $bin"
echo "$bin"
