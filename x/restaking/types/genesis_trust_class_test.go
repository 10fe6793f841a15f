package types_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// classGenesis: user trusts services 1 and 2 with pool 1; their stored
// 1000 shares are in class 1, which was slashed once by 10% (900 left in
// aggregate); the pool's stake counts the class's shares.
func classGenesis() *types.GenesisState {
	gs := types.DefaultGenesis()
	shares := func(s string) sdk.DecCoins {
		return sdk.NewDecCoins(sdk.NewDecCoinFromDec("umilk", sdkmath.LegacyMustNewDecFromStr(s)))
	}
	gs.NextTrustClassId = 2
	gs.UsersPreferences = []types.UserPreferencesRecord{{User: user, Preferences: types.UserPreferences{
		TrustedServices: []types.TrustedServiceEntry{{ServiceId: 2}, {ServiceId: 1}}}}}
	gs.Delegations = []types.Delegation{{Type: types.DELEGATION_TYPE_POOL, UserAddress: user, TargetId: 1,
		Shares: shares("1000"), TrustClass: 1}}
	gs.TrustClasses = []types.TrustClass{{Id: 1, PoolId: 1, ServiceIds: []uint32{1, 2}, Shares: shares("900"),
		Factor: sdkmath.LegacyMustNewDecFromStr("0.9"), Events: 1}}
	gs.TrustClassEvents = []types.TrustClassEvent{{ClassId: 1, Event: 1, Factor: sdkmath.LegacyMustNewDecFromStr("0.9")}}
	gs.TargetStakes = []types.TargetDenomStake{{Type: types.DELEGATION_TYPE_POOL, TargetId: 1, Denom: "umilk",
		Stake: types.DenomStake{Tokens: sdkmath.NewInt(900), Shares: sdkmath.LegacyNewDec(900)}}}
	return gs
}

// TestGenesisTrustClasses: the lazy slashing state must add up; every
// rejection is ErrInvalidTrustClass (or ErrInvalidGenesis for the
// pool's share sum, which classes now take part in).
func TestGenesisTrustClasses(t *testing.T) {
	for _, tc := range []struct {
		name   string
		edit   func(gs *types.GenesisState)
		expErr error
	}{
		{"valid", func(*types.GenesisState) {}, nil},
		{"class without services", func(gs *types.GenesisState) { gs.TrustClasses[0].ServiceIds = nil }, types.ErrInvalidTrustClass},
		{"services unsorted", func(gs *types.GenesisState) { gs.TrustClasses[0].ServiceIds = []uint32{2, 1} }, types.ErrInvalidTrustClass},
		{"factor above one", func(gs *types.GenesisState) { gs.TrustClasses[0].Factor = sdkmath.LegacyNewDec(2) }, types.ErrInvalidTrustClass},
		{"zero factor", func(gs *types.GenesisState) { gs.TrustClasses[0].Factor = sdkmath.LegacyZeroDec() }, types.ErrInvalidTrustClass},
		{"id not below next", func(gs *types.GenesisState) { gs.NextTrustClassId = 1 }, types.ErrInvalidTrustClass},
		{"class repeated", func(gs *types.GenesisState) {
			c := gs.TrustClasses[0]
			c.Id, c.Shares = 2, sdk.DecCoins{}
			gs.TrustClasses, gs.NextTrustClassId = append(gs.TrustClasses, c), 3
		}, types.ErrInvalidTrustClass},
		{"event missing", func(gs *types.GenesisState) { gs.TrustClassEvents = nil }, types.ErrInvalidTrustClass},
		{"event beyond the count", func(gs *types.GenesisState) { gs.TrustClassEvents[0].Event = 2 }, types.ErrInvalidTrustClass},
		{"event of no class", func(gs *types.GenesisState) { gs.TrustClassEvents[0].ClassId = 7 }, types.ErrInvalidTrustClass},
		{"member of a missing class", func(gs *types.GenesisState) { gs.Delegations[0].TrustClass = 5 }, types.ErrInvalidTrustClass},
		{"member settled in the future", func(gs *types.GenesisState) { gs.Delegations[0].ClassEvent = 2 }, types.ErrInvalidTrustClass},
		{"member trusts another set", func(gs *types.GenesisState) {
			gs.UsersPreferences[0].Preferences.TrustedServices = gs.UsersPreferences[0].Preferences.TrustedServices[:1]
		}, types.ErrInvalidTrustClass},
		{"trusting delegation without a class", func(gs *types.GenesisState) {
			gs.Delegations[0].TrustClass = 0
			gs.TrustClasses[0].Shares = sdk.DecCoins{}
		}, types.ErrInvalidTrustClass},
		{"pool shares do not count the class", func(gs *types.GenesisState) {
			gs.TargetStakes[0].Stake.Shares = sdkmath.LegacyNewDec(1000)
		}, types.ErrInvalidGenesis},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gs := classGenesis()
			tc.edit(gs)
			err := gs.Validate()
			if tc.expErr == nil {
				require.NoError(t, err)
			} else {
				require.ErrorIs(t, err, tc.expErr)
			}
		})
	}
}

// TestSettleShares: truncated down, zero amounts dropped, and NextFactor
// never above the exact factor.
func TestSettleShares(t *testing.T) {
	d := sdkmath.LegacyMustNewDecFromStr
	got := types.SettleShares(sdk.NewDecCoins(sdk.NewDecCoinFromDec("umilk", d("1000"))), d("0.915873015873015873"), sdkmath.LegacyOneDec())
	require.Equal(t, "915.873015873015873000umilk", got.String())
	require.True(t, types.SettleShares(sdk.NewDecCoins(sdk.NewDecCoinFromDec("umilk", d("0.000000000000000001"))), d("0.5"), d("1")).IsZero())
	f := types.NextFactor(d("0.333333333333333333"), d("0.5"))
	require.True(t, f.LTE(d("0.333333333333333333").Mul(d("0.5"))))
	require.Equal(t, []uint32{1, 4}, types.TrustedSet(types.UserPreferences{TrustedServices: []types.TrustedServiceEntry{
		{ServiceId: 4}, {ServiceId: 1, PoolIds: []uint32{3}}, {ServiceId: 9, PoolIds: []uint32{2}}}}, 3))
}
