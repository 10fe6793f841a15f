package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// Delegate restakes amount from user to target. This is the one delegation
// path for pools, operators and services: checks, then the bank transfer
// into the target's account, then shares at the target's per-denom rate.
func (k *Keeper) Delegate(ctx context.Context, target types.Target, user sdk.AccAddress, amount sdk.Coins) (sdk.DecCoins, error) {
	if err := types.ValidateAmount(amount); err != nil {
		return nil, err
	}
	params, err := k.params.Get(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range amount {
		if !params.IsDenomRestakable(c.Denom) || !target.AllowsDenom(c.Denom) {
			return nil, errorsmod.Wrapf(types.ErrDenomNotRestakable, "%s to %s %d", c.Denom, target.Type, target.ID)
		}
	}
	if err := k.checkRestakeRules(ctx, params, user, amount); err != nil {
		return nil, err
	}
	if target.Type == types.DELEGATION_TYPE_POOL {
		if err := k.checkPoolDelegation(ctx, user, target.ID); err != nil {
			return nil, err
		}
	}
	// Price every denom before anything moves: a bad rate refuses the
	// whole Msg.
	stakes := make([]types.DenomStake, len(amount))
	issued := make(sdk.DecCoins, 0, len(amount))
	for i, c := range amount {
		stake, err := k.getStake(ctx, target.Type, target.ID, c.Denom)
		if err != nil {
			return nil, err
		}
		shares, err := stake.SharesForDeposit(c.Amount)
		if err != nil {
			return nil, errorsmod.Wrapf(err, "%s %d in %s", target.Type, target.ID, c.Denom)
		}
		stakes[i] = stake.Deposit(c.Amount, shares)
		issued = append(issued, sdk.NewDecCoinFromDec(c.Denom, shares))
	}
	// The bank's own error (insufficient funds, code sdk/5) is what wallets
	// and users expect; it is passed on unchanged.
	if err := k.bank.SendCoins(ctx, user, target.Address, amount); err != nil {
		return nil, err
	}

	if err := k.beforeSharesModified(ctx, target, user); err != nil {
		return nil, err
	}
	for i, c := range amount {
		if err := k.targetStakes.Set(ctx, stakeKey(target.Type, target.ID, c.Denom), stakes[i]); err != nil {
			return nil, err
		}
		if err := k.addTotal(ctx, c, true); err != nil {
			return nil, err
		}
	}
	key := delegationKey(user, target.Type, target.ID)
	del, err := k.loadForChange(ctx, key, target, user)
	if err != nil {
		return nil, err
	}
	del.Shares = del.Shares.Add(issued...)
	if err := k.setDelegation(ctx, user, del); err != nil {
		return nil, err
	}
	if err := k.addClassShares(ctx, del.TrustClass, issued, false); err != nil {
		return nil, err
	}
	if err := k.afterDelegationModified(ctx, target, user); err != nil {
		return nil, err
	}
	issued = issued.Sort()
	// The typed event, built without the SDK's JSON round trip (ABCIEvent).
	event := &types.EventDelegate{Type: target.Type, TargetId: target.ID, Delegator: user.String(), Amount: amount, NewShares: issued}
	sdk.UnwrapSDKContext(ctx).EventManager().EmitEvent(event.ABCIEvent())
	return issued, nil
}

// loadForChange returns the delegation about to grow, settled (its class's
// slashes applied), or a new one placed in the owner's trust class. It
// runs after the before-hook, which reads the delegation as stored.
func (k *Keeper) loadForChange(ctx context.Context, key DelegationKey, target types.Target, user sdk.AccAddress) (types.Delegation, error) {
	del, err := k.delegations.Get(ctx, key)
	if err == nil {
		return k.settled(ctx, del)
	}
	if !errors.Is(err, collections.ErrNotFound) {
		return del, err
	}
	del = types.Delegation{Type: target.Type, UserAddress: user.String(), TargetId: target.ID}
	if target.Type != types.DELEGATION_TYPE_POOL {
		return del, nil
	}
	prefs, err := k.GetUserPreferences(ctx, user)
	if err != nil {
		return del, err
	}
	c, err := k.classFor(ctx, prefs, target.ID)
	del.TrustClass, del.ClassEvent = c.Id, c.Events
	return del, err
}

// getStake returns the target's stake in denom, zero if none yet.
func (k *Keeper) getStake(ctx context.Context, t types.DelegationType, id uint32, denom string) (types.DenomStake, error) {
	stake, err := k.targetStakes.Get(ctx, stakeKey(t, id, denom))
	if errors.Is(err, collections.ErrNotFound) {
		return types.ZeroStake(), nil
	}
	return stake, err
}

// addTotal keeps the chain-wide restaked total of a denom.
func (k *Keeper) addTotal(ctx context.Context, c sdk.Coin, add bool) error {
	total, err := k.totalRestaked.Get(ctx, c.Denom)
	if errors.Is(err, collections.ErrNotFound) {
		total = sdkmath.ZeroInt()
	} else if err != nil {
		return err
	}
	if add {
		total = total.Add(c.Amount)
	} else {
		total = total.Sub(c.Amount)
	}
	if total.IsZero() {
		return k.totalRestaked.Remove(ctx, c.Denom)
	}
	return k.totalRestaked.Set(ctx, c.Denom, total)
}

func (k *Keeper) beforeSharesModified(ctx context.Context, target types.Target, user sdk.AccAddress) error {
	if k.hooks == nil {
		return nil
	}
	return k.hooks.BeforeDelegationSharesModified(ctx, target.Type, target.ID, user)
}

func (k *Keeper) afterDelegationModified(ctx context.Context, target types.Target, user sdk.AccAddress) error {
	if k.hooks == nil {
		return nil
	}
	return k.hooks.AfterDelegationModified(ctx, target.Type, target.ID, user)
}

// setDelegation stores a delegation; the store keeps its by-target index.
func (k *Keeper) setDelegation(ctx context.Context, user sdk.AccAddress, d types.Delegation) error {
	return k.delegations.Set(ctx, delegationKey(user, d.Type, d.TargetId), d)
}

// removeDelegation deletes a delegation and, with it, its index entry.
func (k *Keeper) removeDelegation(ctx context.Context, user sdk.AccAddress, d types.Delegation) error {
	return k.delegations.Remove(ctx, delegationKey(user, d.Type, d.TargetId))
}
