#!/usr/bin/env bash
# Build the Celestia binaries `make test-celestia` runs against, each in its own
# scratch Go module in a cache OUTSIDE the repository (never in the chain's go.mod):
#
#   celestia-appd  celestia-app v9.0.8 (-tags ledger) on the fork pins celestia-node
#                  v0.32.1 uses (the release's own fork pins are not served by the
#                  Go module proxy); one field of cmd/celestia-appd removed so it compiles
#   celestia       celestia-node v0.32.1, its celestia-app/v9 v9.0.6 pin replaced by v9.0.8
#
# The go.mod files come from the shared recipe (<repo>/../shared/celestia/build).
# A binary that already exists for its version is not rebuilt.
#
# Environment:
#   CELESTIA_CACHE   cache dir (default ${XDG_CACHE_HOME:-$HOME/.cache}/milkyway-rollup/celestia)
#   CELESTIA_SHARED  the shared recipe dir (default <repo>/../shared/celestia)
#   FORCE=1          rebuild even if the binaries exist
# Prints the two binary paths on success.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CACHE=${CELESTIA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/milkyway-rollup/celestia}
SHARED=${CELESTIA_SHARED:-$REPO/../shared/celestia}
APP_VERSION=v9.0.8
NODE_VERSION=v0.32.1
APP_MOD=github.com/celestiaorg/celestia-app/v9
NODE_MOD=github.com/celestiaorg/celestia-node
APP_GOMOD=$SHARED/build/celestia-app-${APP_VERSION}-substituted.go.mod
NODE_GOMOD=$SHARED/build/celestia-node-${NODE_VERSION}.go.mod
GO=${GO:-go}

APP_BIN=$CACHE/bin/celestia-appd-$APP_VERSION
NODE_BIN=$CACHE/bin/celestia-$NODE_VERSION

log() { echo "[celestia-build] $*" >&2; }
die() { echo "[celestia-build] ERROR: $*" >&2; exit 1; }

mkdir -p "$CACHE/bin" "$CACHE/src"

build_app() {
  if [[ -x $APP_BIN && -z ${FORCE:-} ]]; then log "cached: $APP_BIN"; return; fi
  [[ -f $APP_GOMOD ]] || die "missing $APP_GOMOD (clone the shared recipe next to the repo or set CELESTIA_SHARED)"
  local mod=$CACHE/src/app-$APP_VERSION t0=$SECONDS
  rm -rf "$mod"; mkdir -p "$mod"
  cp "$APP_GOMOD" "$mod/go.mod"; chmod u+w "$mod/go.mod"
  log "downloading $APP_MOD@$APP_VERSION"
  local dir
  dir=$(cd "$mod" && $GO mod download -json "$APP_MOD@$APP_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [[ -d $dir/cmd/celestia-appd ]] || die "no cmd/celestia-appd in $dir (GOMODCACHE=$($GO env GOMODCACHE))"
  # A copy of the package inside the scratch module, so one field can be removed.
  mkdir -p "$mod/cmd"
  cp -r "$dir/cmd/celestia-appd" "$mod/cmd/"
  chmod -R u+w "$mod/cmd"
  # Its imports of its own subpackages now point at the copy.
  grep -rl "\"$APP_MOD/cmd/celestia-appd/" "$mod/cmd" | xargs -r sed -i "s#\"$APP_MOD/cmd/celestia-appd/#\"celestialab/buildapp/cmd/celestia-appd/#"
  # server.StartCmdOptions.GRPCServerOptions (a Prometheus gRPC interceptor) is newer
  # than the served cosmos-sdk fork v0.52.3: drop that field from the literal.
  local f=$mod/cmd/celestia-appd/cmd/modify_root_command.go
  grep -q 'GRPCServerOptions' "$f" || die "GRPCServerOptions not found in $f: the recipe no longer matches"
  # The field spans three lines (its []grpc.ServerOption literal); its two
  # imports are used nowhere else in the file.
  sed -i '/GRPCServerOptions: \[\]grpc.ServerOption{$/,/^\t\t\t},$/d' "$f"
  if grep -q 'GRPCServerOptions' "$f"; then die "GRPCServerOptions still in $f after the edit"; fi
  grep -q 'grpc\.' "$f" || sed -i '\#^\t"google.golang.org/grpc"$#d' "$f"
  grep -q 'observability\.' "$f" || sed -i '\#^\t"github.com/celestiaorg/celestia-app/v9/app/observability"$#d' "$f"
  "$($GO env GOROOT)/bin/gofmt" -l "$f" >/dev/null || die "$f does not parse after the edit"
  log "building celestia-appd $APP_VERSION (-tags ledger) in $mod"
  (cd "$mod" && $GO build -mod=mod -tags ledger -o "$APP_BIN.tmp" ./cmd/celestia-appd)
  mv "$APP_BIN.tmp" "$APP_BIN"
  log "built $APP_BIN in $((SECONDS - t0))s"
}

build_node() {
  if [[ -x $NODE_BIN && -z ${FORCE:-} ]]; then log "cached: $NODE_BIN"; return; fi
  [[ -f $NODE_GOMOD ]] || die "missing $NODE_GOMOD (clone the shared recipe next to the repo or set CELESTIA_SHARED)"
  local mod=$CACHE/src/node-$NODE_VERSION t0=$SECONDS
  rm -rf "$mod"; mkdir -p "$mod"
  cp "$NODE_GOMOD" "$mod/go.mod"; chmod u+w "$mod/go.mod"
  grep -q "$APP_MOD => $APP_MOD $APP_VERSION" "$mod/go.mod" || die "$NODE_GOMOD does not replace $APP_MOD with $APP_VERSION"
  log "building celestia $NODE_VERSION in $mod"
  (cd "$mod" && $GO build -mod=mod -o "$NODE_BIN.tmp" "$NODE_MOD/cmd/celestia")
  mv "$NODE_BIN.tmp" "$NODE_BIN"
  log "built $NODE_BIN in $((SECONDS - t0))s"
}

build_app
build_node
echo "$APP_BIN"
echo "$NODE_BIN"
