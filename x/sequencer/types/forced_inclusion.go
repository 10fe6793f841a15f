package types

import (
	errorsmod "cosmossdk.io/errors"
	"github.com/celestiaorg/go-square/v2/share"
)

// DefaultLaneNamespaceID is the id of the default forced-inclusion lane
// namespace, "milkyforce" as a version 0 namespace.
var DefaultLaneNamespaceID = []byte("milkyforce")

// Defaults of the forced-inclusion lane. With Celestia's ~6 s blocks an
// epoch is about a minute and a forced transaction is due within two.
const (
	DefaultLaneEpochLength     uint64 = 10
	DefaultLaneGraceEpochs     uint64 = 1
	DefaultLaneEpochByteBudget uint64 = 512 << 10
	DefaultLaneMaxTxBytes      uint64 = 64 << 10
)

// DefaultForcedInclusion is the lane a new chain gets.
func DefaultForcedInclusion() ForcedInclusion {
	ns, err := share.NewV0Namespace(DefaultLaneNamespaceID)
	if err != nil {
		panic(err)
	}
	return ForcedInclusion{
		Namespace: ns.Bytes(), EpochLength: DefaultLaneEpochLength, GraceEpochs: DefaultLaneGraceEpochs,
		EpochByteBudget: DefaultLaneEpochByteBudget, MaxTxBytes: DefaultLaneMaxTxBytes,
	}
}

// Enabled says whether the chain has a forced-inclusion lane.
func (f ForcedInclusion) Enabled() bool { return len(f.Namespace) > 0 }

// Epoch is the epoch of a DA height.
func (f ForcedInclusion) Epoch(daHeight uint64) uint64 { return daHeight / f.EpochLength }

// EpochStart is the first DA height of the epoch daHeight is in.
func (f ForcedInclusion) EpochStart(daHeight uint64) uint64 {
	return f.Epoch(daHeight) * f.EpochLength
}

// Deadline is the last DA height at which a block carrying a transaction
// posted to the lane at daHeight may be posted: the end of the epoch
// grace_epochs after the transaction's own.
func (f ForcedInclusion) Deadline(daHeight uint64) uint64 {
	return (f.Epoch(daHeight)+1+f.GraceEpochs)*f.EpochLength - 1
}

// Counts says whether blobs at daHeight belong to the lane at all.
func (f ForcedInclusion) Counts(daHeight uint64) bool {
	return daHeight >= max(f.StartDaHeight, 1)
}

// Validate checks the lane's rules. A lane without a namespace is off and
// must leave the other fields zero, so a half-configured lane is refused.
func (f ForcedInclusion) Validate() error {
	if !f.Enabled() {
		if f.StartDaHeight|f.EpochLength|f.GraceEpochs|f.EpochByteBudget|f.MaxTxBytes != 0 {
			return errorsmod.Wrap(ErrInvalidForcedInclusion, "namespace is empty (lane off) but other fields are set; set the namespace or clear them")
		}
		return nil
	}
	ns, err := share.NewNamespaceFromBytes(f.Namespace)
	if err == nil {
		err = ns.ValidateForBlob()
	}
	if err != nil {
		return errorsmod.Wrapf(ErrInvalidForcedInclusion, "namespace: %s", err)
	}
	switch {
	case f.EpochLength == 0:
		return errorsmod.Wrap(ErrInvalidForcedInclusion, "epoch_length must be at least 1 DA block")
	case f.MaxTxBytes == 0 || f.EpochByteBudget == 0:
		return errorsmod.Wrap(ErrInvalidForcedInclusion, "max_tx_bytes and epoch_byte_budget must be positive")
	case f.MaxTxBytes > f.EpochByteBudget:
		return errorsmod.Wrapf(ErrInvalidForcedInclusion, "max_tx_bytes %d exceeds epoch_byte_budget %d: such a transaction could never be admitted", f.MaxTxBytes, f.EpochByteBudget)
	case f.GraceEpochs > 1000:
		return errorsmod.Wrapf(ErrInvalidForcedInclusion, "grace_epochs %d is over 1000", f.GraceEpochs)
	}
	return nil
}
