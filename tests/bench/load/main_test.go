package main

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
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

func TestFlagsRejectWhatCannotRun(t *testing.T) {
	cfg, err := parseFlags([]string{"-node", "tcp://127.0.0.1:26657"})
	require.NoError(t, err)
	require.NoError(t, cfg.validate(), "the defaults run")
	for args, want := range map[string]string{
		"-n 0":                "-n must be positive",
		"-batch 0":            "-batch must be at least 1",
		"-request-timeout 0s": "-request-timeout must be positive",
		"-rate -1":            "cannot be negative",
		"-kinds swap":         "unknown phase",
	} {
		cfg, err := parseFlags(append([]string{"-node", "tcp://127.0.0.1:26657"}, strings.Fields(args)...))
		require.NoError(t, err, args)
		require.ErrorContains(t, cfg.validate(), want, args)
	}
}

func TestSlowestAnswerIsTheLongestWait(t *testing.T) {
	var p phase
	p.answered(time.Now().Add(-2 * time.Second))
	p.answered(time.Now().Add(-time.Second))
	require.GreaterOrEqual(t, p.slowestAnswer, 2*time.Second)
	require.Less(t, p.slowestAnswer, time.Minute)
	require.Equal(t, p.slowestAnswer.Milliseconds(), summarize(result{slowestAnswer: p.slowestAnswer}).SlowestAnswerMs)
}
