package liquidvesting

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// AutoCLIOptions describes every Msg and Query as a CLI command.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	user := []*autocliv1.PositionalArgDescriptor{{ProtoField: "user"}}
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: "milkyway.liquidvesting.v1.Query",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "UserInsuranceFund", Use: "insurance-fund [user]", Short: "Show a user's insurance fund and its used part",
					PositionalArgs: user, Example: "milkywayd query liquidvesting insurance-fund milk1..."},
				{RpcMethod: "UserInsuranceFunds", Use: "insurance-funds", Short: "List every user's insurance fund",
					Example: "milkywayd query liquidvesting insurance-funds --limit 10"},
				{RpcMethod: "InsuranceFund", Use: "total-insurance-fund", Short: "Show the sum of all insurance funds",
					Example: "milkywayd query liquidvesting total-insurance-fund"},
				{RpcMethod: "UserRestakableAssets", Use: "restakable-assets [user]", Short: "Show how many more locked tokens a user may restake",
					PositionalArgs: user, Example: "milkywayd query liquidvesting restakable-assets milk1..."},
				{RpcMethod: "Params", Use: "params", Short: "Show the module params",
					Example: "milkywayd query liquidvesting params"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: "milkyway.liquidvesting.v1.Msg",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "MintLockedRepresentation", Use: "mint-locked [receiver] [amount]", Short: "Mint locked/{denom} to a receiver (minters only)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "receiver"}, {ProtoField: "amount", Varargs: true}},
					Example:        "milkywayd tx liquidvesting mint-locked milk1... 1000000utia --from minter"},
				{RpcMethod: "BurnLockedRepresentation", Use: "burn-locked [user] [amount]", Short: "Burn a user's locked tokens, force-unbonding restaked ones (burners only)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "user"}, {ProtoField: "amount", Varargs: true}},
					Example:        "milkywayd tx liquidvesting burn-locked milk1... 1000000locked/utia --from burner"},
				{RpcMethod: "WithdrawInsuranceFund", Use: "withdraw-insurance [amount]", Short: "Withdraw the uncovered part of your insurance fund",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "amount", Varargs: true}},
					Example:        "milkywayd tx liquidvesting withdraw-insurance 100ibc/... --from alice"},
				{RpcMethod: "UpdateParams", Skip: true}, // governance only
			},
		},
	}
}
