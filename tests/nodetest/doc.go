// Package nodetest holds what the test suites that run milkywayd as real
// processes (tests/e2e on the mock DA, tests/celestia on a local Celestia
// network) share: building the binary, free loopback ports, polling, and
// reading a node's RPC. It starts no process itself and holds no state but
// the ports it handed out.
package nodetest
