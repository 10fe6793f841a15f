package types

import (
	"context"
	"time"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	pricestypes "github.com/milkyway-labs/milkyway-rollup/x/prices/types"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	sequencertypes "github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// AccountKeeper resolves the module account address. GetModuleAccount
// creates the module account the first time: a plain account at its
// address (bank.SendCoins creates one) cannot burn.
type AccountKeeper interface {
	GetModuleAddress(name string) sdk.AccAddress
	GetModuleAccount(ctx context.Context, name string) sdk.ModuleAccountI
}

// BankKeeper burns slashed tokens or pays them to the rule's recipient.
type BankKeeper interface {
	BurnCoins(ctx context.Context, module string, amt sdk.Coins) error
	SendCoinsFromAccountToModule(ctx context.Context, from sdk.AccAddress, module string, amt sdk.Coins) error
	SendCoinsFromModuleToAccount(ctx context.Context, module string, to sdk.AccAddress, amt sdk.Coins) error
	GetAllBalances(ctx context.Context, addr sdk.AccAddress) sdk.Coins
	BlockedAddr(addr sdk.AccAddress) bool
}

// ServicesKeeper reads services (admin, status).
type ServicesKeeper interface {
	GetService(ctx context.Context, id uint32) (servicestypes.Service, error)
}

// OperatorsKeeper reads operators (admin).
type OperatorsKeeper interface {
	GetOperator(ctx context.Context, id uint32) (operatorstypes.Operator, error)
}

// RestakingKeeper is the stake slashes take from (docs/adr/002).
type RestakingKeeper interface {
	Now(ctx context.Context) (time.Time, error)
	GetParams(ctx context.Context) (restakingtypes.Params, error)
	SlashTarget(ctx context.Context, t restakingtypes.DelegationType, id uint32, fraction sdkmath.LegacyDec,
		infractionHeight int64, dest sdk.AccAddress) (restakingtypes.TargetSlash, error)
	SlashPoolTrusting(ctx context.Context, poolID, serviceID uint32, fraction sdkmath.LegacyDec,
		infractionHeight int64, dest sdk.AccAddress) (restakingtypes.TargetSlash, error)
	ServiceSecuringPools(ctx context.Context, serviceID uint32) ([]uint32, error)
	ServiceJoinedOperators(ctx context.Context, serviceID uint32) ([]uint32, error)
	IsOperatorJoined(ctx context.Context, operatorID, serviceID uint32) (bool, error)
	IterateTargetStakes(ctx context.Context, t restakingtypes.DelegationType, id uint32,
		fn func(denom string, stake restakingtypes.DenomStake) (bool, error)) error
	GetTargetStake(ctx context.Context, t restakingtypes.DelegationType, id uint32, denom string) (restakingtypes.DenomStake, error)
	GetDelegation(ctx context.Context, t restakingtypes.DelegationType, id uint32, user sdk.AccAddress) (restakingtypes.Delegation, bool, error)
	GetUnbondingDelegation(ctx context.Context, t restakingtypes.DelegationType, id uint32, user sdk.AccAddress) (restakingtypes.UnbondingDelegation, bool, error)
	// The what-if query's paged walk over the exposed positions.
	WalkTargetUsers(ctx context.Context, t restakingtypes.DelegationType, id uint32, unbondings bool, after sdk.AccAddress,
		fn func(user sdk.AccAddress) (bool, error)) error
	PoolClassesTrusting(ctx context.Context, poolID, serviceID uint32) ([]uint64, error)
	WalkClassMembers(ctx context.Context, poolID uint32, classID uint64, after sdk.AccAddress,
		fn func(user sdk.AccAddress) (bool, error)) error
	GetUserPreferences(ctx context.Context, user sdk.AccAddress) (restakingtypes.UserPreferences, error)
}

// PriceSource prices stake for the operator weights of pool slashes.
type PriceSource interface {
	DenomPrice(ctx context.Context, denom string) (pricestypes.DenomPrice, error)
}

// SequencerKeeper gives the sequencer's block-signing key.
type SequencerKeeper interface {
	GetSequencer(ctx context.Context) (sequencertypes.Sequencer, error)
	// GetForcedInclusion gives the forced-inclusion lane's rules, against
	// which censorship evidence is checked.
	GetForcedInclusion(ctx context.Context) (sequencertypes.ForcedInclusion, error)
}
