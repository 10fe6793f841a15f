package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

// requireDenomAdmin loads the denom's authority and checks that signer is
// its admin; it returns the signer's address. Every admin Msg goes through
// here. A renounced denom (empty admin) matches no signer.
func (k *Keeper) requireDenomAdmin(ctx context.Context, denom, signer string) (sdk.AccAddress, types.DenomAuthorityMetadata, error) {
	addr, err := sdk.AccAddressFromBech32(signer)
	if err != nil {
		return nil, types.DenomAuthorityMetadata{}, errorsmod.Wrap(types.ErrInvalidAddress, err.Error())
	}
	m, err := k.GetAuthorityMetadata(ctx, denom)
	if err != nil {
		return nil, types.DenomAuthorityMetadata{}, err
	}
	if m.Admin == "" || m.Admin != signer {
		return nil, types.DenomAuthorityMetadata{}, errorsmod.Wrapf(types.ErrUnauthorized, "%s is not the admin of %s", signer, denom)
	}
	return addr, m, nil
}

// requireAuthority checks that signer is the governance authority.
func (k *Keeper) requireAuthority(signer string) error {
	if signer != k.authority {
		return errorsmod.Wrapf(govtypes.ErrInvalidSigner, "expected %s, got %s", k.authority, signer)
	}
	return nil
}
