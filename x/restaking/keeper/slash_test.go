package keeper_test

import (
	"time"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

var slashDest = sdk.AccAddress([]byte("slash_destination___"))

func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }

func (s *KeeperTestSuite) requireStake(t types.DelegationType, id uint32, denom string, tokens int64, shares string) {
	stake, err := s.k.GetTargetStake(s.ctx, t, id, denom)
	s.Require().NoError(err)
	s.Require().Equal(sdkmath.NewInt(tokens).String(), stake.Tokens.String(), "%s %d %s tokens", t, id, denom)
	s.Require().Equal(dec(shares).String(), stake.Shares.String(), "%s %d %s shares", t, id, denom)
}

func (s *KeeperTestSuite) unbondingBalances(user string, t types.DelegationType, id uint32) []string {
	u, found, err := s.k.GetUnbondingDelegation(s.ctx, t, id, sdk.MustAccAddressFromBech32(user))
	s.Require().NoError(err)
	if !found {
		return nil
	}
	var out []string
	for _, e := range u.Entries {
		out = append(out, e.Balance.String())
	}
	return out
}

func (s *KeeperTestSuite) trustService(user string, entry types.TrustedServiceEntry) {
	_, err := s.msgs.SetUserPreferences(s.ctx, &types.MsgSetUserPreferences{User: user,
		Preferences: types.UserPreferences{TrustedServices: []types.TrustedServiceEntry{entry}}})
	s.Require().NoError(err)
}

// TestSlashTarget: an operator's tokens fall by the fraction in every
// denom (truncated), shares stay, unbondings created at or after the
// infraction height lose the fraction, and the tokens reach dest.
func (s *KeeperTestSuite) TestSlashTarget() {
	op := s.registerOperator()
	_, err := s.msgs.DelegateOperator(s.ctx, &types.MsgDelegateOperator{Delegator: alice, OperatorId: op, Amount: coins("1000umilktia,333uinit")})
	s.Require().NoError(err)
	_, err = s.msgs.DelegateOperator(s.ctx, &types.MsgDelegateOperator{Delegator: bob, OperatorId: op, Amount: coins("500umilktia")})
	s.Require().NoError(err)
	s.nextBlock(time.Second)
	undelegate := func(user string) {
		_, err := s.msgs.UndelegateOperator(s.ctx, &types.MsgUndelegateOperator{Delegator: user, OperatorId: op, Amount: coins("100umilktia")})
		s.Require().NoError(err)
	}
	undelegate(alice) // before the infraction
	s.nextBlock(time.Second)
	h := s.ctx.BlockHeight()
	undelegate(alice) // at the infraction height: slashed (as in x/staking)
	s.nextBlock(time.Second)
	undelegate(bob) // after it: slashed

	for _, f := range []string{"0", "-0.1", "1.000000000000000001"} {
		_, err := s.k.SlashTarget(s.ctx, types.DELEGATION_TYPE_OPERATOR, op, dec(f), h, slashDest)
		s.Require().ErrorIs(err, types.ErrInvalidSlash, f)
	}
	_, err = s.k.SlashTarget(s.ctx, types.DELEGATION_TYPE_OPERATOR, 99, dec("0.1"), h, slashDest)
	s.Require().ErrorIs(err, types.ErrTargetNotFound)

	res, err := s.k.SlashTarget(s.ctx, types.DELEGATION_TYPE_OPERATOR, op, dec("0.1"), h, slashDest)
	s.Require().NoError(err)
	// 1200 umilktia → 1080 (−120), 333 uinit → 300 (−⌊33.3⌋); alice's entry
	// at h and bob's after it: 100 → 90 each.
	s.Require().Equal("33uinit,120umilktia", res.Bonded.String())
	s.Require().Equal("20umilktia", res.Unbonding.String())
	s.Require().Equal("33uinit,140umilktia", res.Total().String())
	s.Require().True(res.Dust.IsZero())
	s.requireStake(types.DELEGATION_TYPE_OPERATOR, op, "umilktia", 1080, "1200")
	s.requireStake(types.DELEGATION_TYPE_OPERATOR, op, "uinit", 300, "333")
	s.Require().Equal([]string{"100umilktia", "90umilktia"}, s.unbondingBalances(alice, types.DELEGATION_TYPE_OPERATOR, op))
	s.Require().Equal([]string{"90umilktia"}, s.unbondingBalances(bob, types.DELEGATION_TYPE_OPERATOR, op))
	s.Require().Equal("33uinit,140umilktia", s.bank.GetAllBalances(s.ctx, slashDest).String())
	s.nextBlock(time.Second) // stake invariant: totals and the operator's account agree
}

