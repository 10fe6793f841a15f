package main

import (
	"cosmossdk.io/x/tx/signing"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/std"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	gogoproto "github.com/cosmos/gogoproto/proto"

	"github.com/milkyway-labs/milkyway-rollup/app"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// encodingFor returns the codecs for a chain whose account addresses use
// prefix: the rollup's own, or plain SDK codecs for a peer chain such as
// ibc-go's simd (cosmos1...), which knows bank sends but no restaking. The
// global SDK config follows, because address String() methods read it.
func encodingFor(prefix string) app.EncodingConfig {
	if prefix == app.Bech32Prefix {
		enc := app.MakeEncodingConfig()
		authtypes.RegisterInterfaces(enc.InterfaceRegistry)
		banktypes.RegisterInterfaces(enc.InterfaceRegistry)
		restakingtypes.RegisterInterfaces(enc.InterfaceRegistry)
		return enc
	}
	cfg := sdk.GetConfig()
	cfg.SetBech32PrefixForAccount(prefix, prefix+sdk.PrefixPublic)
	cfg.SetBech32PrefixForValidator(prefix+"valoper", prefix+"valoperpub")
	registry, err := codectypes.NewInterfaceRegistryWithOptions(codectypes.InterfaceRegistryOptions{
		ProtoFiles: gogoproto.HybridResolver,
		SigningOptions: signing.Options{
			AddressCodec:          address.Bech32Codec{Bech32Prefix: prefix},
			ValidatorAddressCodec: address.Bech32Codec{Bech32Prefix: prefix + "valoper"},
		},
	})
	if err != nil {
		panic(err)
	}
	std.RegisterInterfaces(registry)
	authtypes.RegisterInterfaces(registry)
	banktypes.RegisterInterfaces(registry)
	amino := codec.NewLegacyAmino()
	std.RegisterLegacyAminoCodec(amino)
	cdc := codec.NewProtoCodec(registry)
	return app.EncodingConfig{
		InterfaceRegistry: registry, Codec: cdc, Amino: amino,
		TxConfig: authtx.NewTxConfig(cdc, authtx.DefaultSignModes),
	}
}
