package tokenfactory

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// AutoCLIOptions describes every Msg and Query as a CLI command.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: "milkyway.tokenfactory.v1.Query",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the module params",
					Example: "milkywayd query tokenfactory params"},
				{RpcMethod: "DenomAuthorityMetadata", Use: "denom-authority-metadata [denom]", Short: "Show a factory denom's admin",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "denom"}},
					Example:        "milkywayd query tokenfactory denom-authority-metadata factory/milk1.../ulrt"},
				{RpcMethod: "DenomsFromCreator", Use: "denoms-from-creator [creator]", Short: "List the denoms an address created",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "creator"}},
					Example:        "milkywayd query tokenfactory denoms-from-creator milk1..."},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: "milkyway.tokenfactory.v1.Msg",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "CreateDenom", Use: "create-denom [subdenom]", Short: "Create factory/{sender}/{subdenom}; charges the denom creation fee",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "subdenom"}},
					Example:        "milkywayd tx tokenfactory create-denom ulrt --from alice"},
				{RpcMethod: "Mint", Use: "mint [amount]", Short: "Mint a factory denom you administer (to yourself unless --mint-to-address)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "amount"}},
					FlagOptions:    map[string]*autocliv1.FlagOptions{"mint_to_address": {Usage: "recipient (default: the sender)"}},
					Example:        "milkywayd tx tokenfactory mint 1000factory/milk1.../ulrt --mint-to-address milk1... --from alice"},
				{RpcMethod: "Burn", Use: "burn [amount]", Short: "Burn a factory denom you administer (from yourself unless --burn-from-address)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "amount"}},
					FlagOptions:    map[string]*autocliv1.FlagOptions{"burn_from_address": {Usage: "holder to burn from (default: the sender)"}},
					Example:        "milkywayd tx tokenfactory burn 10factory/milk1.../ulrt --from alice"},
				{RpcMethod: "ChangeAdmin", Use: "change-admin [denom] [new-admin]", Short: `Hand a denom to a new admin ("" renounces it for good)`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "denom"}, {ProtoField: "new_admin"}},
					Example:        "milkywayd tx tokenfactory change-admin factory/milk1.../ulrt milk1... --from alice"},
				{RpcMethod: "SetDenomMetadata", Use: "set-denom-metadata [metadata-json]", Short: "Set the bank metadata of a denom you administer (base = the denom)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "metadata"}},
					Example: `milkywayd tx tokenfactory set-denom-metadata '{"base":"factory/milk1.../ulrt","display":"lrt","name":"LRT","symbol":"LRT",` +
						`"denom_units":[{"denom":"factory/milk1.../ulrt","exponent":0},{"denom":"lrt","exponent":6}]}' --from alice`},
				{RpcMethod: "ForceTransfer", Use: "force-transfer [amount] [from] [to]", Short: "Move a denom you administer between holders without their signature",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "amount"}, {ProtoField: "transfer_from_address"}, {ProtoField: "transfer_to_address"}},
					Example:        "milkywayd tx tokenfactory force-transfer 10factory/milk1.../ulrt milk1from... milk1to... --from alice"},
				{RpcMethod: "UpdateParams", Skip: true}, // governance only: submit through gov
			},
		},
	}
}
