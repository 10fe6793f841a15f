package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

// A delegation earns in buckets. An operator or service delegation earns in
// one bucket per denom, fed by every paying service. A pool delegation
// earns only from the services its owner trusts with that pool: one bucket
// per trusted service, whose share base is the trusting shares
// (poolServiceShares). Per bucket the earnings are shares × (ratio now −
// ratio at the last settlement).

// position is one bucket a delegation earns in, with its shares there.
type position struct {
	bucket BucketKey
	shares sdkmath.LegacyDec
}

func positions(d restakingtypes.Delegation, prefs restakingtypes.UserPreferences) []position {
	var out []position
	for _, s := range d.Shares {
		if d.Type != restakingtypes.DELEGATION_TYPE_POOL {
			out = append(out, position{bucketKey(d.Type, d.TargetId, types.AllServices, s.Denom), s.Amount})
			continue
		}
		for _, e := range prefs.TrustedServices {
			if prefs.TrustsService(e.ServiceId, d.TargetId) {
				out = append(out, position{bucketKey(d.Type, d.TargetId, e.ServiceId, s.Denom), s.Amount})
			}
		}
	}
	return out
}

// owed is what the delegation earned in its buckets since their
// snapshots, and its positions with the shares it holds now. A pool
// delegation whose trust class was slashed since it last settled earned,
// between two of the class's events, on the shares it held between them
// (docs/adr/002, amendment 2): the earnings are split at each event's
// recorded ratio.
func (k *Keeper) owed(ctx context.Context, user sdk.AccAddress, d restakingtypes.Delegation, prefs restakingtypes.UserPreferences) (sdk.DecCoins, []position, error) {
	var steps []restakingtypes.ShareStep
	if d.Type == restakingtypes.DELEGATION_TYPE_POOL {
		stored, st, found, err := k.restaking.DelegationHistory(ctx, d.Type, d.TargetId, user)
		if err != nil {
			return nil, nil, err
		}
		if found && len(st) > 0 {
			d, steps = stored, st // shares from the snapshot to the first event
		}
	}
	pos := positions(d, prefs)
	owed := sdk.DecCoins{}
	for i, p := range pos {
		snap, err := getCoins(ctx, k.snapshots, snapshotKey(user, p.bucket))
		if err != nil {
			return nil, nil, err
		}
		shares := p.shares
		for _, st := range steps {
			end, err := getCoins(ctx, k.classEventRatios, classEventKey(d.TrustClass, st.Event, p.bucket))
			if err != nil {
				return nil, nil, err
			}
			var growth sdk.DecCoins
			growth, snap = advance(snap, end)
			owed = owed.Add(growth.MulDecTruncate(shares)...)
			shares = st.Shares.AmountOf(p.bucket.K2().K2())
		}
		ratio, err := getCoins(ctx, k.rewardsPerShare, p.bucket)
		if err != nil {
			return nil, nil, err
		}
		growth, negative := ratio.SafeSub(snap)
		if negative {
			return nil, nil, errorsmod.Wrapf(types.ErrInvalidGenesis, "snapshot of %s above the bucket ratio", user)
		}
		owed = owed.Add(growth.MulDecTruncate(shares)...)
		pos[i].shares = shares
	}
	return owed, pos, nil
}

// advance moves a snapshot to an event's ratio: the growth in between, per
// denom, and the new snapshot. A snapshot taken after the event (a
// withdrawal settles rewards, not the class) is already past it: no growth,
// and the snapshot stays.
func advance(snap, end sdk.DecCoins) (sdk.DecCoins, sdk.DecCoins) {
	growth, next := sdk.DecCoins{}, sdk.DecCoins{}
	for _, c := range end {
		if g := c.Amount.Sub(snap.AmountOf(c.Denom)); g.IsPositive() {
			growth = growth.Add(sdk.NewDecCoinFromDec(c.Denom, g))
			next = next.Add(c)
		}
	}
	for _, c := range snap {
		if !next.AmountOf(c.Denom).IsPositive() {
			next = next.Add(c)
		}
	}
	return growth, next
}

