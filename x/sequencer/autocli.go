package sequencer

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// AutoCLIOptions describes the query commands; the module has no Msgs.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: "milkyway.sequencer.v1.Query",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "Sequencer",
					Use:       "sequencer",
					Short:     "Show the rollup's sequencer and its consensus address",
					Example:   "milkywayd query sequencer sequencer",
				},
			},
		},
	}
}
