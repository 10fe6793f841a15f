package services

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// AutoCLIOptions describes every Msg and Query as a CLI command.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	id := []*autocliv1.PositionalArgDescriptor{{ProtoField: "service_id"}}
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: "milkyway.services.v1.Query",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Service", Use: "service [service-id]", Short: "Show a service", PositionalArgs: id,
					Example: "milkywayd query services service 1"},
				{RpcMethod: "Services", Use: "services", Short: "List services",
					Example: "milkywayd query services services --limit 10"},
				{RpcMethod: "ServiceParams", Use: "service-params [service-id]", Short: "Show a service's params", PositionalArgs: id,
					Example: "milkywayd query services service-params 1"},
				{RpcMethod: "Params", Use: "params", Short: "Show the module params",
					Example: "milkywayd query services params"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: "milkyway.services.v1.Msg",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "CreateService", Use: "create-service [name]", Short: "Register a service (status CREATED)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "name"}},
					FlagOptions: map[string]*autocliv1.FlagOptions{
						"description": {Usage: "what the service does"}, "website": {Usage: "website URL"},
						"picture_url": {Usage: "logo URL"}, "fee_amount": {Usage: "registration fee, e.g. 1000000umilk"},
					},
					Example: `milkywayd tx services create-service "My Oracle" --description "price oracle" --from alice`},
				{RpcMethod: "UpdateService", Use: "update-service [service-id] [name]", Short: `Update metadata ("[do-not-modify]" keeps a field)`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "service_id"}, {ProtoField: "name"}},
					Example:        `milkywayd tx services update-service 1 "[do-not-modify]" --website https://oracle.example --from alice`},
				{RpcMethod: "ActivateService", Use: "activate-service [service-id]", Short: "Activate a service", PositionalArgs: id,
					Example: "milkywayd tx services activate-service 1 --from alice"},
				{RpcMethod: "DeactivateService", Use: "deactivate-service [service-id]", Short: "Deactivate a service", PositionalArgs: id,
					Example: "milkywayd tx services deactivate-service 1 --from alice"},
				{RpcMethod: "DeleteService", Use: "delete-service [service-id]", Short: "Delete an inactive service that secures nothing", PositionalArgs: id,
					Example: "milkywayd tx services delete-service 1 --from alice"},
				{RpcMethod: "TransferServiceOwnership", Use: "transfer-ownership [service-id] [new-admin]", Short: "Hand the service to a new admin",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "service_id"}, {ProtoField: "new_admin"}},
					Example:        "milkywayd tx services transfer-ownership 1 milk1... --from alice"},
				{RpcMethod: "SetServiceParams", Use: "set-params [service-id] [service-params-json]", Short: "Set the service's allowed denoms",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "service_id"}, {ProtoField: "service_params"}},
					Example:        `milkywayd tx services set-params 1 '{"allowed_denoms":["umilktia"]}' --from alice`},
				{RpcMethod: "AccreditService", Skip: true},            // governance only: submit through gov
				{RpcMethod: "RevokeServiceAccreditation", Skip: true}, // governance only
				{RpcMethod: "UpdateParams", Skip: true},               // governance only
			},
		},
	}
}
