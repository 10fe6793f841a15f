package types

import (
	"fmt"

	errorsmod "cosmossdk.io/errors"
	sdked25519 "github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// NewSequencer builds a Sequencer from its name and ed25519 consensus key.
func NewSequencer(name string, pk cryptotypes.PubKey) (Sequencer, error) {
	edPk, ok := pk.(*sdked25519.PubKey)
	if !ok {
		return Sequencer{}, errorsmod.Wrapf(ErrInvalidSequencer, "consensus key must be ed25519, got %s", pk.Type())
	}
	return Sequencer{Name: name, ConsensusPubkey: edPk.Bytes()}, nil
}

// PubKey returns the consensus key.
func (s Sequencer) PubKey() (cryptotypes.PubKey, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	return &sdked25519.PubKey{Key: s.ConsensusPubkey}, nil
}

// ConsAddress is the address rollkit puts in every header's proposer field.
func (s Sequencer) ConsAddress() (sdk.ConsAddress, error) {
	pk, err := s.PubKey()
	if err != nil {
		return nil, err
	}
	return sdk.ConsAddress(pk.Address()), nil
}

// Validate checks that the key is an ed25519 key: rollkit signs headers
// with the CometBFT ed25519 priv_validator key and nothing else.
func (s Sequencer) Validate() error {
	if len(s.ConsensusPubkey) == 0 {
		return errorsmod.Wrap(ErrNoSequencer, "missing consensus pubkey")
	}
	if len(s.ConsensusPubkey) != sdked25519.PubKeySize {
		return errorsmod.Wrapf(ErrInvalidSequencer, "consensus key must be a %d-byte ed25519 key, got %d bytes", sdked25519.PubKeySize, len(s.ConsensusPubkey))
	}
	return nil
}

// DefaultGenesis has no sequencer: `milkywayd init` writes the node's own
// key into genesis, and a chain cannot start without one.
func DefaultGenesis() *GenesisState {
	return &GenesisState{ForcedInclusion: DefaultForcedInclusion()}
}

// Validate checks the genesis sequencer and the lane's rules.
func (gs GenesisState) Validate() error {
	if len(gs.Sequencer.ConsensusPubkey) == 0 {
		return fmt.Errorf("%w: genesis has no sequencer; run `milkywayd init` on the sequencer node", ErrNoSequencer)
	}
	if err := gs.Sequencer.Validate(); err != nil {
		return err
	}
	return gs.ForcedInclusion.Validate()
}
