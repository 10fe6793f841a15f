package types

import (
	"context"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	pricestypes "github.com/milkyway-labs/milkyway-rollup/x/prices/types"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// AccountKeeper resolves module account addresses.
type AccountKeeper interface {
	GetModuleAddress(name string) sdk.AccAddress
}

// BankKeeper moves budgets and payouts.
type BankKeeper interface {
	SendCoinsFromAccountToModule(ctx context.Context, from sdk.AccAddress, module string, amt sdk.Coins) error
	SendCoinsFromModuleToAccount(ctx context.Context, module string, to sdk.AccAddress, amt sdk.Coins) error
	SendCoinsFromModuleToModule(ctx context.Context, from, to string, amt sdk.Coins) error
	GetAllBalances(ctx context.Context, addr sdk.AccAddress) sdk.Coins
	BlockedAddr(addr sdk.AccAddress) bool
}

// CommunityPool receives plan creation fees.
type CommunityPool interface {
	FundCommunityPool(ctx context.Context, amount sdk.Coins, sender sdk.AccAddress) error
}

// ServicesKeeper tells who administers a service and whether it is active.
type ServicesKeeper interface {
	GetService(ctx context.Context, id uint32) (servicestypes.Service, error)
	GetServiceParams(ctx context.Context, id uint32) (servicestypes.ServiceParams, error)
}

// OperatorsKeeper gives an operator's status, admin and commission rate.
type OperatorsKeeper interface {
	GetOperator(ctx context.Context, id uint32) (operatorstypes.Operator, error)
	GetOperatorParams(ctx context.Context, id uint32) (operatorstypes.OperatorParams, error)
}

// RestakingKeeper is the stake the rewards are paid on.
type RestakingKeeper interface {
	Now(ctx context.Context) (time.Time, error)
	GetParams(ctx context.Context) (restakingtypes.Params, error)
	// GetDelegation and the iterators report delegations settled (pool
	// shares after the trust class's slashes).
	GetDelegation(ctx context.Context, t restakingtypes.DelegationType, id uint32, user sdk.AccAddress) (restakingtypes.Delegation, bool, error)
	// DelegationHistory is the delegation as stored and its shares after
	// each class slash since it last settled (docs/adr/002, amendment 2).
	DelegationHistory(ctx context.Context, t restakingtypes.DelegationType, id uint32, user sdk.AccAddress) (restakingtypes.Delegation, []restakingtypes.ShareStep, bool, error)
	// IterateTrustClasses visits every trust class (invariants only).
	IterateTrustClasses(ctx context.Context, fn func(restakingtypes.TrustClass) (bool, error)) error
	IterateUserDelegations(ctx context.Context, user sdk.AccAddress, fn func(restakingtypes.Delegation) (bool, error)) error
	// IterateUserStoredDelegations visits them as stored, including those
	// burned whole (hidden from the settled views): settlement reads these.
	IterateUserStoredDelegations(ctx context.Context, user sdk.AccAddress, fn func(restakingtypes.Delegation) (bool, error)) error
	IterateTargetStakes(ctx context.Context, t restakingtypes.DelegationType, id uint32, fn func(string, restakingtypes.DenomStake) (bool, error)) error
	GetTargetStake(ctx context.Context, t restakingtypes.DelegationType, id uint32, denom string) (restakingtypes.DenomStake, error)
	ServiceSecuringPools(ctx context.Context, serviceID uint32) ([]uint32, error)
	ServiceJoinedOperators(ctx context.Context, serviceID uint32) ([]uint32, error)
	IsOperatorAllowed(ctx context.Context, operatorID, serviceID uint32) (bool, error)
	GetUserPreferences(ctx context.Context, user sdk.AccAddress) (restakingtypes.UserPreferences, error)
	IterateAllDelegations(ctx context.Context, fn func(sdk.AccAddress, restakingtypes.Delegation) (bool, error)) error
}

// PriceSource prices a denom in USD (zero when unknown or stale).
type PriceSource interface {
	DenomPrice(ctx context.Context, denom string) (pricestypes.DenomPrice, error)
}

// JailChecker tells whether an operator is jailed in a service.
type JailChecker interface {
	IsJailed(ctx context.Context, operatorID, serviceID uint32) (bool, error)
}
