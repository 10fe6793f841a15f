package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

// AccountKeeper creates the module account at genesis and tells module
// accounts apart from user accounts.
type AccountKeeper interface {
	GetModuleAccount(ctx context.Context, moduleName string) sdk.ModuleAccountI
	GetAccount(ctx context.Context, addr sdk.AccAddress) sdk.AccountI
}

// BankKeeper mints, burns and moves factory denoms and keeps their
// metadata. The module account needs the Minter and Burner permissions.
type BankKeeper interface {
	MintCoins(ctx context.Context, moduleName string, amt sdk.Coins) error
	BurnCoins(ctx context.Context, moduleName string, amt sdk.Coins) error
	SendCoinsFromModuleToAccount(ctx context.Context, senderModule string, recipient sdk.AccAddress, amt sdk.Coins) error
	SendCoinsFromAccountToModule(ctx context.Context, sender sdk.AccAddress, recipientModule string, amt sdk.Coins) error
	SendCoins(ctx context.Context, from, to sdk.AccAddress, amt sdk.Coins) error
	BlockedAddr(addr sdk.AccAddress) bool

	GetDenomMetaData(ctx context.Context, denom string) (banktypes.Metadata, bool)
	SetDenomMetaData(ctx context.Context, metadata banktypes.Metadata)
	IterateTotalSupply(ctx context.Context, cb func(sdk.Coin) bool)
}

// CommunityPoolKeeper receives denom creation fees. x/distribution
// satisfies it.
type CommunityPoolKeeper interface {
	FundCommunityPool(ctx context.Context, amount sdk.Coins, sender sdk.AccAddress) error
}

// CustodyCheck tells whether addr is an account whose balance another
// module keeps books for (a restaking pool, operator or service account).
// Burning from or force-transferring out of such an account would leave
// that module's records claiming tokens that are gone, so the admin may not.
// The pools, operators and services keepers' Is*Address methods fit it.
type CustodyCheck func(ctx context.Context, addr sdk.AccAddress) (bool, error)
