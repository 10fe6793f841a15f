package nodetest

import (
	"fmt"
	"math/rand"
	"net"
	"os"
	"sync"
	"testing"
	"time"
)

// FreeAddr picks a free loopback port below Linux's ephemeral range
// (32768+). Ports handed out there by the kernel to the nodes' own
// listeners (the DA gateway, libp2p) can never collide with one reserved
// here and released before the process that needs it binds it.
func FreeAddr(t testing.TB) string {
	t.Helper()
	portMu.Lock()
	defer portMu.Unlock()
	for i := 0; i < 1000; i++ {
		port := 20000 + portRand.Intn(12000)
		if portsTaken[port] {
			continue
		}
		addr := fmt.Sprintf("127.0.0.1:%d", port)
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			continue
		}
		_ = ln.Close()
		portsTaken[port] = true
		return addr
	}
	t.Fatal("no free port in 20000-32000")
	return ""
}

var (
	portMu     sync.Mutex
	portRand   = rand.New(rand.NewSource(time.Now().UnixNano() + int64(os.Getpid())))
	portsTaken = map[int]bool{}
)

// Dialable reports whether something accepts TCP connections at addr.
func Dialable(addr string) bool {
	conn, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
	if err != nil {
		return false
	}
	_ = conn.Close()
	return true
}

// WaitFor polls cond until it holds or the deadline passes. The deadline
// is a liveness bound for a hung process, not a performance assertion.
func WaitFor(t testing.TB, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", limit, what)
		}
		time.Sleep(200 * time.Millisecond)
	}
}
