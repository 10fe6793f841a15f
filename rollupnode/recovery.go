package rollupnode

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"cosmossdk.io/log"
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/rollkit/rollkit/types"
	abciconv "github.com/rollkit/rollkit/types/abci"
)

// ErrStateMismatch means the app and rollkit disagree in a way no replay
// can fix; the operator must restore from a snapshot or resync.
var ErrStateMismatch = errors.New("app state and rollkit block store disagree")

// App is what recovery needs of the ABCI application.
type App interface {
	LastBlockHeight() int64
	LastCommitID() (height int64, appHash []byte)
	FinalizeBlock(*abci.RequestFinalizeBlock) (*abci.ResponseFinalizeBlock, error)
	Commit() (*abci.ResponseCommit, error)
	RollbackToHeight(height int64) error
}

// Blocks is what recovery needs of rollkit's block store.
type Blocks interface {
	State(ctx context.Context) (types.State, bool, error)
	Block(ctx context.Context, height uint64) (*types.Block, error)
	ForgetState(ctx context.Context) error
}

// Action says what Reconcile did.
type Action string

// Actions reported by Reconcile.
const (
	ActionNone     Action = "none"
	ActionReplay   Action = "replayed"
	ActionRollback Action = "rolled back"
	ActionReinit   Action = "re-initialised"
)

// Reconcile makes the app's committed height equal rollkit's stored state
// height before the node starts. Rollkit v0.13.6 saves a block, has the app
// execute and commit it, and only then records its own state, so a crash
// leaves one of two gaps:
//
//   - app == rollkit+1: the app committed a block rollkit never recorded.
//     The app is rolled back one height; rollkit re-executes the block it
//     saved before the crash and arrives at the same state.
//   - no block yet: rollkit saved its post-InitChain state, the app saved
//     nothing; rollkit's state is dropped so InitChain runs again.
//   - app < rollkit: the app lost commits (e.g. an unsynced write). The
//     missing blocks are replayed from rollkit's store exactly as rollkit
//     executes them, and each resulting app hash is checked.
//
// Anything else is ErrStateMismatch.
func Reconcile(ctx context.Context, app App, blocks Blocks, logger log.Logger) (Action, error) {
	state, ok, err := blocks.State(ctx)
	if err != nil {
		return ActionNone, err
	}
	if !ok {
		return ActionNone, nil // new node: rollkit runs InitChain itself
	}
	appHeight, rkHeight := app.LastBlockHeight(), int64(state.LastBlockHeight)
	switch {
	case appHeight == 0 && state.LastBlockHeight+1 == state.InitialHeight:
		// Rollkit stores its state right after InitChain, but the app only
		// commits genesis with the first block. A stop in between leaves a
		// state rollkit v0.13.6 refuses to start from; forget it so InitChain
		// runs again on the (still empty) app.
		logger.Warn("node stopped before its first block; re-running InitChain")
		if err := blocks.ForgetState(ctx); err != nil {
			return ActionNone, err
		}
		return ActionReinit, nil
	case appHeight == rkHeight:
		return ActionNone, nil
	case appHeight == rkHeight+1:
		logger.Warn("app is one block ahead of rollkit after a crash; rolling the app back", "app_height", appHeight, "rollkit_height", rkHeight)
		if err := app.RollbackToHeight(rkHeight); err != nil {
			return ActionNone, fmt.Errorf("rolling the app back to %d: %w", rkHeight, err)
		}
		return ActionRollback, nil
	case appHeight == 0:
		// Replaying from an empty app would need InitChain with the exact
		// genesis rollkit used; refuse rather than guess.
		return ActionNone, fmt.Errorf("%w: the app database is empty but rollkit has %d blocks; restore data/application.db or resync this node from DA with a fresh home", ErrStateMismatch, rkHeight)
	case appHeight < rkHeight:
		logger.Warn("app is behind rollkit after a crash; replaying blocks", "app_height", appHeight, "rollkit_height", rkHeight)
		if err := replay(ctx, app, blocks, state, appHeight, rkHeight); err != nil {
			return ActionNone, err
		}
		return ActionReplay, nil
	default:
		return ActionNone, fmt.Errorf("%w: app at height %d, rollkit at %d", ErrStateMismatch, appHeight, rkHeight)
	}
}

// replay executes blocks from+1..to through the app the way rollkit's
// executor does (state/executor.go), committing each.
func replay(ctx context.Context, app App, blocks Blocks, state types.State, from, to int64) error {
	for h := from + 1; h <= to; h++ {
		block, err := blocks.Block(ctx, uint64(h))
		if err != nil {
			return fmt.Errorf("%w: block %d missing from rollkit's store: %v", ErrStateMismatch, h, err)
		}
		abciHeader, err := abciconv.ToABCIHeaderPB(&block.SignedHeader.Header)
		if err != nil {
			return err
		}
		abciBlock, err := abciconv.ToABCIBlock(block)
		if err != nil {
			return err
		}
		_, err = app.FinalizeBlock(&abci.RequestFinalizeBlock{
			Hash:               block.Hash(),
			NextValidatorsHash: state.Validators.Hash(),
			ProposerAddress:    abciHeader.ProposerAddress,
			Height:             abciHeader.Height,
			Time:               abciHeader.Time,
			DecidedLastCommit:  abci.CommitInfo{Round: 0},
			Misbehavior:        abciBlock.Evidence.Evidence.ToABCI(),
			Txs:                abciBlock.Txs.ToSliceOfBytes(),
		})
		if err != nil {
			return fmt.Errorf("replaying block %d: %w", h, err)
		}
		if _, err := app.Commit(); err != nil {
			return fmt.Errorf("committing replayed block %d: %w", h, err)
		}
		if err := checkAppHash(app, blocks, ctx, h, to, state); err != nil {
			return err
		}
	}
	return nil
}

// checkAppHash compares the app hash after block h with what rollkit
// recorded: the next block's header, or the state for the last block.
func checkAppHash(app App, blocks Blocks, ctx context.Context, h, to int64, state types.State) error {
	_, got := app.LastCommitID()
	want := state.AppHash[:]
	if h < to {
		next, err := blocks.Block(ctx, uint64(h+1))
		if err != nil {
			return err
		}
		want = next.SignedHeader.AppHash
	}
	if !bytes.Equal(got, want) {
		return fmt.Errorf("%w: app hash after replaying block %d is %X, rollkit recorded %X", ErrStateMismatch, h, got, want)
	}
	return nil
}
