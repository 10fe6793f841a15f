package fraud_test

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"cosmossdk.io/log"
	"github.com/cometbft/cometbft/crypto/ed25519"
	rollkittypes "github.com/rollkit/rollkit/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/da/gateway/gatewaytest"
	"github.com/milkyway-labs/milkyway-rollup/rollupnode/fraud"
)

const (
	chainID   = "milkyway-test-1"
	namespace = "00000000000000000000000000000000000000006d696c6b79776179"
)

var genesisAppHash = sha256.New().Sum(nil)

// appHashAfter is the fake app's state after a block: it chains the txs.
func appHashAfter(prev []byte, b *rollkittypes.Block) []byte {
	h := sha256.New()
	h.Write(prev)
	for _, tx := range b.Data.Txs {
		h.Write(tx)
	}
	return h.Sum(nil)
}

// chain builds blocks the way rollkit's sequencer does: header h+1 claims
// the app hash after block h and names block h by hash.
type chain struct {
	key    ed25519.PrivKey
	blocks []*rollkittypes.Block // blocks[i] is height i+1
	hashes [][]byte              // hashes[i] is the app hash after height i
}

func newChain(t *testing.T, n int) *chain {
	c := &chain{key: ed25519.GenPrivKey(), hashes: [][]byte{genesisAppHash}}
	for h := 1; h <= n; h++ {
		c.extend(t, fmt.Sprintf("tx-%d", h), nil)
	}
	return c
}

// next builds (without adding) the block after the chain's tip with txs;
// claimed overrides the app hash its header claims.
func (c *chain) next(tx string, claimed []byte) *rollkittypes.Block {
	return c.at(uint64(len(c.blocks)+1), tx, claimed)
}

// at builds a block at height on top of block height-1 of the chain.
func (c *chain) at(height uint64, tx string, claimed []byte) *rollkittypes.Block {
	spec := gatewaytest.BlockSpec{
		ChainID: chainID, Height: height, Key: c.key, Time: time.Unix(int64(height), 0),
		Txs: [][]byte{[]byte(tx)}, AppHash: c.hashes[height-1],
	}
	if height > 1 {
		spec.LastHeaderHash = c.blocks[height-2].Hash()
	}
	if claimed != nil {
		spec.AppHash = claimed
	}
	return gatewaytest.Block(spec)
}

func (c *chain) extend(t *testing.T, tx string, claimed []byte) *rollkittypes.Block {
	b := c.next(tx, claimed)
	require.NoError(t, b.ValidateBasic())
	c.blocks = append(c.blocks, b)
	c.hashes = append(c.hashes, appHashAfter(c.hashes[len(c.hashes)-1], b))
	return b
}

func (c *chain) block(h uint64) *rollkittypes.Block { return c.blocks[h-1] }

// fakeStore is rollkit's store on a full node that applies blocks.
type fakeStore struct {
	mu     sync.Mutex
	blocks map[uint64]*rollkittypes.Block
	state  *rollkittypes.State
}

func newStore() *fakeStore {
	return &fakeStore{blocks: map[uint64]*rollkittypes.Block{}}
}

// initChain records the post-InitChain state.
func (s *fakeStore) initChain() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state = &rollkittypes.State{ChainID: chainID, InitialHeight: 1, AppHash: genesisAppHash}
}

// apply executes b on top of the store's state as the fake app does.
func (s *fakeStore) apply(b *rollkittypes.Block) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.blocks[b.Height()] = b
	next := *s.state
	next.LastBlockHeight, next.AppHash = b.Height(), appHashAfter(s.state.AppHash, b)
	s.state = &next
}

func (s *fakeStore) Height() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state == nil {
		return 0
	}
	return s.state.LastBlockHeight
}

func (s *fakeStore) GetBlock(_ context.Context, h uint64) (*rollkittypes.Block, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if b, ok := s.blocks[h]; ok {
		return b, nil
	}
	return nil, fmt.Errorf("no block at height %d", h)
}

func (s *fakeStore) GetState(context.Context) (rollkittypes.State, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state == nil {
		return rollkittypes.State{}, errors.New("no state")
	}
	return *s.state, nil
}

var detectedAt = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)

func newDetector(t *testing.T, dir string, c *chain, store fraud.Store) *fraud.Detector {
	t.Helper()
	d, err := fraud.NewDetector(fraud.Config{
		Dir: dir, ChainID: chainID, Sequencer: c.key.PubKey().Address(), Namespace: namespace,
		Store: store, Logger: log.NewNopLogger(), Now: func() time.Time { return detectedAt },
	})
	require.NoError(t, err)
	return d
}

// requireVerifies checks that an evidence header decodes into a header
// validly signed by the chain's key.
func requireVerifies(t *testing.T, c *chain, h fraud.Header) *rollkittypes.SignedHeader {
	t.Helper()
	sh, err := h.Decode()
	require.NoError(t, err)
	require.NoError(t, sh.ValidateBasic())
	require.Equal(t, c.key.PubKey().Address().Bytes(), sh.ProposerAddress)
	return sh
}
