#!/usr/bin/env bash
# Regenerates the Go code for every proto/milkyway/**.proto without the buf
# registry: protoc from Debian plus the gogoproto and grpc-gateway plugins,
# with include paths taken from the Go module cache. The output is committed;
# running this again must reproduce it byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."

GOCOSMOS_VERSION=v1.7.0
GATEWAY_VERSION=v1.16.0
GOBIN="${GOBIN:-$(go env GOPATH)/bin}"
export PATH="$GOBIN:$PATH"

need_plugin() { # name module version
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "installing $1 $3" >&2
    (cd "$(mktemp -d)" && GOFLAGS= go install "$2@$3")
  fi
}
command -v protoc >/dev/null 2>&1 || {
  echo "protoc not found: install it with 'apt-get install -y protobuf-compiler'" >&2; exit 1; }
need_plugin protoc-gen-gocosmos github.com/cosmos/gogoproto/protoc-gen-gocosmos "$GOCOSMOS_VERSION"
need_plugin protoc-gen-grpc-gateway github.com/grpc-ecosystem/grpc-gateway/protoc-gen-grpc-gateway "$GATEWAY_VERSION"

moddir() { go list -m -f '{{.Dir}}' "$1"; }
SDK=$(moddir github.com/cosmos/cosmos-sdk)
CP=$(moddir github.com/cosmos/cosmos-proto)
GOGO=$(moddir github.com/cosmos/gogoproto)
GW=$(moddir github.com/grpc-ecosystem/grpc-gateway)

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for dir in $(find proto/milkyway -name '*.proto' -exec dirname {} \; | sort -u); do
  protoc -I proto -I "$SDK/proto" -I "$CP/proto" -I "$GOGO" -I "$GW/third_party/googleapis" -I /usr/include \
    --gocosmos_out=plugins=grpc,Mgoogle/protobuf/any.proto=github.com/cosmos/cosmos-sdk/codec/types:"$out" \
    --grpc-gateway_out=logtostderr=true,allow_colon_final_segments=true:"$out" \
    "$dir"/*.proto
done
# protoc writes files under their full Go import path; move them into the repo.
cp -r "$out"/github.com/milkyway-labs/milkyway-rollup/* ./
echo "generated: $(cd "$out" && find . -name '*.go' | wc -l) files"
