package types

import (
	"context"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	poolstypes "github.com/milkyway-labs/milkyway-rollup/x/pools/types"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// BankKeeper moves restaked tokens between users and target accounts.
type BankKeeper interface {
	SendCoins(ctx context.Context, from, to sdk.AccAddress, amt sdk.Coins) error
	GetBalance(ctx context.Context, addr sdk.AccAddress, denom string) sdk.Coin
}

// PoolsKeeper finds (or, on first delegation, creates) the pool of a denom.
type PoolsKeeper interface {
	GetPool(ctx context.Context, id uint32) (poolstypes.Pool, error)
	GetPoolByDenom(ctx context.Context, denom string) (poolstypes.Pool, error)
	GetOrCreatePool(ctx context.Context, denom string) (poolstypes.Pool, error)
}

// OperatorsKeeper reads operators.
type OperatorsKeeper interface {
	GetOperator(ctx context.Context, id uint32) (operatorstypes.Operator, error)
}

// ServicesKeeper reads services and their denom lists, and deactivates a
// service whose allowlist lost its last operator (an empty list would
// silently open the service to every operator).
type ServicesKeeper interface {
	GetService(ctx context.Context, id uint32) (servicestypes.Service, error)
	GetServiceParams(ctx context.Context, id uint32) (servicestypes.ServiceParams, error)
	DeactivateServiceForEmptyAllowList(ctx context.Context, id uint32) error
}

// PriceSource values coins in USD for the restaking cap. The rewards/assets
// issue provides it; until one is set the cap is off.
type PriceSource interface {
	USDValue(ctx context.Context, coins sdk.Coins) (sdkmath.LegacyDec, error)
}

// RestakeRestriction may refuse a restake (e.g. locked tokens without
// insurance); nil means no restriction.
type RestakeRestriction func(ctx context.Context, user sdk.AccAddress, amount sdk.Coins) error

// OperatorDelegationGuard may refuse new delegations to an operator (a
// jailed one); nil means none.
type OperatorDelegationGuard func(ctx context.Context, operatorID uint32) error

// TrustWithdrawalGuard may refuse a user narrowing its trust in a service.
type TrustWithdrawalGuard func(ctx context.Context, serviceID uint32) error
