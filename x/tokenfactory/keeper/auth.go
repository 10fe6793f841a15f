package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
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
	if err := access.RequireAdmin(m.Admin, signer, "%s", denom); err != nil {
		return nil, types.DenomAuthorityMetadata{}, err
	}
	return addr, m, nil
}
