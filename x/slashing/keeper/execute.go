package keeper

import (
	"context"
	"errors"
	"time"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// EndBlocker executes the pending slashes whose veto window has passed.
// The queue is ordered by execution time, so the walk stops at the first
// slash still in its window.
func (k *Keeper) EndBlocker(ctx context.Context) error {
	now, err := k.restaking.Now(ctx)
	if err != nil {
		return err
	}
	var due []collections.Pair[time.Time, uint64]
	rng := new(collections.Range[collections.Pair[time.Time, uint64]]).
		EndInclusive(collections.Join(now, ^uint64(0)))
	err = k.pending.Walk(ctx, rng, func(key collections.Pair[time.Time, uint64]) (bool, error) {
		due = append(due, key)
		return false, nil
	})
	if err != nil {
		return err
	}
	for _, key := range due {
		slash, err := k.slashes.Get(ctx, key.K2())
		if err != nil {
			return err
		}
		if err := k.dequeue(ctx, slash); err != nil {
			return err
		}
		if err := k.executeIsolated(ctx, slash, now); err != nil {
			return err
		}
	}
	return nil
}

// executeIsolated runs one slash in a branch of the state: a slash that
// cannot execute (say, the operator was deleted) is recorded as such and
// does not halt the chain or leave half its writes behind.
func (k *Keeper) executeIsolated(ctx context.Context, slash types.Slash, now time.Time) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	branch, write := sdkCtx.CacheContext()
	slashed, err := k.execute(branch, slash, now)
	slash.Status = types.SLASH_STATUS_EXECUTED
	if err != nil {
		slash.Status, slash.Reason = types.SLASH_STATUS_FAILED, "not executed: "+err.Error()
		sdkCtx.Logger().Error("slash could not execute", "slash", slash.Id, "err", err)
	} else {
		write()
		slash.Slashed = slashed
	}
	// The bond comes back either way: only a veto says the evidence was wrong.
	if err := k.returnBond(ctx, slash); err != nil {
		return err
	}
	return k.slashes.Set(ctx, slash.Id, slash)
}

// execute applies docs/adr/002: the operator's stake and its unbondings
// after the infraction lose the fraction; every pool the service borrows
// loses fraction × the operator's weight of the stake trusting the
// service; then the tokens are burned or paid to the rule's recipient and
// the operator is jailed.
func (k *Keeper) execute(ctx context.Context, slash types.Slash, now time.Time) (sdk.Coins, error) {
	results, err := k.attribute(ctx, slash.ServiceId, slash.OperatorId, slash.Fraction, slash.PoolWeight, slash.InfractionHeight)
	if err != nil {
		return nil, err
	}
	total := sdk.Coins{}
	for _, r := range results {
		total = total.Add(r.Total()...)
		if err := k.addDust(ctx, r.Dust); err != nil {
			return nil, err
		}
		if err := emitTargetSlashed(ctx, slash.Id, r); err != nil {
			return nil, err
		}
	}
	destination, err := k.payOut(ctx, slash.Rule.Recipient, total)
	if err != nil {
		return nil, err
	}
	if err := k.jail(ctx, slash.OperatorId, slash.ServiceId, now, slash.Rule.JailDuration); err != nil {
		return nil, err
	}
	return total, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventSlashExecuted{
		SlashId: slash.Id, ServiceId: slash.ServiceId, OperatorId: slash.OperatorId,
		Fraction: slash.Fraction.String(), Slashed: total, Destination: destination,
	})
}

