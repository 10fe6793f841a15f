package types

import (
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
)

var _ codectypes.UnpackInterfacesMessage = Sequencer{}

// UnpackInterfaces lets the codec resolve the consensus public key Any.
func (s Sequencer) UnpackInterfaces(unpacker codectypes.AnyUnpacker) error {
	var pk cryptotypes.PubKey
	return unpacker.UnpackAny(s.ConsensusPubkey, &pk)
}

// UnpackInterfaces lets the codec resolve the sequencer key in genesis.
func (gs GenesisState) UnpackInterfaces(unpacker codectypes.AnyUnpacker) error {
	return gs.Sequencer.UnpackInterfaces(unpacker)
}
