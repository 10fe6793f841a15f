package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the sequencer module.
	ModuleName = "sequencer"
	// StoreKey is the store key of the sequencer module.
	StoreKey = ModuleName
)

// SequencerKey stores the one Sequencer of the chain: () -> Sequencer.
var SequencerKey = collections.NewPrefix(1)

// ForcedInclusionKey stores the lane's rules: () -> ForcedInclusion.
var ForcedInclusionKey = collections.NewPrefix(2)
