package rollupnode_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"testing"

	"cosmossdk.io/log"
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/crypto/ed25519"
	cmtypes "github.com/cometbft/cometbft/types"
	"github.com/rollkit/rollkit/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/da/gateway/gatewaytest"
	"github.com/milkyway-labs/milkyway-rollup/rollupnode"
)

// fakeApp is a deterministic app: its hash chains the txs of every block.
type fakeApp struct {
	height     int64
	hash       []byte
	pending    []byte
	rolledBack int64
	finalized  []int64
}

func appHashAfter(prev []byte, txs [][]byte) []byte {
	h := sha256.New()
	h.Write(prev)
	for _, tx := range txs {
		h.Write(tx)
	}
	return h.Sum(nil)
}

func (a *fakeApp) LastBlockHeight() int64        { return a.height }
func (a *fakeApp) LastCommitID() (int64, []byte) { return a.height, a.hash }
func (a *fakeApp) RollbackToHeight(height int64) error {
	a.rolledBack = height
	a.height = height
	return nil
}
func (a *fakeApp) FinalizeBlock(req *abci.RequestFinalizeBlock) (*abci.ResponseFinalizeBlock, error) {
	if req.Height != a.height+1 {
		return nil, fmt.Errorf("invalid height %d, expected %d", req.Height, a.height+1)
	}
	a.finalized = append(a.finalized, req.Height)
	a.pending = appHashAfter(a.hash, req.Txs)
	return &abci.ResponseFinalizeBlock{AppHash: a.pending}, nil
}

func (a *fakeApp) Commit() (*abci.ResponseCommit, error) {
	a.height++
	a.hash = a.pending
	return &abci.ResponseCommit{}, nil
}

// fakeBlocks is a rollkit store holding a chain produced by the fake app.
type fakeBlocks struct {
	state     types.State
	hasState  bool
	blocks    map[uint64]*types.Block
	forgotten bool
}

func (b *fakeBlocks) State(context.Context) (types.State, bool, error) {
	return b.state, b.hasState, nil
}
func (b *fakeBlocks) ForgetState(context.Context) error { b.forgotten = true; return nil }
func (b *fakeBlocks) Block(_ context.Context, h uint64) (*types.Block, error) {
	blk, ok := b.blocks[h]
	if !ok {
		return nil, fmt.Errorf("block %d not found", h)
	}
	return blk, nil
}

// chain builds n blocks whose headers carry the app hash before them, as
// rollkit's headers do, and returns the store plus the hash after each.
func chain(t *testing.T, n int) (*fakeBlocks, [][]byte) {
	key := ed25519.GenPrivKey()
	blocks := &fakeBlocks{blocks: map[uint64]*types.Block{}, hasState: true}
	hashes := [][]byte{nil}
	for h := 1; h <= n; h++ {
		txs := [][]byte{[]byte(fmt.Sprintf("tx-%d", h))}
		blk := gatewaytest.Block(gatewaytest.BlockSpec{ChainID: "c", Height: uint64(h), Key: key, Txs: txs})
		blk.SignedHeader.AppHash = hashes[h-1]
		blocks.blocks[uint64(h)] = blk
		hashes = append(hashes, appHashAfter(hashes[h-1], txs))
	}
	blocks.state = types.State{
		InitialHeight: 1, LastBlockHeight: uint64(n), AppHash: hashes[n],
		Validators: cmtypes.NewValidatorSet([]*cmtypes.Validator{cmtypes.NewValidator(key.PubKey(), 1)}),
	}
	return blocks, hashes
}

func TestReconcile(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name       string
		appHeight  int
		corrupt    bool
		noState    bool
		wantAction rollupnode.Action
		wantErr    error
	}{
		{name: "in step", appHeight: 5, wantAction: rollupnode.ActionNone},
		{name: "new node", noState: true, wantAction: rollupnode.ActionNone},
		{name: "app one ahead is rolled back", appHeight: 6, wantAction: rollupnode.ActionRollback},
		{name: "app behind is replayed", appHeight: 2, wantAction: rollupnode.ActionReplay},
		{name: "app database lost entirely is refused", appHeight: 0, wantErr: rollupnode.ErrStateMismatch},
		{name: "app two ahead cannot be fixed", appHeight: 7, wantErr: rollupnode.ErrStateMismatch},
		{name: "replay that diverges is refused", appHeight: 2, corrupt: true, wantErr: rollupnode.ErrStateMismatch},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			blocks, hashes := chain(t, 5)
			blocks.hasState = !tc.noState
			app := &fakeApp{height: int64(tc.appHeight)}
			if tc.appHeight <= 5 {
				app.hash = hashes[tc.appHeight]
			}
			if tc.corrupt {
				blocks.blocks[4].SignedHeader.AppHash = []byte("not what the app computes")
			}
			action, err := rollupnode.Reconcile(ctx, app, blocks, log.NewNopLogger())
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.wantAction, action)
			switch action {
			case rollupnode.ActionRollback:
				require.Equal(t, int64(5), app.rolledBack)
			case rollupnode.ActionReplay:
				require.Equal(t, int64(5), app.height)
				require.Equal(t, hashes[5], app.hash)
				require.Len(t, app.finalized, 5-tc.appHeight)
			}
		})
	}
}

func TestReconcileRerunsInitChainBeforeTheFirstBlock(t *testing.T) {
	blocks, _ := chain(t, 0)
	blocks.state.LastBlockHeight = 0
	action, err := rollupnode.Reconcile(context.Background(), &fakeApp{}, blocks, log.NewNopLogger())
	require.NoError(t, err)
	require.Equal(t, rollupnode.ActionReinit, action)
	require.True(t, blocks.forgotten)
}
