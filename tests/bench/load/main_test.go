package main

import (
	"testing"
	"time"
)

// The load generator must refuse any node off the loopback interface; this
// needs no devnet.
func TestCheckLoopback(t *testing.T) {
	for node, ok := range map[string]bool{
		"tcp://127.0.0.1:26657":   true,
		"tcp://localhost:26657":   true,
		"http://127.0.0.1:26657":  true,
		"tcp://[::1]:26657":       true,
		"tcp://10.0.0.5:26657":    false,
		"tcp://example.com:26657": false,
		"127.0.0.1:26657":         false, // no scheme: ambiguous, refused
		"":                        false,
	} {
		if err := checkLoopback(node); (err == nil) != ok {
			t.Errorf("checkLoopback(%q) = %v, want ok=%v", node, err, ok)
		}
	}
}

// -rate spreads the offered load over the senders' batches.
func TestLoadInterval(t *testing.T) {
	for _, c := range []struct {
		l    load
		want time.Duration
	}{
		{load{senders: 40, batch: 10, rate: 1000}, 400 * time.Millisecond},
		{load{senders: 1, batch: 1, rate: 4}, 250 * time.Millisecond},
		{load{senders: 40, batch: 10}, 0}, // no rate: as fast as the node takes them
	} {
		if got := c.l.interval(); got != c.want {
			t.Errorf("%+v: interval %s, want %s", c.l, got, c.want)
		}
	}
}
