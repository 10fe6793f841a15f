package keeper

import (
	"context"

	sdkmath "cosmossdk.io/math"

	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	pricestypes "github.com/milkyway-labs/milkyway-rollup/x/prices/types"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

// denomStake is a target's stake in one denom as one bucket sees it.
type denomStake struct {
	denom  string
	shares sdkmath.LegacyDec // the bucket's share base
	value  sdkmath.LegacyDec // USD value of the tokens behind those shares
}

// eligibleTarget is a target a plan pays this block, with its value.
type eligibleTarget struct {
	t       restakingtypes.DelegationType
	id      uint32
	service uint32 // bucket service: the paying service for pools, else AllServices
	stakes  []denomStake
	value   sdkmath.LegacyDec
}

// valuer prices denoms once per block and values targets for a service.
type valuer struct {
	k       *Keeper
	params  restakingtypes.Params
	prices  map[string]pricestypes.DenomPrice
	service uint32
	allowed []string // the service's own denom list (empty: any)
}

func (k *Keeper) newValuer(ctx context.Context) (*valuer, error) {
	params, err := k.restaking.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	return &valuer{k: k, params: params, prices: map[string]pricestypes.DenomPrice{}}, nil
}

// forService narrows valuation to the denoms the service accepts.
func (v *valuer) forService(ctx context.Context, serviceID uint32) error {
	sp, err := v.k.services.GetServiceParams(ctx, serviceID)
	if err != nil {
		return err
	}
	v.service, v.allowed = serviceID, sp.AllowedDenoms
	return nil
}

func (v *valuer) denomCounts(denom string) bool {
	if !v.params.IsDenomRestakable(denom) {
		return false
	}
	if len(v.allowed) == 0 {
		return true
	}
	for _, d := range v.allowed {
		if d == denom {
			return true
		}
	}
	return false
}

func (v *valuer) price(ctx context.Context, denom string) (pricestypes.DenomPrice, error) {
	if p, ok := v.prices[denom]; ok {
		return p, nil
	}
	p, err := v.k.prices.DenomPrice(ctx, denom)
	if err != nil {
		return p, err
	}
	v.prices[denom] = p
	return p, nil
}

// value builds a target's per-denom stakes. For a pool only the shares
// trusting the service count; found is false when nothing has value.
func (v *valuer) value(ctx context.Context, t restakingtypes.DelegationType, id uint32) (eligibleTarget, bool, error) {
	target := eligibleTarget{t: t, id: id, service: types.AllServices, value: sdkmath.LegacyZeroDec()}
	if t == restakingtypes.DELEGATION_TYPE_POOL {
		target.service = v.service
	}
	err := v.k.restaking.IterateTargetStakes(ctx, t, id, func(denom string, stake restakingtypes.DenomStake) (bool, error) {
		if !v.denomCounts(denom) || !stake.Shares.IsPositive() {
			return false, nil
		}
		shares, tokens := stake.Shares, stake.Tokens
		if t == restakingtypes.DELEGATION_TYPE_POOL {
			trusting, err := v.k.poolShares(ctx, id, v.service)
			if err != nil || !trusting.IsPositive() {
				return err != nil, err
			}
			shares, tokens = trusting, stake.TokensFor(trusting)
		}
		price, err := v.price(ctx, denom)
		if err != nil {
			return true, err
		}
		value := price.ValueOf(tokens)
		if value.IsPositive() {
			target.stakes = append(target.stakes, denomStake{denom: denom, shares: shares, value: value})
			target.value = target.value.Add(value)
		}
		return false, nil
	})
	return target, err == nil && target.value.IsPositive(), err
}

// groups values the three groups a plan of the service pays: the pools it
// borrows, the active operators that joined and pass its allowlist, and
// its own delegators.
func (v *valuer) groups(ctx context.Context) (pools, operators, users []eligibleTarget, err error) {
	poolIDs, err := v.k.restaking.ServiceSecuringPools(ctx, v.service)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, id := range poolIDs {
		if pools, err = v.appendIfValued(ctx, pools, restakingtypes.DELEGATION_TYPE_POOL, id); err != nil {
			return nil, nil, nil, err
		}
	}
	operatorIDs, err := v.k.restaking.ServiceJoinedOperators(ctx, v.service)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, id := range operatorIDs {
		ok, err := v.operatorEligible(ctx, id)
		if err != nil {
			return nil, nil, nil, err
		}
		if ok {
			if operators, err = v.appendIfValued(ctx, operators, restakingtypes.DELEGATION_TYPE_OPERATOR, id); err != nil {
				return nil, nil, nil, err
			}
		}
	}
	users, err = v.appendIfValued(ctx, nil, restakingtypes.DELEGATION_TYPE_SERVICE, v.service)
	return pools, operators, users, err
}

func (v *valuer) appendIfValued(ctx context.Context, list []eligibleTarget, t restakingtypes.DelegationType, id uint32) ([]eligibleTarget, error) {
	target, ok, err := v.value(ctx, t, id)
	if ok {
		list = append(list, target)
	}
	return list, err
}

func (v *valuer) operatorEligible(ctx context.Context, id uint32) (bool, error) {
	op, err := v.k.operators.GetOperator(ctx, id)
	if err != nil || op.Status != operatorstypes.OPERATOR_STATUS_ACTIVE {
		return false, err
	}
	if v.k.jails != nil {
		// A jailed operator earns nothing from the service that jailed it.
		if jailed, err := v.k.jails.IsJailed(ctx, id, v.service); err != nil || jailed {
			return false, err
		}
	}
	return v.k.restaking.IsOperatorAllowed(ctx, id, v.service)
}
