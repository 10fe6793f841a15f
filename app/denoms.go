package app

import (
	"encoding/json"

	sdkmath "cosmossdk.io/math"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
)

// SetGenesisDenoms rewrites the SDK defaults that name "stake" so the
// genesis uses umilk for staking and governance deposits.
func SetGenesisDenoms(cdc codec.JSONCodec, state map[string]json.RawMessage) error {
	var staking stakingtypes.GenesisState
	if err := cdc.UnmarshalJSON(state[stakingtypes.ModuleName], &staking); err != nil {
		return err
	}
	staking.Params.BondDenom = BondDenom
	state[stakingtypes.ModuleName] = cdc.MustMarshalJSON(&staking)

	var gov govv1.GenesisState
	if err := cdc.UnmarshalJSON(state[govtypes.ModuleName], &gov); err != nil {
		return err
	}
	gov.Params.MinDeposit = sdk.NewCoins(sdk.NewCoin(BondDenom, sdkmath.NewInt(10_000_000)))
	gov.Params.ExpeditedMinDeposit = sdk.NewCoins(sdk.NewCoin(BondDenom, sdkmath.NewInt(50_000_000)))
	state[govtypes.ModuleName] = cdc.MustMarshalJSON(&gov)
	return nil
}
