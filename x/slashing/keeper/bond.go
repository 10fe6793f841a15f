package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// Evidence bonds: a state mismatch or censorship can be submitted by anyone and only a
// veto stops it, so the submitter escrows the params' bond in the module
// account. It comes back when the slash executes (or cannot execute) and
// is burned when the resolver vetoes it.

// takeBond escrows the bond a fault kind requires from the submitter.
func (k *Keeper) takeBond(ctx context.Context, kind types.FaultKind, submitter string) (sdk.Coins, error) {
	if !kind.Bonded() {
		return sdk.Coins{}, nil
	}
	params, err := k.params.Get(ctx)
	if err != nil || params.StateMismatchBond.IsZero() {
		return sdk.Coins{}, err
	}
	from, err := sdk.AccAddressFromBech32(submitter)
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidAddress, err.Error())
	}
	if err := k.bank.SendCoinsFromAccountToModule(ctx, from, types.ModuleName, params.StateMismatchBond); err != nil {
		return nil, errorsmod.Wrapf(types.ErrInsufficientBond, "%s evidence needs a bond of %s: %s", kind, params.StateMismatchBond, err)
	}
	return params.StateMismatchBond, nil
}

// returnBond pays a slash's bond back to its submitter.
func (k *Keeper) returnBond(ctx context.Context, slash types.Slash) error {
	if slash.Bond.IsZero() {
		return nil
	}
	to, err := sdk.AccAddressFromBech32(slash.Submitter)
	if err != nil {
		return err
	}
	return k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, to, slash.Bond)
}

// burnBond burns a vetoed slash's bond.
func (k *Keeper) burnBond(ctx context.Context, slash types.Slash) error {
	if slash.Bond.IsZero() {
		return nil
	}
	return k.bank.BurnCoins(ctx, types.ModuleName, slash.Bond)
}
