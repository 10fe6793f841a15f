package app

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
)

const (
	// AppName is the BaseApp name.
	AppName = "milkyway"
	// Bech32Prefix is the account address prefix (milk1...).
	Bech32Prefix = "milk"
	// BondDenom is the staking and fee denom.
	BondDenom = "umilk"
	// DefaultChainID is used by the devnet when no chain id is given.
	DefaultChainID = "milkyway-devnet-1"
)

// SetAddressPrefixes configures the global SDK config with the chain's
// bech32 prefixes. The SDK still reads the global config in places (address
// String() methods), so it must be set once before anything is decoded.
func SetAddressPrefixes() {
	cfg := sdk.GetConfig()
	cfg.SetBech32PrefixForAccount(Bech32Prefix, Bech32Prefix+sdk.PrefixPublic)
	cfg.SetBech32PrefixForValidator(Bech32Prefix+sdk.PrefixValidator+sdk.PrefixOperator,
		Bech32Prefix+sdk.PrefixValidator+sdk.PrefixOperator+sdk.PrefixPublic)
	cfg.SetBech32PrefixForConsensusNode(Bech32Prefix+sdk.PrefixValidator+sdk.PrefixConsensus,
		Bech32Prefix+sdk.PrefixValidator+sdk.PrefixConsensus+sdk.PrefixPublic)
	sdk.DefaultBondDenom = BondDenom
}

func init() { SetAddressPrefixes() }
