package types_test

import (
	"strings"
	"testing"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

var creator string

func init() {
	sdk.GetConfig().SetBech32PrefixForAccount("milk", "milkpub")
	creator = sdk.AccAddress([]byte("creator_____________")).String()
}

func TestGetTokenDenom(t *testing.T) {
	tests := []struct {
		name     string
		creator  string
		subdenom string
		expErr   error
	}{
		{"ok", creator, "ulrt", nil},
		{"all allowed characters", creator, "aZ09._-", nil},
		{"44 characters", creator, strings.Repeat("a", 44), nil},
		{"45 characters", creator, strings.Repeat("a", 45), types.ErrInvalidSubdenom},
		{"empty", creator, "", types.ErrInvalidSubdenom},
		{"slash", creator, "u/lrt", types.ErrInvalidSubdenom},
		{"colon", creator, "u:lrt", types.ErrInvalidSubdenom},
		{"bad creator", "milk1nope", "ulrt", types.ErrInvalidAddress},
		{"too long overall", sdk.AccAddress([]byte(strings.Repeat("x", 80))).String(), "ulrt", types.ErrInvalidDenom},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			denom, err := types.GetTokenDenom(tc.creator, tc.subdenom)
			if tc.expErr != nil {
				require.ErrorIs(t, err, tc.expErr)
				return
			}
			require.NoError(t, err)
			require.NoError(t, sdk.ValidateDenom(denom))
			c, sub, err := types.DeconstructDenom(denom)
			require.NoError(t, err)
			require.Equal(t, tc.creator, c)
			require.Equal(t, tc.subdenom, sub)
		})
	}
}

func TestDeconstructDenom(t *testing.T) {
	for _, denom := range []string{
		"umilk", "factory/" + creator, "factory/" + creator + "/a/b", "fctry/" + creator + "/a",
		"factory/milk1nope/ulrt", "factory/" + creator + "/",
	} {
		_, _, err := types.DeconstructDenom(denom)
		require.ErrorIs(t, err, types.ErrInvalidDenom, denom)
	}
}

func TestGenesisValidate(t *testing.T) {
	lrt := "factory/" + creator + "/ulrt"
	tests := []struct {
		name   string
		gs     types.GenesisState
		expErr error
	}{
		{"default", *types.DefaultGenesis(), nil},
		{"denom with admin and renounced denom", types.GenesisState{Params: types.DefaultParams(), FactoryDenoms: []types.GenesisDenom{
			{Denom: lrt, AuthorityMetadata: types.DenomAuthorityMetadata{Admin: creator}},
			{Denom: lrt + "2"},
		}}, nil},
		{"duplicate", types.GenesisState{Params: types.DefaultParams(), FactoryDenoms: []types.GenesisDenom{{Denom: lrt}, {Denom: lrt}}},
			types.ErrInvalidGenesis},
		{"malformed denom", types.GenesisState{Params: types.DefaultParams(), FactoryDenoms: []types.GenesisDenom{{Denom: "umilk"}}},
			types.ErrInvalidGenesis},
		{"bad admin", types.GenesisState{Params: types.DefaultParams(), FactoryDenoms: []types.GenesisDenom{
			{Denom: lrt, AuthorityMetadata: types.DenomAuthorityMetadata{Admin: "milk1nope"}}}}, types.ErrInvalidGenesis},
		{"bad fee", types.GenesisState{Params: types.Params{DenomCreationFee: sdk.Coins{{Denom: "umilk"}}}}, types.ErrInvalidParams},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.gs.Validate()
			if tc.expErr == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.expErr)
		})
	}
}