// leave pays what a delegation earned and drops its snapshots. With
// untrack, its pool shares also stop counting for the trusted services
// (the delegation is about to change).
func (k *Keeper) leave(ctx context.Context, user sdk.AccAddress, d restakingtypes.Delegation, prefs restakingtypes.UserPreferences, untrack bool) (sdk.Coins, error) {
	owed, pos, err := k.owed(ctx, user, d, prefs)
	if err != nil {
		return nil, err
	}
	for _, p := range pos {
		if err := k.snapshots.Remove(ctx, snapshotKey(user, p.bucket)); err != nil {
			return nil, err
		}
		if untrack && d.Type == restakingtypes.DELEGATION_TYPE_POOL && p.shares.IsPositive() {
			if err := k.addPoolShares(ctx, d.TargetId, p.bucket.K2().K1(), p.shares.Neg()); err != nil {
				return nil, err
			}
		}
	}
	return k.payOut(ctx, user, d.Type, d.TargetId, owed)
}

// enter snapshots the buckets' ratios, so the delegation earns from now
// on. With track, its pool shares start counting for the trusted services.
func (k *Keeper) enter(ctx context.Context, user sdk.AccAddress, d restakingtypes.Delegation, prefs restakingtypes.UserPreferences, track bool) error {
	for _, p := range positions(d, prefs) {
		ratio, err := getCoins(ctx, k.rewardsPerShare, p.bucket)
		if err != nil {
			return err
		}
		// An absent snapshot reads as zero, which is right for a bucket that
		// never earned: no write needed.
		if !ratio.IsZero() {
			if err := k.snapshots.Set(ctx, snapshotKey(user, p.bucket), types.DecCoinsRecord{Coins: ratio}); err != nil {
				return err
			}
		}
		if track && d.Type == restakingtypes.DELEGATION_TYPE_POOL {
			if err := k.addPoolShares(ctx, d.TargetId, p.bucket.K2().K1(), p.shares); err != nil {
				return err
			}
		}
	}
	return nil
}

// settle pays a delegation's rewards without changing it.
func (k *Keeper) settle(ctx context.Context, user sdk.AccAddress, d restakingtypes.Delegation) (sdk.Coins, error) {
	prefs, err := k.restaking.GetUserPreferences(ctx, user)
	if err != nil {
		return nil, err
	}
	paid, err := k.leave(ctx, user, d, prefs, false)
	if err != nil {
		return nil, err
	}
	return paid, k.enter(ctx, user, d, prefs, false)
}

// payOut takes owed from the target's outstanding rewards and sends its
// whole units to the user's withdraw address; the fraction becomes dust.
func (k *Keeper) payOut(ctx context.Context, user sdk.AccAddress, t restakingtypes.DelegationType, id uint32, owed sdk.DecCoins) (sdk.Coins, error) {
	if owed.IsZero() {
		return sdk.Coins{}, nil
	}
	key := targetKey(t, id)
	out, err := getCoins(ctx, k.outstanding, key)
	if err != nil {
		return nil, err
	}
	// Ratios are truncated and outstanding is booked rounded up, so owed
	// never exceeds outstanding; the clamp keeps that unconditional.
	owed = owed.Intersect(out)
	if err := setCoins(ctx, k.outstanding, key, out.Sub(owed)); err != nil {
		return nil, err
	}
	pay, fraction := owed.TruncateDecimal()
	if err := k.addDust(ctx, fraction); err != nil {
		return nil, err
	}
	if pay.IsZero() {
		return pay, nil
	}
	to, err := k.withdrawAddress(ctx, user)
	if err != nil {
		return nil, err
	}
	if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, to, pay); err != nil {
		return nil, err
	}
	return pay, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventWithdrawRewards{
		Type: t, TargetId: id, Delegator: user.String(), Amount: pay,
	})
}

// payCommission sends an operator's whole commission units to the admin's
// withdraw address. With final (the operator is deleted) the fractions
// become dust instead of staying accrued.
func (k *Keeper) payCommission(ctx context.Context, operatorID uint32, admin sdk.AccAddress, final bool) (sdk.Coins, error) {
	accrued, err := getCoins(ctx, k.commission, operatorID)
	if err != nil {
		return nil, err
	}
	pay, fraction := accrued.TruncateDecimal()
	if final {
		err = k.addDust(ctx, fraction)
		fraction = nil
	}
	if err != nil {
		return nil, err
	}
	if err := setCoins(ctx, k.commission, operatorID, fraction); err != nil {
		return nil, err
	}
	if pay.IsZero() {
		return pay, nil
	}
	to, err := k.withdrawAddress(ctx, admin)
	if err != nil {
		return nil, err
	}
	if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, to, pay); err != nil {
		return nil, err
	}
	return pay, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventWithdrawCommission{OperatorId: operatorID, Amount: pay})
}