// attribute takes the stake (rules 1-3 of docs/adr/002) into the module
// account and returns what came from each target; weight is the
// operator's share of the borrowed pools' loss (fixed at submission). The
// what-if query runs it in a discarded branch.
func (k *Keeper) attribute(ctx context.Context, serviceID, operatorID uint32, fraction, weight sdkmath.LegacyDec,
	infractionHeight int64,
) ([]restakingtypes.TargetSlash, error) {
	if weight.IsNil() { // a slash recorded without one (older genesis)
		var err error
		if weight, err = k.operatorWeight(ctx, serviceID, operatorID); err != nil {
			return nil, err
		}
	}
	// The module account must exist before tokens reach its address, or
	// the transfer creates a plain account there and burning panics.
	module := k.accounts.GetModuleAccount(ctx, types.ModuleName).GetAddress()
	own, err := k.restaking.SlashTarget(ctx, restakingtypes.DELEGATION_TYPE_OPERATOR, operatorID, fraction, infractionHeight, module)
	if err != nil {
		return nil, err
	}
	results := []restakingtypes.TargetSlash{own}
	// Borrowed pools back the operators that secure the service: an
	// operator that is not joined (it only registered a task key, or left)
	// answers with its own stake alone.
	joined, err := k.restaking.IsOperatorJoined(ctx, operatorID, serviceID)
	if err != nil {
		return nil, err
	}
	poolFraction := fraction.MulTruncate(weight)
	if !joined || !poolFraction.IsPositive() {
		return results, nil
	}
	pools, err := k.restaking.ServiceSecuringPools(ctx, serviceID)
	if err != nil {
		return nil, err
	}
	for _, pool := range pools {
		res, err := k.restaking.SlashPoolTrusting(ctx, pool, serviceID, poolFraction, infractionHeight, module)
		if err != nil {
			return nil, err
		}
		results = append(results, res)
	}
	return results, nil
}

// payOut burns the slashed tokens or sends them to the recipient.
func (k *Keeper) payOut(ctx context.Context, recipient string, total sdk.Coins) (string, error) {
	if recipient == "" {
		if total.IsZero() {
			return types.BurnDestination, nil
		}
		return types.BurnDestination, k.bank.BurnCoins(ctx, types.ModuleName, total)
	}
	to, err := sdk.AccAddressFromBech32(recipient)
	if err != nil || total.IsZero() {
		return recipient, err
	}
	return recipient, k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, to, total)
}

func emitTargetSlashed(ctx context.Context, slashID uint64, r restakingtypes.TargetSlash) error {
	if r.Total().IsZero() {
		return nil
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventTargetSlashed{
		SlashId: slashID, TargetType: int32(r.Type), TargetId: r.ID, Bonded: r.Bonded, Unbonding: r.Unbonding,
	})
}

// addDust records the truncated worth of burned pool shares.
func (k *Keeper) addDust(ctx context.Context, dust sdk.DecCoins) error {
	if dust.IsZero() {
		return nil
	}
	rec, err := k.GetDust(ctx)
	if err != nil {
		return err
	}
	return k.dust.Set(ctx, types.DustRecord{Coins: rec.Add(dust...)})
}

// GetDust returns the dust recorded so far.
func (k *Keeper) GetDust(ctx context.Context) (sdk.DecCoins, error) {
	rec, err := k.dust.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return sdk.DecCoins{}, nil
	}
	return rec.Coins, err
}

// operatorWeight is the operator's share of the USD value of the operators
// securing the service (the ACTIVE joined ones, plus the faulty one whatever
// its status): the part of the borrowed pools' trusting stake that answers
// for it. With no prices at all, every operator weighs the same.
func (k *Keeper) operatorWeight(ctx context.Context, serviceID, operatorID uint32) (sdkmath.LegacyDec, error) {
	joined, err := k.restaking.ServiceJoinedOperators(ctx, serviceID)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	set := []uint32{operatorID}
	for _, id := range joined {
		if id == operatorID {
			continue
		}
		op, err := k.operators.GetOperator(ctx, id)
		if err != nil {
			return sdkmath.LegacyDec{}, err
		}
		if op.Status == operatorstypes.OPERATOR_STATUS_ACTIVE {
			set = append(set, id)
		}
	}
	total, own := sdkmath.LegacyZeroDec(), sdkmath.LegacyZeroDec()
	for _, id := range set {
		v, err := k.operatorValue(ctx, id)
		if err != nil {
			return sdkmath.LegacyDec{}, err
		}
		total = total.Add(v)
		if id == operatorID {
			own = v
		}
	}
	if !total.IsPositive() {
		return sdkmath.LegacyOneDec().QuoInt64(int64(len(set))), nil
	}
	return own.Quo(total), nil
}

func (k *Keeper) operatorValue(ctx context.Context, operatorID uint32) (sdkmath.LegacyDec, error) {
	value := sdkmath.LegacyZeroDec()
	err := k.restaking.IterateTargetStakes(ctx, restakingtypes.DELEGATION_TYPE_OPERATOR, operatorID,
		func(denom string, s restakingtypes.DenomStake) (bool, error) {
			p, err := k.prices.DenomPrice(ctx, denom)
			if err != nil {
				return true, err
			}
			value = value.Add(p.ValueOf(s.Tokens))
			return false, nil
		})
	return value, err
}
