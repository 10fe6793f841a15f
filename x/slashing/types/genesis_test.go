package types_test

import (
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// validGenesis has one of everything.
func validGenesis() *types.GenesisState {
	gs := types.DefaultGenesis()
	gs.Configs = []types.ServiceSlashingConfig{{ServiceId: 1, Slasher: addr("slasher"), Rules: []types.SlashingRule{validRule()}}}
	gs.OperatorKeys = []types.OperatorKey{{OperatorId: 1, ServiceId: 1, PubKey: opKey.PubKey().Bytes()}}
	slash := func(id uint64, status types.SlashStatus, hash string) types.Slash {
		return types.Slash{Id: id, Kind: types.FAULT_KIND_DOUBLE_SIGN, ServiceId: 1, OperatorId: 1, Fraction: dec("0.1"),
			InfractionHeight: 3, EvidenceHash: []byte(hash), Rule: validRule(), Status: status,
			ExecuteAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	}
	gs.Slashes = []types.Slash{slash(1, types.SLASH_STATUS_EXECUTED, "a"), slash(2, types.SLASH_STATUS_PENDING, "b")}
	gs.NextSlashId = 3
	gs.Jails = []types.Jail{{OperatorId: 1, ServiceId: 1, Until: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}}
	gs.Sequencing = types.SequencingService{ServiceId: 1, OperatorId: 1}
	gs.Dust = sdk.NewDecCoins(sdk.NewDecCoinFromDec("umilktia", dec("0.5")))
	return gs
}

func TestGenesisValidate(t *testing.T) {
	require.NoError(t, types.DefaultGenesis().Validate())
	require.NoError(t, validGenesis().Validate())
	for _, tc := range []struct {
		name string
		mod  func(gs *types.GenesisState)
		want error
	}{
		{"bad params", func(gs *types.GenesisState) { gs.Params.MaxEvidenceAge = 0 }, types.ErrInvalidParams},
		{"zero next slash id", func(gs *types.GenesisState) { gs.NextSlashId = 0; gs.Slashes = nil }, types.ErrInvalidGenesis},
		{"config for service zero", func(gs *types.GenesisState) { gs.Configs[0].ServiceId = 0 }, types.ErrInvalidGenesis},
		{"repeated config", func(gs *types.GenesisState) { gs.Configs = append(gs.Configs, gs.Configs[0]) }, types.ErrInvalidGenesis},
		{"invalid rule", func(gs *types.GenesisState) { gs.Configs[0].Rules[0].MaxFraction = dec("2") }, types.ErrInvalidGenesis},
		{"bad slasher", func(gs *types.GenesisState) { gs.Configs[0].Slasher = "x" }, types.ErrInvalidAddress},
		{"short operator key", func(gs *types.GenesisState) { gs.OperatorKeys[0].PubKey = []byte{1} }, types.ErrInvalidGenesis},
		{"repeated operator key", func(gs *types.GenesisState) { gs.OperatorKeys = append(gs.OperatorKeys, gs.OperatorKeys[0]) }, types.ErrInvalidGenesis},
		{"slash id zero", func(gs *types.GenesisState) { gs.Slashes[0].Id = 0 }, types.ErrInvalidGenesis},
		{"slash id not below next", func(gs *types.GenesisState) { gs.NextSlashId = 2 }, types.ErrInvalidGenesis},
		{"repeated slash id", func(gs *types.GenesisState) { gs.Slashes[1].Id = 1 }, types.ErrInvalidGenesis},
		{"repeated evidence hash", func(gs *types.GenesisState) { gs.Slashes[1].EvidenceHash = []byte("a") }, types.ErrInvalidGenesis},
		{"bad slash fraction", func(gs *types.GenesisState) { gs.Slashes[0].Fraction = sdkmath.LegacyZeroDec() }, types.ErrInvalidGenesis},
		{"slash without status", func(gs *types.GenesisState) { gs.Slashes[0].Status = types.SLASH_STATUS_UNSPECIFIED }, types.ErrInvalidGenesis},
		{"slash without evidence hash", func(gs *types.GenesisState) { gs.Slashes[0].EvidenceHash = nil }, types.ErrInvalidGenesis},
		{"jail with zero operator", func(gs *types.GenesisState) { gs.Jails[0].OperatorId = 0 }, types.ErrInvalidGenesis},
		{"repeated jail", func(gs *types.GenesisState) { gs.Jails = append(gs.Jails, gs.Jails[0]) }, types.ErrInvalidGenesis},
		{"sequencing without operator", func(gs *types.GenesisState) { gs.Sequencing.OperatorId = 0 }, types.ErrInvalidGenesis},
		{"sequencing without service", func(gs *types.GenesisState) { gs.Sequencing.ServiceId = 0 }, nil},
		{"negative dust", func(gs *types.GenesisState) {
			gs.Dust = sdk.DecCoins{sdk.DecCoin{Denom: "umilktia", Amount: dec("-1")}}
		}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gs := validGenesis()
			tc.mod(gs)
			err := gs.Validate()
			if tc.want == nil {
				require.Error(t, err)
				return
			}
			require.ErrorIs(t, err, tc.want)
		})
	}
}
