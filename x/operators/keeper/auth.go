package keeper

import (
	"context"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// requireOperatorAdmin loads the operator and checks that signer is its
// admin. Both addresses are put in their canonical spelling first, so any
// valid encoding of the admin's address is accepted (the same as comparing
// bytes).
func (k *Keeper) requireOperatorAdmin(ctx context.Context, operatorID uint32, signer string) (types.Operator, error) {
	signerBz, err := k.addressCodec.StringToBytes(signer)
	if err != nil {
		return types.Operator{}, types.ErrInvalidAddress.Wrapf("signer %q: %s", signer, err)
	}
	op, err := k.GetOperator(ctx, operatorID)
	if err != nil {
		return types.Operator{}, err
	}
	adminBz, err := k.addressCodec.StringToBytes(op.Admin)
	if err != nil {
		return types.Operator{}, err
	}
	canonicalSigner, err := k.addressCodec.BytesToString(signerBz)
	if err != nil {
		return types.Operator{}, err
	}
	canonicalAdmin, err := k.addressCodec.BytesToString(adminBz)
	if err != nil {
		return types.Operator{}, err
	}
	if err := access.RequireAdmin(canonicalAdmin, canonicalSigner, "operator %d", operatorID); err != nil {
		return types.Operator{}, err
	}
	return op, nil
}

// canonicalAddress decodes addr with the chain's codec and re-encodes it, so
// stored addresses have one spelling.
func (k *Keeper) canonicalAddress(field, addr string) (string, []byte, error) {
	bz, err := k.addressCodec.StringToBytes(addr)
	if err != nil {
		return "", nil, types.ErrInvalidAddress.Wrapf("%s %q: %s", field, addr, err)
	}
	s, err := k.addressCodec.BytesToString(bz)
	return s, bz, err
}
