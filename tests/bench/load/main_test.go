package main

import "testing"

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
