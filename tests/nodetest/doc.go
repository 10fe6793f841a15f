// Package nodetest holds what the test suites that run milkywayd as real
// processes (tests/e2e on the mock DA, tests/celestia on a local Celestia
// network, tests/ibc with simd and the Go relayer) share: building the
// binary, free loopback ports, polling, starting and stopping processes,
// and reading a node's RPC and the CLI's JSON output. It holds no state but
// the ports it handed out.
package nodetest
