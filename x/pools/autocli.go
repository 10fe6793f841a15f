package pools

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// AutoCLIOptions describes the queries; pools have no Msgs (they are
// created by x/restaking on the first delegation of a denom).
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: "milkyway.pools.v1.Query",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "PoolByID", Use: "pool [pool-id]", Short: "Show a pool by id",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "pool_id"}},
					Example:        "milkywayd query pools pool 1"},
				{RpcMethod: "PoolByDenom", Use: "pool-by-denom [denom]", Short: "Show the pool of a denom",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "denom"}},
					Example:        "milkywayd query pools pool-by-denom umilktia"},
				{RpcMethod: "Pools", Use: "pools", Short: "List pools", Example: "milkywayd query pools pools"},
			},
		},
	}
}
