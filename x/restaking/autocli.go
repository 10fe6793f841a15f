package restaking

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

func args(fields ...string) []*autocliv1.PositionalArgDescriptor {
	out := make([]*autocliv1.PositionalArgDescriptor, len(fields))
	for i, f := range fields {
		out[i] = &autocliv1.PositionalArgDescriptor{ProtoField: f}
	}
	return out
}

func varArgs(fields ...string) []*autocliv1.PositionalArgDescriptor {
	out := args(fields...)
	out[len(out)-1].Varargs = true
	return out
}

// AutoCLIOptions describes every Msg and Query as a CLI command. Delegation
// types are DELEGATION_TYPE_POOL, DELEGATION_TYPE_OPERATOR and
// DELEGATION_TYPE_SERVICE.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: "milkyway.restaking.v1.Query",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Delegation", Use: "delegation [type] [target-id] [delegator]", Short: "Show a delegation and its value",
					PositionalArgs: args("type", "target_id", "delegator"),
					Example:        "milkywayd query restaking delegation DELEGATION_TYPE_POOL 1 milk1..."},
				{RpcMethod: "TargetDelegations", Use: "target-delegations [type] [target-id]", Short: "List a target's delegations",
					PositionalArgs: args("type", "target_id"),
					Example:        "milkywayd query restaking target-delegations DELEGATION_TYPE_OPERATOR 1"},
				{RpcMethod: "DelegatorDelegations", Use: "delegator-delegations [delegator]", Short: "List a user's delegations (--type to filter)",
					PositionalArgs: args("delegator"),
					Example:        "milkywayd query restaking delegator-delegations milk1... --type DELEGATION_TYPE_SERVICE"},
				{RpcMethod: "UnbondingDelegation", Use: "unbonding-delegation [type] [target-id] [delegator]", Short: "Show an unbonding delegation",
					PositionalArgs: args("type", "target_id", "delegator"),
					Example:        "milkywayd query restaking unbonding-delegation DELEGATION_TYPE_POOL 1 milk1..."},
				{RpcMethod: "DelegatorUnbondingDelegations", Use: "delegator-unbonding-delegations [delegator]", Short: "List a user's unbondings",
					PositionalArgs: args("delegator"),
					Example:        "milkywayd query restaking delegator-unbonding-delegations milk1..."},
				{RpcMethod: "TargetStake", Use: "target-stake [type] [target-id]", Short: "Show a target's tokens and shares per denom",
					PositionalArgs: args("type", "target_id"),
					Example:        "milkywayd query restaking target-stake DELEGATION_TYPE_POOL 1"},
				{RpcMethod: "Params", Use: "params", Short: "Show the restaking params", Example: "milkywayd query restaking params"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: "milkyway.restaking.v1.Msg",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "DelegatePool", Use: "delegate-pool [amount]", Short: "Restake one denom to its pool",
					PositionalArgs: args("amount"), Example: "milkywayd tx restaking delegate-pool 1000000umilktia --from alice"},
				{RpcMethod: "DelegateOperator", Use: "delegate-operator [operator-id] [amount]...", Short: "Restake to an active operator",
					PositionalArgs: varArgs("operator_id", "amount"),
					Example:        "milkywayd tx restaking delegate-operator 1 1000000umilk 500000umilktia --from alice"},
				{RpcMethod: "DelegateService", Use: "delegate-service [service-id] [amount]...", Short: "Restake to an active service",
					PositionalArgs: varArgs("service_id", "amount"),
					Example:        "milkywayd tx restaking delegate-service 1 1000000umilktia --from alice"},
				{RpcMethod: "UndelegatePool", Use: "undelegate-pool [amount]", Short: "Start unbonding from a pool",
					PositionalArgs: args("amount"), Example: "milkywayd tx restaking undelegate-pool 500000umilktia --from alice"},
				{RpcMethod: "UndelegateOperator", Use: "undelegate-operator [operator-id] [amount]...", Short: "Start unbonding from an operator",
					PositionalArgs: varArgs("operator_id", "amount"),
					Example:        "milkywayd tx restaking undelegate-operator 1 1000000umilk --from alice"},
				{RpcMethod: "UndelegateService", Use: "undelegate-service [service-id] [amount]...", Short: "Start unbonding from a service",
					PositionalArgs: varArgs("service_id", "amount"),
					Example:        "milkywayd tx restaking undelegate-service 1 1000000umilktia --from alice"},
				{RpcMethod: "UpdateParams", Skip: true}, // governance only
			},
		},
	}
}
