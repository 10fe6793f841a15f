package types

import (
	"fmt"

	errorsmod "cosmossdk.io/errors"
	"github.com/cometbft/cometbft/crypto/ed25519"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdked25519 "github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// NewSequencer builds a Sequencer from its name and consensus key.
func NewSequencer(name string, pk cryptotypes.PubKey) (Sequencer, error) {
	anyPk, err := codectypes.NewAnyWithValue(pk)
	if err != nil {
		return Sequencer{}, err
	}
	return Sequencer{Name: name, ConsensusPubkey: anyPk}, nil
}

// PubKey returns the cached consensus key. The Any must have been unpacked
// by the codec (genesis and store reads do that).
func (s Sequencer) PubKey() (cryptotypes.PubKey, error) {
	if s.ConsensusPubkey == nil {
		return nil, errorsmod.Wrap(ErrInvalidSequencer, "missing consensus pubkey")
	}
	pk, ok := s.ConsensusPubkey.GetCachedValue().(cryptotypes.PubKey)
	if !ok {
		return nil, errorsmod.Wrapf(ErrInvalidSequencer, "consensus pubkey has type %s", s.ConsensusPubkey.TypeUrl)
	}
	return pk, nil
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
	pk, err := s.PubKey()
	if err != nil {
		return err
	}
	if _, ok := pk.(*sdked25519.PubKey); !ok {
		return errorsmod.Wrapf(ErrInvalidSequencer, "consensus key must be ed25519, got %s", pk.Type())
	}
	if len(pk.Bytes()) != ed25519.PubKeySize {
		return errorsmod.Wrapf(ErrInvalidSequencer, "consensus key must be %d bytes", ed25519.PubKeySize)
	}
	return nil
}

// DefaultGenesis has no sequencer: `milkywayd init` writes the node's own
// key into genesis, and a chain cannot start without one.
func DefaultGenesis() *GenesisState { return &GenesisState{} }

// Validate checks the genesis sequencer.
func (gs GenesisState) Validate() error {
	if gs.Sequencer.ConsensusPubkey == nil {
		return fmt.Errorf("%w: genesis has no sequencer; run `milkywayd init` or `milkywayd genesis set-sequencer`", ErrNoSequencer)
	}
	return gs.Sequencer.Validate()
}
