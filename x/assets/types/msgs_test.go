package types_test

import (
	"strings"
	"testing"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/assets/types"
)

var authority string

func init() {
	sdk.GetConfig().SetBech32PrefixForAccount("milk", "milkpub")
	authority = sdk.AccAddress([]byte("gov_________________")).String()
}

var atom = types.NewAsset("uatom", "ATOM", 6)

func TestAssetValidate(t *testing.T) {
	tests := []struct {
		name   string
		asset  types.Asset
		expErr error
	}{
		{"ok", atom, nil},
		{"ibc denom", types.NewAsset("ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2", "ATOM", 6), nil},
		{"digits in ticker", types.NewAsset("ustatom", "1INCH", 18), nil},
		{"ten characters", types.NewAsset("ulong", "ABCDEFGHIJ", 0), nil},
		{"eleven characters", types.NewAsset("ulong", "ABCDEFGHIJK", 0), types.ErrInvalidTicker},
		{"empty ticker", types.NewAsset("uatom", "", 6), types.ErrInvalidTicker},
		{"lowercase ticker", types.NewAsset("uatom", "atom", 6), types.ErrInvalidTicker},
		{"mixed case ticker", types.NewAsset("uatom", "aTOM", 6), types.ErrInvalidTicker},
		{"dash in ticker", types.NewAsset("uatom", "ST-ATOM", 6), types.ErrInvalidTicker},
		{"non-ASCII ticker", types.NewAsset("uatom", "ÅTOM", 6), types.ErrInvalidTicker},
		{"empty denom", types.NewAsset("", "ATOM", 6), types.ErrInvalidDenom},
		{"bad denom", types.NewAsset("1atom", "ATOM", 6), types.ErrInvalidDenom},
		{"ibc denom without a hash", types.NewAsset("ibc/xyz", "ATOM", 6), types.ErrInvalidDenom},
		{"ibc denom with an empty hash", types.NewAsset("ibc/", "ATOM", 6), types.ErrInvalidDenom},
		{"ibc denom with a lower-case hash", types.NewAsset("ibc/27394fb092d2eccd56123c74f36e4c1f926001ceada9ca97ea622b25f41e5eb2", "ATOM", 6), types.ErrInvalidDenom},
		{"ibc denom with 63 hex digits", types.NewAsset("ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB", "ATOM", 6), types.ErrInvalidDenom},
		{"ibc denom with 65 hex digits", types.NewAsset("ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB20", "ATOM", 6), types.ErrInvalidDenom},
		{"ibc denom with a non-hex digit", types.NewAsset("ibc/G7394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2", "ATOM", 6), types.ErrInvalidDenom},
		{"ibc denom with a trace path", types.NewAsset("ibc/transfer/channel-0/uatom", "ATOM", 6), types.ErrInvalidDenom},
		{"denom merely containing ibc", types.NewAsset("uibc/xyz", "IBC", 6), nil},
		{"factory denom", types.NewAsset("factory/milk1abc/ulrt", "LRT", 6), nil},
		{"exponent 18", types.NewAsset("wei", "ETH", 18), nil},
		{"exponent 19", types.NewAsset("wei", "ETH", 19), types.ErrInvalidExponent},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.asset.Validate()
			if tc.expErr == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.expErr)
		})
	}
}

func TestLowercaseTickerErrorIsClear(t *testing.T) {
	err := types.NewAsset("uatom", "atom", 6).Validate()
	require.ErrorContains(t, err, "lowercase")
	require.ErrorContains(t, err, `"ATOM"`)
}

func TestIBCDenomErrorsAreClear(t *testing.T) {
	err := types.ValidateDenom("ibc/xyz")
	require.ErrorIs(t, err, types.ErrInvalidDenom)
	require.ErrorContains(t, err, "64 hex digits")
	err = types.ValidateDenom("ibc/27394fb092d2eccd56123c74f36e4c1f926001ceada9ca97ea622b25f41e5eb2")
	require.ErrorContains(t, err, "ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2", "the hint spells the voucher")
}

func TestMsgValidateBasic(t *testing.T) {
	tests := []struct {
		name   string
		msg    interface{ ValidateBasic() error }
		expErr error
	}{
		{"register ok", types.NewMsgRegisterAsset(authority, atom), nil},
		{"register bad authority", types.NewMsgRegisterAsset("gov", atom), types.ErrInvalidAddress},
		{"register empty authority", types.NewMsgRegisterAsset("", atom), types.ErrInvalidAddress},
		{"register lowercase ticker", types.NewMsgRegisterAsset(authority, types.NewAsset("uatom", "atom", 6)), types.ErrInvalidTicker},
		{"register bad denom", types.NewMsgRegisterAsset(authority, types.NewAsset("1atom", "ATOM", 6)), types.ErrInvalidDenom},
		{"register big exponent", types.NewMsgRegisterAsset(authority, types.NewAsset("uatom", "ATOM", 19)), types.ErrInvalidExponent},
		{"deregister ok", types.NewMsgDeregisterAsset(authority, "uatom"), nil},
		{"deregister bad authority", types.NewMsgDeregisterAsset("milk1nope", "uatom"), types.ErrInvalidAddress},
		{"deregister bad denom", types.NewMsgDeregisterAsset(authority, "1atom"), types.ErrInvalidDenom},
		{"register ibc/xyz", types.NewMsgRegisterAsset(authority, types.NewAsset("ibc/xyz", "ATOM", 6)), types.ErrInvalidDenom},
		{"deregister ibc/xyz", types.NewMsgDeregisterAsset(authority, "ibc/xyz"), types.ErrInvalidDenom},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.msg.ValidateBasic()
			if tc.expErr == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.expErr)
		})
	}
}

func TestGenesisValidate(t *testing.T) {
	tests := []struct {
		name   string
		gs     *types.GenesisState
		expErr error
	}{
		{"default", types.DefaultGenesis(), nil},
		{"two denoms, one ticker", types.NewGenesisState([]types.Asset{atom, types.NewAsset("ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2", "ATOM", 6)}), nil},
		{"duplicate denom", types.NewGenesisState([]types.Asset{atom, types.NewAsset("uatom", "STATOM", 6)}), types.ErrInvalidGenesis},
		{"invalid asset", types.NewGenesisState([]types.Asset{types.NewAsset("uatom", "atom", 6)}), types.ErrInvalidGenesis},
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

// FuzzAssetValidate: validation never panics, and every asset it accepts
// has a valid denom, a 1-10 character A-Z/0-9 ticker and an exponent ≤ 18.
func FuzzAssetValidate(f *testing.F) {
	f.Add("uatom", "ATOM", uint32(6))
	f.Add("ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2", "ATOM", uint32(6))
	f.Add("", "", uint32(0))
	f.Add("uatom", "atom", uint32(19))
	f.Add("wei", "ABCDEFGHIJK", uint32(18))
	f.Add("uatom", "ÅTOM", uint32(1<<31))
	f.Fuzz(func(t *testing.T, denom, ticker string, exponent uint32) {
		if types.NewAsset(denom, ticker, exponent).Validate() != nil {
			return
		}
		require.NoError(t, sdk.ValidateDenom(denom))
		require.NotEmpty(t, ticker)
		require.LessOrEqual(t, len(ticker), types.MaxTickerLength)
		require.Equal(t, "", strings.Trim(ticker, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"))
		require.LessOrEqual(t, exponent, uint32(types.MaxExponent))
	})
}