// TestSlashPoolTrusting: only the delegators who trust the service with
// the pool lose shares (and their later unbondings); tokens and shares
// fall together and the truncated worth stays in the pool as dust.
func (s *KeeperTestSuite) TestSlashPoolTrusting() {
	carol := sdk.AccAddress([]byte("carol_______________")).String()
	s.fund(carol, "1000000umilktia")
	svc := s.activeService()
	for _, user := range []string{alice, bob, carol} {
		s.delegatePool(user, "1000umilktia") // pool 1
	}
	s.delegatePool(bob, "10uinit") // pool 2
	s.trustService(alice, types.TrustedServiceEntry{ServiceId: svc})
	s.trustService(carol, types.TrustedServiceEntry{ServiceId: svc, PoolIds: []uint32{2}}) // the other pool only
	s.nextBlock(time.Second)
	h := s.ctx.BlockHeight()
	s.nextBlock(time.Second)
	for _, user := range []string{alice, bob} {
		_, err := s.msgs.UndelegatePool(s.ctx, &types.MsgUndelegatePool{Delegator: user, Amount: sdk.NewInt64Coin("umilktia", 100)})
		s.Require().NoError(err)
	}

	res, err := s.k.SlashPoolTrusting(s.ctx, 1, svc, dec("0.3333"), h, slashDest)
	s.Require().NoError(err)
	// alice: 900 shares × 0.3333 = 299.97 burned, worth ⌊299.97⌋ = 299
	// tokens at rate 1; 0.97 is dust. Her unbonding: 100 → 100 − ⌊33.33⌋.
	s.Require().Equal("299umilktia", res.Bonded.String())
	s.Require().Equal("33umilktia", res.Unbonding.String())
	s.Require().Equal("0.970000000000000000umilktia", res.Dust.String())
	del, found, err := s.k.GetDelegation(s.ctx, types.DELEGATION_TYPE_POOL, 1, sdk.MustAccAddressFromBech32(alice))
	s.Require().NoError(err)
	s.Require().True(found)
	s.Require().Equal("600.030000000000000000umilktia", del.Shares.String())
	for user, want := range map[string]string{bob: "900.000000000000000000umilktia", carol: "1000.000000000000000000umilktia"} {
		del, _, err := s.k.GetDelegation(s.ctx, types.DELEGATION_TYPE_POOL, 1, sdk.MustAccAddressFromBech32(user))
		s.Require().NoError(err)
		s.Require().Equal(want, del.Shares.String(), "non-trusting delegators keep every share")
	}
	s.requireStake(types.DELEGATION_TYPE_POOL, 1, "umilktia", 2800-299, "2500.03")
	s.Require().Equal([]string{"67umilktia"}, s.unbondingBalances(alice, types.DELEGATION_TYPE_POOL, 1))
	s.Require().Equal([]string{"100umilktia"}, s.unbondingBalances(bob, types.DELEGATION_TYPE_POOL, 1))
	s.Require().Equal("332umilktia", s.bank.GetAllBalances(s.ctx, slashDest).String())
	s.nextBlock(time.Second)

	// A service nobody trusts takes nothing.
	other := s.activeService()
	res, err = s.k.SlashPoolTrusting(s.ctx, 1, other, dec("0.5"), h, slashDest)
	s.Require().NoError(err)
	s.Require().True(res.Total().IsZero())
	_, err = s.k.SlashPoolTrusting(s.ctx, 99, svc, dec("0.5"), h, slashDest)
	s.Require().ErrorIs(err, types.ErrTargetNotFound)
	_, err = s.k.SlashPoolTrusting(s.ctx, 1, svc, dec("0"), h, slashDest)
	s.Require().ErrorIs(err, types.ErrInvalidSlash)
}

// TestSlashPoolTrustingWholly: a slash of the whole trusting stake leaves
// no empty delegation behind; the non-trusting one is untouched.
func (s *KeeperTestSuite) TestSlashPoolTrustingWholly() {
	svc := s.activeService()
	s.trustService(alice, types.TrustedServiceEntry{ServiceId: svc})
	s.delegatePool(alice, "1000umilktia")
	s.delegatePool(bob, "500umilktia")
	res, err := s.k.SlashPoolTrusting(s.ctx, 1, svc, dec("1"), s.ctx.BlockHeight(), slashDest)
	s.Require().NoError(err)
	s.Require().Equal("1000umilktia", res.Total().String())
	_, found, err := s.k.GetDelegation(s.ctx, types.DELEGATION_TYPE_POOL, 1, sdk.MustAccAddressFromBech32(alice))
	s.Require().NoError(err)
	s.Require().False(found, "a delegation with no shares left is removed")
	s.requireStake(types.DELEGATION_TYPE_POOL, 1, "umilktia", 500, "500")
	s.nextBlock(time.Second)
	// alice can come back; her class's factor restarted after the whole
	// burn (docs/adr/002, amendment 2), so a later slash takes its
	// fraction of the new stake only.
	s.delegatePool(alice, "10umilktia")
	s.requireStake(types.DELEGATION_TYPE_POOL, 1, "umilktia", 510, "510")
	_, err = s.k.SlashPoolTrusting(s.ctx, 1, svc, dec("0.5"), s.ctx.BlockHeight(), slashDest)
	s.Require().NoError(err)
	del, found, err := s.k.GetDelegation(s.ctx, types.DELEGATION_TYPE_POOL, 1, sdk.MustAccAddressFromBech32(alice))
	s.Require().NoError(err)
	s.Require().True(found)
	s.Require().Equal("5.000000000000000000umilktia", del.Shares.String())
	s.requireStake(types.DELEGATION_TYPE_POOL, 1, "umilktia", 505, "505")
	s.nextBlock(time.Second)
}

// TestBurnShares: truncated, and the whole position only at fraction 1.
func (s *KeeperTestSuite) TestBurnShares() {
	for _, tc := range []struct{ shares, fraction, want string }{
		{"1000", "0.084126984126984127", "84.126984126984127000"},
		{"1", "0.999999999999999999", "0.999999999999999999"},
		{"0.000000000000000001", "0.5", "0"},
		{"0.000000000000000003", "0.5", "0.000000000000000001"},
		{"7", "1", "7"},
	} {
		got := types.BurnShares(dec(tc.shares), dec(tc.fraction))
		s.Require().Equal(dec(tc.want).String(), got.String(), "%s × %s", tc.shares, tc.fraction)
		if dec(tc.fraction).LT(sdkmath.LegacyOneDec()) {
			s.Require().True(got.LT(dec(tc.shares)))
		}
	}
	s.Require().True(types.SlashCoins(coins("9umilktia"), dec("0.1")).IsZero(), "0.9 truncates to nothing")
	s.Require().Equal("1uinit,33umilktia", types.SlashCoins(coins("333umilktia,19uinit"), dec("0.1")).String())
}
