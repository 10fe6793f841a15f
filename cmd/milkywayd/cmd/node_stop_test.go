package cmd

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"cosmossdk.io/log"
	"github.com/stretchr/testify/require"
)

type fakeNode struct{ stop func() error }

func (n fakeNode) Stop() error { return n.stop() }

func TestStopNodeWaitsForANodeThatStops(t *testing.T) {
	var out bytes.Buffer
	stopped := stopNode(fakeNode{stop: func() error { return nil }}, time.Hour, log.NewLogger(&out))
	require.True(t, stopped)
	require.Empty(t, out.String())
}

func TestStopNodeLogsAStopError(t *testing.T) {
	var out bytes.Buffer
	stopped := stopNode(fakeNode{stop: func() error { return errors.New("store closed twice") }}, time.Hour, log.NewLogger(&out))
	require.True(t, stopped, "a stop that returns, even with an error, has stopped")
	require.Contains(t, out.String(), "store closed twice")
}

// A node whose libp2p host never closes must not hold the process: the
// stop gives up after its grace and says why.
func TestStopNodeGivesUpOnAHungNode(t *testing.T) {
	hung := make(chan struct{})
	defer close(hung)
	var out bytes.Buffer
	stopped := stopNode(fakeNode{stop: func() error { <-hung; return nil }}, 10*time.Millisecond, log.NewLogger(&out))
	require.False(t, stopped)
	require.Contains(t, out.String(), "did not stop in time")
	require.Contains(t, out.String(), "libp2p")
}
