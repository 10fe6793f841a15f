package lane_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"time"

	"cosmossdk.io/log"
	rollkittypes "github.com/rollkit/rollkit/types"

	"github.com/milkyway-labs/milkyway-rollup/sequencer/lane"
	sequencertypes "github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
)

// rules: epochs of 10 DA heights, one epoch of grace, 100 bytes per epoch,
// 40 bytes per transaction.
var rules = sequencertypes.ForcedInclusion{
	Namespace: sequencertypes.DefaultForcedInclusion().Namespace, EpochLength: 10, GraceEpochs: 1,
	EpochByteBudget: 100, MaxTxBytes: 40,
}

// isTx accepts the test's "transactions": bytes starting with "tx:".
func isTx(b []byte) error {
	if !bytes.HasPrefix(b, []byte("tx:")) {
		return errors.New("no tx: prefix")
	}
	return nil
}

func tx(name string, size int) []byte {
	b := []byte("tx:" + name)
	for len(b) < size {
		b = append(b, '.')
	}
	return b
}

func blob(h uint64, data []byte) lane.Blob {
	return lane.Blob{DAHeight: h, ID: []byte(fmt.Sprintf("id-%d-%x", h, sha256.Sum256(data))), Data: data}
}

// fakeDA is a lane on a DA: blobs per height, a head, failures to inject.
type fakeDA struct {
	blobs map[uint64][]lane.Blob
	fail  map[uint64]bool
	reads []uint64
}

func (f *fakeDA) read(_ context.Context, h uint64) ([]lane.Blob, error) {
	f.reads = append(f.reads, h)
	if f.fail[h] {
		return nil, errors.New("DA unreachable")
	}
	return f.blobs[h], nil
}

func (f *fakeDA) post(h uint64, data []byte) { f.blobs[h] = append(f.blobs[h], blob(h, data)) }

// chain plays the node's tx index: what is committed at which height and
// how far it is indexed.
type chain struct {
	committed map[[32]byte]uint64
	indexed   uint64
}

func (c *chain) tracker(da *fakeDA) *lane.Tracker {
	return lane.NewTracker(lane.TrackerConfig{
		Rules: rules, Check: isTx, Read: da.read, Logger: log.NewNopLogger(),
		Committed: func(h [32]byte) (uint64, bool) { height, ok := c.committed[h]; return height, ok },
		Indexed:   func(h uint64) bool { return h <= c.indexed },
	})
}

// block is a sequencer block at height with txs.
func block(height uint64, txs ...[]byte) *rollkittypes.Block {
	b := &rollkittypes.Block{}
	b.SignedHeader.BaseHeader.Height = height
	b.SignedHeader.BaseHeader.Time = uint64(time.Unix(1_700_000_000, 0).UnixNano()) + height
	for _, t := range txs {
		b.Data.Txs = append(b.Data.Txs, t)
	}
	return b
}

func ids(blocks ...*rollkittypes.Block) [][]byte {
	out := make([][]byte, len(blocks))
	for i, b := range blocks {
		out[i] = []byte(fmt.Sprintf("block-%d", b.Height()))
	}
	return out
}

func blockList(bs ...*rollkittypes.Block) []*rollkittypes.Block { return bs }
