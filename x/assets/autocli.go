package assets

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// AutoCLIOptions describes the queries as CLI commands. Both Msgs are
// governance only, so they get no tx command: submit them in a proposal.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: "milkyway.assets.v1.Query",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Asset", Use: "asset [denom]", Short: "Show the asset of a denom",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "denom"}},
					Example:        "milkywayd query assets asset uatom"},
				{RpcMethod: "Assets", Use: "assets", Short: "List assets, optionally only those of one ticker",
					FlagOptions: map[string]*autocliv1.FlagOptions{"ticker": {Usage: "only assets quoted under this ticker, e.g. ATOM"}},
					Example:     "milkywayd query assets assets --ticker ATOM --limit 10"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: "milkyway.assets.v1.Msg",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "RegisterAsset", Skip: true},   // governance only: submit through gov
				{RpcMethod: "DeregisterAsset", Skip: true}, // governance only
			},
		},
	}
}
