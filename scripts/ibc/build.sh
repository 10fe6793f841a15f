#!/usr/bin/env bash
# Build the two third-party binaries tests/ibc runs next to milkywayd, each in
# its own scratch Go module in a cache OUTSIDE the repository (never through
# the chain's go.mod, whose ibc-go and SDK pins they would fight):
#
#   simd  ibc-go v8.8.0's testing chain (github.com/cosmos/ibc-go/v8/testing/simapp/simd),
#         built on the pins of ibc-go v8.8.0's own go.mod plus its one replace
#   rly   the Go relayer github.com/cosmos/relayer/v2 v2.6.0 (its go.mod has no replace)
#
# Exact versions only: the module proxy refuses @latest and version lists.
# A binary that already exists for its version is not rebuilt.
#
# Environment:
#   IBC_CACHE  cache dir (default ${XDG_CACHE_HOME:-$HOME/.cache}/milkyway-rollup/ibc)
#   FORCE=1    rebuild even if the binaries exist
# Prints the two binary paths (simd, then rly) on success. On failure the
# last line on stderr says what failed; the Go output above it says why.
set -euo pipefail

CACHE=${IBC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/milkyway-rollup/ibc}
IBC_MOD=github.com/cosmos/ibc-go/v8
IBC_VERSION=v8.8.0
RLY_MOD=github.com/cosmos/relayer/v2
RLY_VERSION=v2.6.0
GO=${GO:-go}
export GOWORK=off GOTOOLCHAIN=local

SIMD_BIN=$CACHE/bin/simd-ibc-go-$IBC_VERSION
RLY_BIN=$CACHE/bin/rly-$RLY_VERSION

log() { echo "[ibc-build] $*" >&2; }
die() { echo "[ibc-build] ERROR: $*" >&2; exit 1; }

mkdir -p "$CACHE/bin" "$CACHE/src"

# scratch_module DIR NAME: an empty module at DIR. `go 1.24.0` keeps the
# toolchain local; each dependency still builds with its own go.mod's
# language version.
scratch_module() {
  rm -rf "$1"; mkdir -p "$1"
  printf 'module milkyway-rollup/ibc-build/%s\n\ngo 1.24.0\n' "$2" >"$1/go.mod"
}

build_simd() {
  if [[ -x $SIMD_BIN && -z ${FORCE:-} ]]; then log "cached: $SIMD_BIN"; return; fi
  local mod=$CACHE/src/simd-$IBC_VERSION t0=$SECONDS
  scratch_module "$mod" simd
  log "downloading $IBC_MOD@$IBC_VERSION"
  (cd "$mod" && $GO mod download "$IBC_MOD@$IBC_VERSION") || die "cannot download $IBC_MOD@$IBC_VERSION (is the Go module proxy reachable?)"
  local dir
  dir=$(cd "$mod" && $GO mod download -json "$IBC_MOD@$IBC_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [[ -f $dir/testing/simapp/simd/main.go ]] || die "no testing/simapp/simd in $dir: the layout changed"
  # The upstream replace block (replaces do not propagate from dependencies).
  local replaces
  replaces=$(grep -E '^replace .+ => .+' "$dir/go.mod" || true)
  [[ -n $replaces ]] || die "$IBC_MOD@$IBC_VERSION go.mod has no replace line: the recipe no longer matches"
  (cd "$mod" && $GO mod edit -require="$IBC_MOD@$IBC_VERSION")
  printf '\n%s\n' "$replaces" >>"$mod/go.mod"
  log "building simd ($IBC_MOD@$IBC_VERSION testing/simapp/simd) in $mod"
  (cd "$mod" && $GO build -mod=mod -o "$SIMD_BIN.tmp" "$IBC_MOD/testing/simapp/simd") || die "building simd failed"
  mv "$SIMD_BIN.tmp" "$SIMD_BIN"
  log "built $SIMD_BIN in $((SECONDS - t0))s"
}

build_rly() {
  if [[ -x $RLY_BIN && -z ${FORCE:-} ]]; then log "cached: $RLY_BIN"; return; fi
  local mod=$CACHE/src/rly-$RLY_VERSION t0=$SECONDS
  scratch_module "$mod" rly
  log "downloading $RLY_MOD@$RLY_VERSION"
  (cd "$mod" && $GO mod download "$RLY_MOD@$RLY_VERSION") || die "cannot download $RLY_MOD@$RLY_VERSION (is the Go module proxy reachable?)"
  (cd "$mod" && $GO mod edit -require="$RLY_MOD@$RLY_VERSION")
  log "building rly ($RLY_MOD@$RLY_VERSION) in $mod"
  (cd "$mod" && $GO build -mod=mod -ldflags "-X $RLY_MOD/cmd.Version=$RLY_VERSION" -o "$RLY_BIN.tmp" "$RLY_MOD") || die "building rly failed"
  mv "$RLY_BIN.tmp" "$RLY_BIN"
  log "built $RLY_BIN in $((SECONDS - t0))s"
}

build_simd
build_rly
echo "$SIMD_BIN"
echo "$RLY_BIN"
