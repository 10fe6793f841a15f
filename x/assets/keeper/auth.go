package keeper

import (
	errorsmod "cosmossdk.io/errors"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
)

// requireAuthority checks that signer is the governance authority. Every
// Msg of this module goes through here.
func (k *Keeper) requireAuthority(signer string) error {
	if signer != k.authority {
		return errorsmod.Wrapf(govtypes.ErrInvalidSigner, "expected %s, got %s", k.authority, signer)
	}
	return nil
}
