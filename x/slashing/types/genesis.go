package types

import (
	errorsmod "cosmossdk.io/errors"
	"github.com/cometbft/cometbft/crypto/ed25519"
)

// DefaultGenesis: default params, no rules, slash ids from 1.
func DefaultGenesis() *GenesisState { return &GenesisState{Params: DefaultParams(), NextSlashId: 1} }

// Validate checks the genesis without state.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	if gs.NextSlashId == 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, "next_slash_id must be positive")
	}
	services := map[uint32]bool{}
	for _, c := range gs.Configs {
		if c.ServiceId == 0 || services[c.ServiceId] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "config for service %d is zero or repeated", c.ServiceId)
		}
		services[c.ServiceId] = true
		if err := ValidateRules(c.Rules); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "service %d: %s", c.ServiceId, err)
		}
		if c.Slasher != "" {
			if err := validAddress("slasher", c.Slasher); err != nil {
				return err
			}
		}
	}
	keys := map[[2]uint32]bool{}
	for _, k := range gs.OperatorKeys {
		id := [2]uint32{k.OperatorId, k.ServiceId}
		if err := k.Validate(); err != nil || keys[id] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "operator key %v invalid or repeated: %v", id, err)
		}
		keys[id] = true
	}
	seen := map[uint64]bool{}
	evidence := map[string]uint64{}
	for _, s := range gs.Slashes {
		if s.Id == 0 || s.Id >= gs.NextSlashId || seen[s.Id] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "slash %d repeated or not below next_slash_id %d", s.Id, gs.NextSlashId)
		}
		seen[s.Id] = true
		// Each evidence id belongs to one slash (the store maps it back).
		if other, ok := evidence[string(s.EvidenceHash)]; ok {
			return errorsmod.Wrapf(ErrInvalidGenesis, "slashes %d and %d have the same evidence hash", other, s.Id)
		}
		evidence[string(s.EvidenceHash)] = s.Id
		if err := ValidateFraction(s.Fraction); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "slash %d: %s", s.Id, err)
		}
		if s.Status == SLASH_STATUS_UNSPECIFIED || len(s.EvidenceHash) == 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "slash %d has no status or evidence hash", s.Id)
		}
	}
	jails := map[[2]uint32]bool{}
	for _, j := range gs.Jails {
		id := [2]uint32{j.OperatorId, j.ServiceId}
		if j.OperatorId == 0 || j.ServiceId == 0 || jails[id] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "jail %v has a zero id or is repeated", id)
		}
		jails[id] = true
	}
	if (gs.Sequencing.ServiceId == 0) != (gs.Sequencing.OperatorId == 0) {
		return errorsmod.Wrap(ErrInvalidGenesis, "sequencing needs both a service and an operator, or neither")
	}
	return gs.Dust.Validate()
}

// Validate checks an operator key's ids and length.
func (k OperatorKey) Validate() error {
	if k.OperatorId == 0 || k.ServiceId == 0 {
		return errorsmod.Wrap(ErrInvalidKey, "operator and service ids must be positive")
	}
	if len(k.PubKey) != ed25519.PubKeySize {
		return errorsmod.Wrapf(ErrInvalidKey, "ed25519 key of %d bytes, want %d", len(k.PubKey), ed25519.PubKeySize)
	}
	return nil
}
