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

// AutoCLIOptions describes every Msg and Query as a CLI command. On the
// command line a delegation type is written pool, operator or service.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: "milkyway.restaking.v1.Query",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Delegation", Use: "delegation [type] [target-id] [delegator]", Short: "Show a delegation and its value",
					PositionalArgs: args("type", "target_id", "delegator"),
					Example:        "milkywayd query restaking delegation pool 1 milk1..."},
				{RpcMethod: "TargetDelegations", Use: "target-delegations [type] [target-id]", Short: "List a target's delegations",
					PositionalArgs: args("type", "target_id"),
					Example:        "milkywayd query restaking target-delegations operator 1"},
				{RpcMethod: "DelegatorDelegations", Use: "delegator-delegations [delegator]", Short: "List a user's delegations (--type to filter)",
					PositionalArgs: args("delegator"),
					Example:        "milkywayd query restaking delegator-delegations milk1... --type service"},
				{RpcMethod: "UnbondingDelegation", Use: "unbonding-delegation [type] [target-id] [delegator]", Short: "Show an unbonding delegation",
					PositionalArgs: args("type", "target_id", "delegator"),
					Example:        "milkywayd query restaking unbonding-delegation pool 1 milk1..."},
				{RpcMethod: "TargetUnbondingDelegations", Use: "target-unbonding-delegations [type] [target-id]", Short: "List the unbondings from a target",
					PositionalArgs: args("type", "target_id"),
					Example:        "milkywayd query restaking target-unbonding-delegations pool 1"},
				{RpcMethod: "DelegatorUnbondingDelegations", Use: "delegator-unbonding-delegations [delegator]", Short: "List a user's unbondings (--type to filter)",
					PositionalArgs: args("delegator"),
					Example:        "milkywayd query restaking delegator-unbonding-delegations milk1..."},
				{RpcMethod: "TargetStake", Use: "target-stake [type] [target-id]", Short: "Show a target's tokens and shares per denom",
					PositionalArgs: args("type", "target_id"),
					Example:        "milkywayd query restaking target-stake pool 1"},
				{RpcMethod: "OperatorJoinedServices", Use: "operator-joined-services [operator-id]", Short: "List the services an operator joined",
					PositionalArgs: args("operator_id"), Example: "milkywayd query restaking operator-joined-services 1"},
				{RpcMethod: "ServiceOperators", Use: "service-operators [service-id]", Short: "List the operators that joined a service",
					PositionalArgs: args("service_id"), Example: "milkywayd query restaking service-operators 1"},
				{RpcMethod: "ServiceAllowedOperators", Use: "service-allowed-operators [service-id]", Short: "List a service's operator allowlist (empty: open)",
					PositionalArgs: args("service_id"), Example: "milkywayd query restaking service-allowed-operators 1"},
				{RpcMethod: "ServiceSecuringPools", Use: "service-securing-pools [service-id]", Short: "List the pools a service borrows",
					PositionalArgs: args("service_id"), Example: "milkywayd query restaking service-securing-pools 1"},
				{RpcMethod: "UserPreferences", Use: "user-preferences [user]", Short: "Show which services a user's pool stake trusts",
					PositionalArgs: args("user"), Example: "milkywayd query restaking user-preferences milk1..."},
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
				{RpcMethod: "JoinService", Use: "join-service [operator-id] [service-id]", Short: "Opt an operator in to a service (operator admin)",
					PositionalArgs: args("operator_id", "service_id"), Example: "milkywayd tx restaking join-service 1 1 --from bob"},
				{RpcMethod: "LeaveService", Use: "leave-service [operator-id] [service-id]", Short: "Opt an operator out of a service (operator admin)",
					PositionalArgs: args("operator_id", "service_id"), Example: "milkywayd tx restaking leave-service 1 1 --from bob"},
				{RpcMethod: "AddOperatorToAllowList", Use: "allow-operator [service-id] [operator-id]", Short: "Add an operator to a service's allowlist (service admin)",
					PositionalArgs: args("service_id", "operator_id"), Example: "milkywayd tx restaking allow-operator 1 1 --from alice"},
				{RpcMethod: "RemoveOperatorFromAllowList", Use: "disallow-operator [service-id] [operator-id]", Short: "Remove an operator from a service's allowlist (service admin)",
					PositionalArgs: args("service_id", "operator_id"), Example: "milkywayd tx restaking disallow-operator 1 1 --from alice"},
				{RpcMethod: "BorrowPoolSecurity", Use: "borrow-pool [service-id] [pool-id]", Short: "Have a pool secure a service (service admin)",
					PositionalArgs: args("service_id", "pool_id"), Example: "milkywayd tx restaking borrow-pool 1 1 --from alice"},
				{RpcMethod: "CeasePoolSecurityBorrow", Use: "cease-pool-borrow [service-id] [pool-id]", Short: "Stop a service borrowing a pool (service admin)",
					PositionalArgs: args("service_id", "pool_id"), Example: "milkywayd tx restaking cease-pool-borrow 1 1 --from alice"},
				{RpcMethod: "SetUserPreferences", Use: "set-user-preferences [preferences-json]", Short: "Set which services your pool stake trusts",
					PositionalArgs: args("preferences"),
					Example:        `milkywayd tx restaking set-user-preferences '{"trusted_services":[{"service_id":1,"pool_ids":[1]}]}' --from carol`},
				{RpcMethod: "UpdateParams", Skip: true}, // governance only
			},
		},
	}
}
