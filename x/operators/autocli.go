package operators

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// AutoCLIOptions describes every query and Msg command. RegisterOperator and
// SetOperatorParams carry cosmos.Dec rates, which autocli (client/v2
// beta.3) would send unconverted; they are served by client/cli (GetTxCmd)
// and skipped here. EnhanceCustomCommand merges the two sets.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	id := []*autocliv1.PositionalArgDescriptor{{ProtoField: "operator_id"}}
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: types.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod:      "Operator",
					Use:            "operator [operator-id]",
					Short:          "Show the operator with the given id",
					Example:        "milkywayd query operators operator 1",
					PositionalArgs: id,
				},
				{
					RpcMethod: "Operators",
					Use:       "operators",
					Short:     "List all operators in id order",
					Example:   "milkywayd query operators operators --limit 50",
				},
				{
					RpcMethod:      "OperatorParams",
					Use:            "operator-params [operator-id]",
					Short:          "Show an operator's commission rate, bounds and last change time",
					Example:        "milkywayd query operators operator-params 1",
					PositionalArgs: id,
				},
				{
					RpcMethod: "Params",
					Use:       "params",
					Short:     "Show the module parameters",
					Example:   "milkywayd query operators params",
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              types.Msg_serviceDesc.ServiceName,
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				// Served by client/cli: "register [moniker] [rate] [max-rate] [max-change-rate]".
				{RpcMethod: "RegisterOperator", Skip: true},
				{
					RpcMethod:      "UpdateOperator",
					Use:            "update [operator-id]",
					Short:          "Update an operator's metadata (admin only); omitted fields are kept",
					Example:        "milkywayd tx operators update 1 --website https://example.com --from alice",
					PositionalArgs: id,
					FlagOptions: map[string]*autocliv1.FlagOptions{
						"moniker":     {Usage: "new moniker", DefaultValue: types.DoNotModify},
						"website":     {Usage: "new website URL", DefaultValue: types.DoNotModify},
						"picture_url": {Usage: "new picture URL", DefaultValue: types.DoNotModify},
					},
				},
				{
					RpcMethod:      "DeactivateOperator",
					Use:            "deactivate [operator-id]",
					Short:          "Start deactivating an active operator (admin only)",
					Example:        "milkywayd tx operators deactivate 1 --from alice",
					PositionalArgs: id,
				},
				{
					RpcMethod:      "ReactivateOperator",
					Use:            "reactivate [operator-id]",
					Short:          "Reactivate an inactive operator (admin only)",
					Example:        "milkywayd tx operators reactivate 1 --from alice",
					PositionalArgs: id,
				},
				{
					RpcMethod:      "DeleteOperator",
					Use:            "delete [operator-id]",
					Short:          "Delete an inactive operator with no delegations left (admin only)",
					Example:        "milkywayd tx operators delete 1 --from alice",
					PositionalArgs: id,
				},
				{
					RpcMethod: "TransferOperatorOwnership",
					Use:       "transfer-ownership [operator-id] [new-admin]",
					Short:     "Make another account the operator's admin (admin only)",
					Example:   "milkywayd tx operators transfer-ownership 1 milk1... --from alice",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "operator_id"}, {ProtoField: "new_admin"},
					},
				},
				// Served by client/cli: "set-params [operator-id] [commission-rate]".
				{RpcMethod: "SetOperatorParams", Skip: true},
				{
					RpcMethod:      "UpdateParams",
					Use:            "update-params [params-json]",
					Short:          "Replace the module parameters; the signer must be the gov authority, so generate it for a proposal",
					Example:        `milkywayd tx operators update-params '{"operator_registration_fee":[],"deactivation_time":"259200s"}' --from <gov-address> --generate-only`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "params"}},
				},
			},
		},
	}
}
