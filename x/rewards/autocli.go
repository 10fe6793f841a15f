package rewards

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// posArgs lists proto fields taken as positional arguments, in order.
func posArgs(fields ...string) []*autocliv1.PositionalArgDescriptor {
	out := make([]*autocliv1.PositionalArgDescriptor, len(fields))
	for i, f := range fields {
		out[i] = &autocliv1.PositionalArgDescriptor{ProtoField: f}
	}
	return out
}

// AutoCLIOptions describes the Msgs and Queries as CLI commands. On the
// command line a delegation type is written pool, operator or service.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: "milkyway.rewards.v1.Query",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "RewardsPlans", Use: "plans", Short: "List the rewards plans that have not ended (--service-id to filter)",
					Example: "milkywayd query rewards plans --service-id 1"},
				{RpcMethod: "RewardsPlan", Use: "plan [plan-id]", Short: "Show a rewards plan and its budget",
					PositionalArgs: posArgs("plan_id"), Example: "milkywayd query rewards plan 1"},
				{RpcMethod: "OutstandingRewards", Use: "outstanding-rewards [pool|operator|service] [target-id]",
					Short:          "Show what a target's delegators can still withdraw",
					PositionalArgs: posArgs("type", "target_id"),
					Example:        "milkywayd query rewards outstanding-rewards pool 1"},
				{RpcMethod: "OperatorCommission", Use: "commission [operator-id]", Short: "Show an operator's accumulated commission",
					PositionalArgs: posArgs("operator_id"), Example: "milkywayd query rewards commission 1"},
				{RpcMethod: "PoolServiceTotalShares", Use: "pool-service-shares [pool-id] [service-id]",
					Short:          "Show the pool shares whose owners trust a service",
					PositionalArgs: posArgs("pool_id", "service_id"),
					Example:        "milkywayd query rewards pool-service-shares 1 1"},
				{RpcMethod: "DelegationRewards", Use: "delegation-rewards [pool|operator|service] [target-id] [delegator]",
					Short:          "Show what one delegation can withdraw now",
					PositionalArgs: posArgs("type", "target_id", "delegator"),
					Example:        "milkywayd query rewards delegation-rewards operator 1 milk1..."},
				{RpcMethod: "DelegatorTotalRewards", Use: "rewards [delegator]", Short: "Show what each of a user's delegations can withdraw, and the total",
					PositionalArgs: posArgs("delegator"), Example: "milkywayd query rewards rewards milk1..."},
				{RpcMethod: "DelegatorWithdrawAddress", Use: "withdraw-address [delegator]", Short: "Show where a user's rewards are paid",
					PositionalArgs: posArgs("delegator"), Example: "milkywayd query rewards withdraw-address milk1..."},
				{RpcMethod: "Dust", Use: "dust", Short: "Show the truncation remainders kept by the module",
					Example: "milkywayd query rewards dust"},
				{RpcMethod: "Params", Use: "params", Short: "Show the plan creation fee and max allocation step",
					Example: "milkywayd query rewards params"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: "milkyway.rewards.v1.Msg",
			// create-plan and edit-plan are hand-written (client/cli):
			// autocli beta.3 cannot build the nested distributions and
			// timestamps from the command line nicely.
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "SetWithdrawAddress", Use: "set-withdraw-address [withdraw-address]",
					Short:          "Set where your rewards and commission are paid",
					PositionalArgs: posArgs("withdraw_address"),
					Example:        "milkywayd tx rewards set-withdraw-address milk1... --from alice"},
				{RpcMethod: "WithdrawDelegatorReward", Use: "withdraw-rewards [pool|operator|service] [target-id]",
					Short:          "Withdraw the rewards of one delegation",
					PositionalArgs: posArgs("delegation_type", "target_id"),
					Example:        "milkywayd tx rewards withdraw-rewards operator 1 --from alice"},
				{RpcMethod: "WithdrawAllRewards", Use: "withdraw-all-rewards", Short: "Withdraw the rewards of all your delegations",
					Example: "milkywayd tx rewards withdraw-all-rewards --from alice"},
				{RpcMethod: "WithdrawOperatorCommission", Use: "withdraw-commission [operator-id]",
					Short:          "Withdraw an operator's commission to its admin (operator admin)",
					PositionalArgs: posArgs("operator_id"),
					Example:        "milkywayd tx rewards withdraw-commission 1 --from bob"},
				{RpcMethod: "TopUpRewardsPlan", Use: "top-up-plan [plan-id] [amount]", Short: "Add budget to a rewards plan (service admin)",
					PositionalArgs: posArgs("plan_id", "amount"),
					Example:        "milkywayd tx rewards top-up-plan 1 1000000umilk --from alice"},
				{RpcMethod: "CancelRewardsPlan", Use: "cancel-plan [plan-id]", Short: "End a rewards plan now and get its budget back (service admin)",
					PositionalArgs: posArgs("plan_id"),
					Example:        "milkywayd tx rewards cancel-plan 1 --from alice"},
				{RpcMethod: "CreateRewardsPlan", Skip: true}, // hand-written: create-plan
				{RpcMethod: "EditRewardsPlan", Skip: true},   // hand-written: edit-plan
				{RpcMethod: "UpdateParams", Skip: true},      // governance only
			},
		},
	}
}
