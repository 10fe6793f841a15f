package prices

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// AutoCLIOptions describes the Msgs and Queries as CLI commands.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: "milkyway.prices.v1.Query",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Price", Use: "price [ticker]", Short: "Show the median of a ticker's fresh USD prices",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "ticker"}},
					Example:        "milkywayd query prices price TIA"},
				{RpcMethod: "USDValue", Use: "usd-value [coins]", Short: "Value coins in USD with registered assets and fresh prices",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "coins"}},
					Example:        "milkywayd query prices usd-value 1000000umilktia,5000000umilk"},
				{RpcMethod: "Params", Use: "params", Short: "Show the feeders and max price age", Example: "milkywayd query prices params"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: "milkyway.prices.v1.Msg",
			// post-prices is hand-written (client/cli): autocli beta.3 would
			// send the decimal prices unconverted.
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "PostPrices", Skip: true},
				{RpcMethod: "UpdateParams", Skip: true}, // governance only
			},
		},
	}
}
