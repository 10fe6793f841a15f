package lane

import (
	"context"
	"errors"
	"time"

	"cosmossdk.io/log"
	goda "github.com/rollkit/go-da"

	"github.com/milkyway-labs/milkyway-rollup/da"
	sequencertypes "github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
)

// Follower is the sequencer's reader of the lane: it reads every DA height
// of the lane namespace in order, applies the lane's rule and queues what
// is admitted and not already in the chain.
type Follower struct {
	DA    goda.DA
	Rules sequencertypes.ForcedInclusion
	Check TxCheck
	Queue *Queue
	// Committed says whether a transaction is in a committed block (the
	// node's tx index): after a restart the lane is read again from an
	// epoch start, and what is already in the chain is not queued twice.
	Committed func(hash [32]byte) bool
	// Ignore drops admitted transactions instead of queueing them. It is
	// set only by test builds that play a censoring sequencer.
	Ignore func(Forced) bool
	Logger log.Logger
	// Poll is how long to wait when the DA has no new height yet.
	Poll time.Duration
}

// StartHeight is where a sequencer starts reading when the DA is at head:
// the first height of the oldest epoch whose transactions can still be
// due, so none that is due is missed after a restart.
func StartHeight(rules sequencertypes.ForcedInclusion, head uint64) uint64 {
	epoch := rules.Epoch(head)
	oldest := epoch - min(epoch, rules.GraceEpochs)
	return max(oldest*rules.EpochLength, rules.StartDaHeight, 1)
}

// Run reads the lane from height on until ctx ends. DA errors are logged
// and the height is read again: a height is never skipped, so every node
// sees the same budget use.
func (f *Follower) Run(ctx context.Context, height uint64) {
	admission := NewAdmission(f.Rules, f.Check)
	logger := f.Logger.With("module", "forced-lane")
	logger.Info("reading the forced-inclusion lane", "from_da_height", height)
	for ctx.Err() == nil {
		blobs, err := ReadHeight(ctx, f.DA, f.Rules.Namespace, height)
		if err != nil {
			if !errors.Is(err, da.ErrHeightFromFuture) && ctx.Err() == nil {
				logger.Error("cannot read the forced-inclusion lane; retrying", "da_height", height, "err", err)
			}
			sleep(ctx, f.Poll)
			continue
		}
		admitted, skipped := admission.Admit(height, blobs)
		for _, s := range skipped {
			logger.Info("skipped a blob in the forced-inclusion lane", "da_height", height, "id", hexID(s.Blob.ID), "reason", s.Err)
		}
		for _, fx := range admitted {
			switch {
			case f.Committed != nil && f.Committed(fx.Hash):
				continue
			case f.Ignore != nil && f.Ignore(fx):
				logger.Error("TEST BUILD: ignoring a forced transaction", "tx_hash", hexHash(fx.Hash), "da_height", fx.DAHeight)
				continue
			}
			f.Queue.Add(fx)
			logger.Info("forced transaction queued", "tx_hash", hexHash(fx.Hash), "da_height", fx.DAHeight, "deadline_da_height", fx.Deadline)
		}
		height++
	}
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
