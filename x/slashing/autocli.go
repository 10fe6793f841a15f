package slashing

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

func posArgs(fields ...string) []*autocliv1.PositionalArgDescriptor {
	out := make([]*autocliv1.PositionalArgDescriptor, len(fields))
	for i, f := range fields {
		out[i] = &autocliv1.PositionalArgDescriptor{ProtoField: f}
	}
	return out
}

// AutoCLIOptions describes the Msgs and Queries as CLI commands. Evidence
// with binary parts (signed tasks, headers, DA pointers) is submitted with
// the hand-written `milkywayd evidence` commands.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: "milkyway.slashing.v1.Query",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the bounds services' slashing rules must fit",
					Example: "milkywayd query slashing params"},
				{RpcMethod: "ServiceConfig", Use: "rules [service-id]", Short: "Show a service's slasher and slashing rules",
					PositionalArgs: posArgs("service_id"), Example: "milkywayd query slashing rules 1"},
				{RpcMethod: "OperatorKey", Use: "operator-key [operator-id] [service-id]",
					Short:          "Show the task key an operator registered for a service",
					PositionalArgs: posArgs("operator_id", "service_id"), Example: "milkywayd query slashing operator-key 1 1"},
				{RpcMethod: "Slash", Use: "slash [slash-id]", Short: "Show one slash: evidence, status, what it took",
					PositionalArgs: posArgs("slash_id"), Example: "milkywayd query slashing slash 1"},
				{RpcMethod: "PendingSlashes", Use: "pending", Short: "List the slashes waiting for their veto window, soonest first (--operator-id to filter)",
					Example: "milkywayd query slashing pending --operator-id 1"},
				{RpcMethod: "Slashes", Use: "slashes", Short: "List every slash (pending, executed, vetoed)",
					Example: "milkywayd query slashing slashes"},
				{RpcMethod: "Jails", Use: "jails", Short: "List jailed operators (--service-id to filter)",
					Example: "milkywayd query slashing jails"},
				{RpcMethod: "Sequencing", Use: "sequencing", Short: "Show the service and operator the sequencer's restaked stake secures",
					Example: "milkywayd query slashing sequencing"},
				{RpcMethod: "Dust", Use: "dust", Short: "Show the worth of burned pool shares below one unit",
					Example: "milkywayd query slashing dust"},
				{RpcMethod: "SimulateSlash", Use: "what-if [service-id] [operator-id] [fraction]",
					Short:          "Show what slashing an operator at a service would take from each pool, operator and delegator, without changing state",
					PositionalArgs: posArgs("service_id", "operator_id", "fraction"),
					Example:        "milkywayd query slashing what-if 2 2 0.1 --infraction-height 100 --page-limit 50",
					FlagOptions: map[string]*autocliv1.FlagOptions{
						"infraction_height": {Usage: "unbondings created at or after this height count too (0: none)"},
					}},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: "milkyway.slashing.v1.Msg",
			// GetTxCmd provides set-rules and register-key; merge these in.
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "VetoSlash", Use: "veto [slash-id]", Short: "Cancel a pending slash (the rule's resolver, or governance)",
					PositionalArgs: posArgs("slash_id"), Example: "milkywayd tx slashing veto 3 --reason 'bad data' --from resolver"},
				{RpcMethod: "Unjail", Use: "unjail [operator-id] [service-id]", Short: "Bring a jailed operator back into a service after its jail time (operator admin)",
					PositionalArgs: posArgs("operator_id", "service_id"), Example: "milkywayd tx slashing unjail 1 2 --from operator-admin"},
				{RpcMethod: "UpdateParams", Skip: true},
				{RpcMethod: "SetSlashingRules", Skip: true},
				{RpcMethod: "RegisterOperatorKey", Skip: true},
				{RpcMethod: "SubmitDoubleSign", Skip: true},
				{RpcMethod: "SubmitAttestedFault", Skip: true},
				{RpcMethod: "SubmitEquivocation", Skip: true},
				{RpcMethod: "SubmitStateMismatch", Skip: true},
				{RpcMethod: "SubmitCensorship", Skip: true},
			},
		},
	}
}
