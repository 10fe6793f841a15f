package keeper

import (
	"context"
	"errors"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// Undelegate burns the shares worth amount and starts an unbonding entry.
// The tokens stop counting as stake at once and stay in the target's
// account until EndBlock pays them out at completion. Asking for exactly
// what the delegation is worth burns all its shares, so a full exit works
// despite rounding.
func (k *Keeper) Undelegate(ctx context.Context, target types.Target, user sdk.AccAddress, amount sdk.Coins) (time.Time, uint64, error) {
	if err := types.ValidateAmount(amount); err != nil {
		return time.Time{}, 0, err
	}
	key := delegationKey(user, target.Type, target.ID)
	del, err := k.delegations.Get(ctx, key)
	if errors.Is(err, collections.ErrNotFound) {
		return time.Time{}, 0, errorsmod.Wrapf(types.ErrDelegationNotFound, "%s has nothing at %s %d", user, target.Type, target.ID)
	}
	if err != nil {
		return time.Time{}, 0, err
	}
	// Withdraw from the effective shares; the before-hook below still
	// reads the delegation as stored, to split its rewards at the slashes.
	if del, err = k.settled(ctx, del); err != nil {
		return time.Time{}, 0, err
	}
	params, err := k.params.Get(ctx)
	if err != nil {
		return time.Time{}, 0, err
	}
	ubd, err := k.unbondings.Get(ctx, key)
	if errors.Is(err, collections.ErrNotFound) {
		ubd = types.UnbondingDelegation{Type: target.Type, DelegatorAddress: user.String(), TargetId: target.ID}
	} else if err != nil {
		return time.Time{}, 0, err
	}
	if uint32(len(ubd.Entries)) >= params.MaxEntries {
		return time.Time{}, 0, errorsmod.Wrapf(types.ErrMaxEntries, "%d entries at %s %d", len(ubd.Entries), target.Type, target.ID)
	}

	burnt, out, stakes, err := k.priceWithdrawal(ctx, target, del, amount)
	if err != nil {
		return time.Time{}, 0, err
	}
	if err := k.beforeSharesModified(ctx, target, user); err != nil {
		return time.Time{}, 0, err
	}
	// Write in coin order (never map order): state writes stay deterministic.
	for _, c := range amount {
		if err := k.setStake(ctx, target, c.Denom, stakes[c.Denom]); err != nil {
			return time.Time{}, 0, err
		}
	}
	for _, c := range out {
		if err := k.addTotal(ctx, c, false); err != nil {
			return time.Time{}, 0, err
		}
	}
	del.Shares = del.Shares.Sub(burnt)
	if err := k.addClassShares(ctx, del.TrustClass, burnt, true); err != nil {
		return time.Time{}, 0, err
	}
	if del.Shares.IsZero() {
		err = k.removeDelegation(ctx, user, del)
	} else {
		err = k.setDelegation(ctx, user, del)
	}
	if err != nil {
		return time.Time{}, 0, err
	}
	if err := k.afterDelegationModified(ctx, target, user); err != nil {
		return time.Time{}, 0, err
	}
	return k.addUnbondingEntry(ctx, target, user, ubd, out, params.UnbondingTime)
}

// priceWithdrawal computes, per denom, the shares to burn for amount and
// the tokens they release, without writing anything.
func (k *Keeper) priceWithdrawal(ctx context.Context, target types.Target, del types.Delegation, amount sdk.Coins) (sdk.DecCoins, sdk.Coins, map[string]types.DenomStake, error) {
	burnt, out := sdk.DecCoins{}, sdk.Coins{}
	stakes := make(map[string]types.DenomStake, len(amount))
	for _, c := range amount {
		held := del.Shares.AmountOf(c.Denom)
		stake, err := k.getStake(ctx, target.Type, target.ID, c.Denom)
		if err != nil {
			return nil, nil, nil, err
		}
		if !held.IsPositive() || c.Amount.GT(stake.TokensFor(held)) {
			return nil, nil, nil, errorsmod.Wrapf(types.ErrInsufficientShares, "%s asked, %s delegated", c, sdk.NewCoin(c.Denom, stake.TokensFor(held)))
		}
		shares, err := stake.SharesToWithdraw(c.Amount)
		if err != nil {
			return nil, nil, nil, err
		}
		if shares.GT(held) {
			shares = held // rounding up met the whole position: exit fully
		}
		left, tokens := stake.Withdraw(shares)
		if !tokens.IsPositive() {
			return nil, nil, nil, errorsmod.Wrapf(types.ErrInvalidAmount, "%s is worth less than one unit", c)
		}
		stakes[c.Denom] = left
		burnt = burnt.Add(sdk.NewDecCoinFromDec(c.Denom, shares))
		out = out.Add(sdk.NewCoin(c.Denom, tokens))
	}
	return burnt, out, stakes, nil
}

func (k *Keeper) setStake(ctx context.Context, target types.Target, denom string, stake types.DenomStake) error {
	key := stakeKey(target.Type, target.ID, denom)
	if stake.Shares.IsZero() && stake.Tokens.IsZero() {
		return k.targetStakes.Remove(ctx, key)
	}
	return k.targetStakes.Set(ctx, key, stake)
}

// addUnbondingEntry records the entry (the store indexes the user under the
// target) and queues it by completion time on the restaking clock.
func (k *Keeper) addUnbondingEntry(ctx context.Context, target types.Target, user sdk.AccAddress,
	ubd types.UnbondingDelegation, out sdk.Coins, unbondingTime time.Duration,
) (time.Time, uint64, error) {
	now, err := k.Now(ctx)
	if err != nil {
		return time.Time{}, 0, err
	}
	id, err := k.nextUnbondingID.Next(ctx)
	if err != nil {
		return time.Time{}, 0, err
	}
	completion := now.Add(unbondingTime)
	ubd.Entries = append(ubd.Entries, types.UnbondingDelegationEntry{
		CreationHeight: sdk.UnwrapSDKContext(ctx).BlockHeight(), CompletionTime: completion,
		InitialBalance: out, Balance: out, UnbondingId: id,
	})
	key := delegationKey(user, target.Type, target.ID)
	if err := k.unbondings.Set(ctx, key, ubd); err != nil {
		return time.Time{}, 0, err
	}
	if err := k.unbondingQueue.Set(ctx, collections.Join(completion, key)); err != nil {
		return time.Time{}, 0, err
	}
	if k.hooks != nil {
		if err := k.hooks.AfterUnbondingInitiated(ctx, id); err != nil {
			return time.Time{}, 0, err
		}
	}
	return completion, id, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventUndelegate{
		Type: target.Type, TargetId: target.ID, Delegator: user.String(), Amount: out, CompletionTime: completion, UnbondingId: id,
	})
}

// undelegate runs Undelegate and builds the response.
func (ms msgServer) undelegate(ctx context.Context, target types.Target, user sdk.AccAddress, amount sdk.Coins) (*types.MsgUndelegateResponse, error) {
	completion, id, err := ms.Undelegate(ctx, target, user, amount)
	if err != nil {
		return nil, err
	}
	return &types.MsgUndelegateResponse{CompletionTime: completion, UnbondingId: id}, nil
}
