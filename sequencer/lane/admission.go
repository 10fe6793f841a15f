package lane

import (
	"crypto/sha256"

	errorsmod "cosmossdk.io/errors"

	sequencertypes "github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
)

// Blob is one blob read from the lane namespace.
type Blob struct {
	DAHeight uint64
	// ID is the go-da ID: 8-byte little-endian DA height ‖ share commitment.
	ID   []byte
	Data []byte
}

// Forced is a blob the lane admitted as a forced transaction.
type Forced struct {
	Tx       []byte
	Hash     [32]byte // SHA-256 of Tx: the hash /tx?hash= looks up
	DAHeight uint64
	ID       []byte
	Deadline uint64 // last DA height a block carrying it may be posted at
}

// Skipped is a blob the lane did not admit, and why.
type Skipped struct {
	Blob Blob
	Err  error
}

// TxCheck says whether bytes are a transaction of this chain. It must be
// deterministic (the SDK's tx decoder is): every node applies it to the
// same bytes.
type TxCheck func(tx []byte) error

// Admission applies the lane's rule to the blobs of consecutive DA heights.
// Within an epoch it admits blobs in DA order while they fit the byte
// budget; it skips blobs that are not transactions, are over max_tx_bytes,
// would exceed what is left of the budget, or repeat a transaction already
// admitted in the epoch. Skipped blobs use no budget. A caller must feed it
// every DA height from an epoch's first (or the lane's start) on, in order:
// the budget is per epoch.
type Admission struct {
	rules sequencertypes.ForcedInclusion
	check TxCheck

	epoch uint64
	used  uint64
	seen  map[[32]byte]struct{}
	fresh bool // nothing admitted or skipped yet
}

// NewAdmission starts an admission with the chain's lane rules.
func NewAdmission(rules sequencertypes.ForcedInclusion, check TxCheck) *Admission {
	return &Admission{rules: rules, check: check, seen: map[[32]byte]struct{}{}, fresh: true}
}

// Admit returns the forced transactions among the blobs found at one DA
// height (in DA order) and the blobs skipped.
func (a *Admission) Admit(daHeight uint64, blobs []Blob) ([]Forced, []Skipped) {
	if epoch := a.rules.Epoch(daHeight); a.fresh || epoch != a.epoch {
		a.epoch, a.used, a.seen, a.fresh = epoch, 0, map[[32]byte]struct{}{}, false
	}
	var admitted []Forced
	var skipped []Skipped
	for _, b := range blobs {
		f, err := a.admit(daHeight, b)
		if err != nil {
			skipped = append(skipped, Skipped{Blob: b, Err: err})
			continue
		}
		admitted = append(admitted, f)
	}
	return admitted, skipped
}

func (a *Admission) admit(daHeight uint64, b Blob) (Forced, error) {
	size := uint64(len(b.Data))
	switch {
	case !a.rules.Counts(daHeight):
		return Forced{}, errorsmod.Wrapf(ErrBeforeStart, "DA height %d < %d", daHeight, a.rules.StartDaHeight)
	case size > a.rules.MaxTxBytes:
		return Forced{}, errorsmod.Wrapf(ErrTxTooLarge, "%d > %d bytes", size, a.rules.MaxTxBytes)
	case a.used+size > a.rules.EpochByteBudget:
		return Forced{}, errorsmod.Wrapf(ErrOverBudget, "%d bytes with %d of %d used in epoch %d", size, a.used, a.rules.EpochByteBudget, a.epoch)
	}
	if err := a.check(b.Data); err != nil {
		return Forced{}, errorsmod.Wrap(ErrNotATx, err.Error())
	}
	hash := sha256.Sum256(b.Data)
	if _, dup := a.seen[hash]; dup {
		return Forced{}, errorsmod.Wrapf(ErrDuplicate, "%X", hash)
	}
	a.seen[hash] = struct{}{}
	a.used += size
	return Forced{Tx: b.Data, Hash: hash, DAHeight: daHeight, ID: b.ID, Deadline: a.rules.Deadline(daHeight)}, nil
}

// FirstHeight is where a node that wants to know the lane's forced
// transactions from daHeight on must start reading: the first DA height of
// daHeight's epoch, or the lane's start if that is later.
func FirstHeight(rules sequencertypes.ForcedInclusion, daHeight uint64) uint64 {
	return max(rules.EpochStart(daHeight), rules.StartDaHeight, 1)
}
