# MilkyWay rollup: build, test and run a local devnet. `make` lists the targets.

BINARY     := build/milkywayd
GO         ?= go
GOFLAGS_P  ?= -p 2
DEVNET     := bash local-devnet/devnet.sh
BENCH_N    ?= 500
CHAOS_KILLS ?= 30
# The SDK's cgo binding of libsecp256k1 checks a signature in half the time
# of the pure-Go one (tests/bench/README.md); built in when Go can use a C
# compiler. BUILD_TAGS= builds the pure-Go binary; both agree on every signature.
BUILD_TAGS ?= $(shell [ "$$($(GO) env CGO_ENABLED)" = 1 ] && command -v "$$($(GO) env CC)" >/dev/null && echo libsecp256k1_sdk)

.DEFAULT_GOAL := help
.PHONY: help build install test test-unit test-e2e test-ibc test-chaos test-celestia test-race fuzz lint proto-gen proto-check \
	devnet devnet-up devnet-down devnet-status devnet-reset devnet-logs bench bench-sustained clean

## help: list the targets
help:
	@echo "MilkyWay rollup - make targets:"
	@grep -E '^## [a-z0-9-]+:' $(MAKEFILE_LIST) | sed -e 's/^## \([a-z0-9-]*\): /  \1\t/' | expand -t 18

## build: build the milkywayd binary into build/
build:
	$(GO) build -tags '$(BUILD_TAGS)' -o $(BINARY) ./cmd/milkywayd

## install: install milkywayd into $GOBIN (or $GOPATH/bin)
install:
	$(GO) install -tags '$(BUILD_TAGS)' ./cmd/milkywayd

## test: run all tests, unit, end-to-end and IBC (the e2e and IBC tests build their binaries themselves)
test:
	$(GO) test $(GOFLAGS_P) -timeout 40m ./...

## test-unit: run the unit tests only (everything but tests/e2e and tests/ibc)
test-unit:
	$(GO) test $(GOFLAGS_P) $$($(GO) list ./... | grep -v -e /tests/e2e -e /tests/ibc)

## test-e2e: run the end-to-end tests only (multi-process devnets, one package at a time)
test-e2e:
	$(GO) test -p 1 -count=1 -timeout 30m ./tests/e2e/...

## test-ibc: the rollup and an ibc-go simd chain linked by the Go relayer, transfers in, out and timed out (builds simd and rly into a cache outside the repo first; docs/ibc.md)
test-ibc:
	$(GO) build -tags '$(BUILD_TAGS)' -o $(BINARY) ./cmd/milkywayd
	bash scripts/ibc/build.sh >/dev/null
	$(GO) test -p 1 -count=1 -timeout 30m -v ./tests/ibc/...

## test-chaos: SIGKILL the sequencer and full node at random under load, plus a DA outage (CHAOS_KILLS=30; make test runs 6)
test-chaos:
	$(GO) test -count=1 -v -timeout 60m -run 'TestChaos$$' ./tests/e2e/ -args -chaos.kills=$(CHAOS_KILLS) $(CHAOS_ARGS)

## test-celestia: opt-in, not in `make test`: build celestia-app/celestia-node (cached outside the repo), start a local Celestia network (validator, bridge, light node), run tests/celestia, stop it (docs/celestia.md)
test-celestia:
	bash scripts/celestia/build.sh
	CELESTIA_FUND=$${CELESTIA_FUND:-0} bash scripts/celestia/network.sh up
	bash scripts/celestia/network.sh up-light || { bash scripts/celestia/network.sh down; exit 1; }
	$(GO) test -p 1 -count=1 -tags celestia -timeout 30m -v ./tests/celestia/...; rc=$$?; \
	  if [ -z "$$KEEP_NETWORK" ]; then bash scripts/celestia/network.sh down; fi; exit $$rc

## fuzz: run every fuzz target in x/ and da/ briefly (FUZZTIME=10s each by default)
fuzz:
	bash scripts/fuzz.sh

## test-race: run the unit tests with the race detector
test-race:
	$(GO) test $(GOFLAGS_P) -race -timeout 40m $$($(GO) list ./... | grep -v -e /tests/e2e -e /tests/ibc)

## lint: check formatting (gofmt) and run go vet
lint:
	@files=$$(find . -name '*.go' -not -path './build/*' -not -path './.git/*' | xargs gofmt -l); \
	if [ -n "$$files" ]; then echo "gofmt needed on:"; echo "$$files"; exit 1; fi
	$(GO) vet ./...

## proto-gen: regenerate the Go code from proto/ (needs protoc)
proto-gen:
	bash scripts/protocgen.sh

## proto-check: regenerate and fail if the committed generated code differs
proto-check: proto-gen
	git diff --exit-code -- '*.pb.go' '*.pb.gw.go'

## devnet: run the local devnet (mock DA, sequencer, full node) in the foreground; Ctrl-C stops it
devnet: build
	$(DEVNET) run

## devnet-up: start the local devnet in the background
devnet-up: build
	$(DEVNET) up

## devnet-down: stop the background devnet
devnet-down:
	$(DEVNET) down

## devnet-status: show the nodes' /sequencer_status and the DA height
devnet-status:
	$(DEVNET) status

## devnet-logs: print the last lines of the devnet logs
devnet-logs:
	$(DEVNET) logs

## devnet-reset: stop the devnet and delete its state (keys, blocks, DA data)
devnet-reset:
	$(DEVNET) reset

## bench: bank send vs MsgDelegatePool tx/s on the running devnet (make devnet-up first; BENCH_N=500)
bench:
	$(GO) run ./tests/bench/load -n $(BENCH_N) -home "$${DEVNET_HOME:-local-devnet/.devnet}/sequencer" $(BENCH_ARGS)

## bench-sustained: one table: 60 s each of MsgDelegatePool and bank sends at capacity and of MsgDelegatePool offered at 1,050 tx/s (tx/s, p50/p99 inclusion, full-node lag, DA bytes/tx), a fresh full node's catch-up, and ibc-go's simd as the peer (about 9 minutes; tests/bench/README.md)
bench-sustained:
	SIMD=$$(bash scripts/ibc/build.sh | head -n 1) && export SIMD && \
	MILKYWAYD_TAGS='$(BUILD_TAGS)' $(GO) test -run '^$$' -bench Sustained -benchtime 1x -timeout 40m ./tests/e2e

## clean: remove build outputs
clean:
	rm -rf build/
