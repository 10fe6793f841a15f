package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
)

// Context flags set by this module around the only two flows that may
// send to its account: an insurance deposit and a burn.
type (
	depositingKey struct{}
	burningKey    struct{}
)

func withDepositing(ctx sdk.Context) sdk.Context { return ctx.WithValue(depositingKey{}, true) }
func withBurning(ctx sdk.Context) sdk.Context    { return ctx.WithValue(burningKey{}, true) }

func flagged(ctx context.Context, key any) bool {
	v, _ := ctx.Value(key).(bool)
	return v
}

// SendRestriction is the bank send restriction. It keeps the module
// account's balance equal to the insurance funds (it receives underlying
// coins only inside a deposit, locked ones only inside a burn), and lets
// locked tokens move only along the restaking paths:
//
//	user -> target           restake
//	target -> user           unbonding payout
//	target -> slash sink     slash; sink -> user pays the slash recipient
//	module -> user           mint;  user -> module burn
//
// Everything else with a locked coin is refused: user to user, target to
// target, and to or from any other module account.
func (k *Keeper) SendRestriction(ctx context.Context, from, to sdk.AccAddress, amt sdk.Coins) (sdk.AccAddress, error) {
	locked := lockedCoins(amt)
	if to.Equals(k.moduleAddr) {
		if !locked.IsZero() && !flagged(ctx, burningKey{}) {
			return to, errorsmod.Wrapf(types.ErrModuleAccountSendRefused, "%s from %s outside a burn", locked, from)
		}
		if len(locked) != len(amt) && !flagged(ctx, depositingKey{}) {
			return to, errorsmod.Wrapf(types.ErrModuleAccountSendRefused, "%s from %s outside an insurance deposit", amt, from)
		}
		return to, nil
	}
	if locked.IsZero() {
		return to, nil
	}
	fromTarget, err := k.isTarget(ctx, from)
	if err != nil {
		return to, err
	}
	toTarget, err := k.isTarget(ctx, to)
	if err != nil {
		return to, err
	}
	switch {
	case fromTarget && toTarget:
		return to, errorsmod.Wrapf(types.ErrLockedSendRefused, "%s from target %s to target %s", locked, from, to)
	case fromTarget && k.isSlashSink(to):
		return to, nil
	case fromTarget, from.Equals(k.moduleAddr), k.isSlashSink(from):
		return to, k.requireUser(ctx, to, locked)
	case toTarget:
		return to, k.requireUser(ctx, from, locked)
	default:
		return to, errorsmod.Wrapf(types.ErrLockedSendRefused, "%s from %s to %s: neither is a restaking target", locked, from, to)
	}
}

// requireUser refuses addr if it is a target or a module account.
func (k *Keeper) requireUser(ctx context.Context, addr sdk.AccAddress, locked sdk.Coins) error {
	isTarget, err := k.isTarget(ctx, addr)
	if err != nil {
		return err
	}
	if isTarget {
		return errorsmod.Wrapf(types.ErrLockedSendRefused, "%s: %s is a restaking target", locked, addr)
	}
	if acc := k.accounts.GetAccount(ctx, addr); acc != nil {
		if _, isModule := acc.(sdk.ModuleAccountI); isModule {
			return errorsmod.Wrapf(types.ErrLockedSendRefused, "%s: %s is a module account", locked, addr)
		}
	}
	return nil
}

func (k *Keeper) isTarget(ctx context.Context, addr sdk.AccAddress) (bool, error) {
	for _, check := range k.targetChecks {
		ok, err := check(ctx, addr)
		if err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}

func (k *Keeper) isSlashSink(addr sdk.AccAddress) bool {
	for _, s := range k.slashSinks {
		if s.Equals(addr) {
			return true
		}
	}
	return false
}
