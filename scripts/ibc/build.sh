#!/usr/bin/env bash
# Build the two third-party binaries tests/ibc runs next to milkywayd, each in
# its own scratch Go module in a cache OUTSIDE the repository (never through
# the chain's go.mod, whose ibc-go and SDK pins they would fight):
#
#   simd  ibc-go v8.8.0's testing chain (github.com/cosmos/ibc-go/v8/testing/simapp/simd).
#         Its scratch go.mod starts as a copy of the chain's (SDK v0.50.15, CometBFT
#         v0.38.20, ibc-go v8.8.0 itself, the same replaces, which include ibc-go's one
#         replace), so the Go build cache milkywayd fills serves most of it: about 4
#         minutes instead of 19 on 2 busy cores. If that does not compile, it is built
#         on the pins of ibc-go v8.8.0's own go.mod plus its replace.
#   rly   the Go relayer github.com/cosmos/relayer/v2 v2.6.0 on its own go.mod's pins
#         (it has no replace). It cannot share the chain's pins: the chain's btcec
#         replace (for rollkit) breaks the relayer's cometbft-client.
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

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
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

# Two suites starting at once (make test runs packages in parallel, other
# checkouts share the cache) build one after the other; the second finds
# the binaries cached.
if command -v flock >/dev/null; then
  exec 9>"$CACHE/.build.lock"
  flock 9
fi

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
  # The upstream replace lines (replaces do not propagate from dependencies).
  local replaces
  replaces=$(grep -E '^replace .+ => .+' "$dir/go.mod" || true)
  [[ -n $replaces ]] || die "$IBC_MOD@$IBC_VERSION go.mod has no replace line: the recipe no longer matches"

  # First on the chain's pins: the chain's go.mod and go.sum, renamed.
  cp "$REPO/go.mod" "$REPO/go.sum" "$mod/"
  chmod u+w "$mod/go.mod" "$mod/go.sum"
  (cd "$mod" && $GO mod edit -module=milkyway-rollup/ibc-build/simd -require="$IBC_MOD@$IBC_VERSION")
  local missing
  missing=$(while read -r line; do
    grep -qF "${line#replace }" "$mod/go.mod" || echo "$line"
  done <<<"$replaces")
  if [[ -z $missing ]]; then
    log "building simd ($IBC_MOD@$IBC_VERSION testing/simapp/simd) on the chain's pins in $mod"
    if (cd "$mod" && $GO build -mod=mod -o "$SIMD_BIN.tmp" "$IBC_MOD/testing/simapp/simd"); then
      mv "$SIMD_BIN.tmp" "$SIMD_BIN"
      log "built $SIMD_BIN in $((SECONDS - t0))s"
      return
    fi
    log "simd does not build on the chain's pins (output above); building it on ibc-go's own"
  else
    log "the chain's go.mod lacks ibc-go's replace ($missing); building simd on ibc-go's own pins"
  fi

  scratch_module "$mod" simd
  (cd "$mod" && $GO mod edit -require="$IBC_MOD@$IBC_VERSION")
  printf '\n%s\n' "$replaces" >>"$mod/go.mod"
  log "building simd ($IBC_MOD@$IBC_VERSION testing/simapp/simd) on its own pins in $mod"
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
