package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	rewardskeeper "github.com/milkyway-labs/milkyway-rollup/x/rewards/keeper"
	rewardstypes "github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

// TestLazySlashWholeBurnStillPaysEarlierRewards: dave, trusting only S1,
// earns from S1's plan; a burn of his whole class hides his delegation
// from the settled views. What he earned before the burn is still his: a
// trust change (and a withdraw-all) settle from the delegation as stored,
// not from the hidden view. Evidence cannot burn a whole class (the chain's
// max_slash_fraction is below 1; only a factor truncated to zero after
// many near-total slashes does), so the burn is x/restaking's entry point
// at fraction 1, as in its own TestSlashPoolTrustingWholly.
func TestLazySlashWholeBurnStillPaysEarlierRewards(t *testing.T) {
	for _, action := range []string{"trust change", "withdraw all"} {
		t.Run(action, func(t *testing.T) {
			w := newLazyWorld(t)
			e := w.e
			e.plan(w.s1, examplePerDay, exampleBudget, 1, 0, 0)
			e.advance(3, block)
			d, found := e.delegation(dave, pool, w.p)
			require.True(t, found)
			earned, err := e.rewards.DelegationRewards(e.ctx, mustAcc(dave), d)
			require.NoError(t, err)
			require.True(t, earned.AmountOf("uinit").IsPositive())

			_, err = e.restaking.SlashPoolTrusting(e.ctx, w.p, w.s1, dec("1"), e.ctx.BlockHeight(), mustAcc(eve))
			require.NoError(t, err)
			e.nextBlock(block)
			_, found = e.delegation(dave, pool, w.p)
			require.False(t, found, "burned whole: hidden from the settled views")

			before := e.balance(dave, "uinit")
			switch action {
			case "trust change":
				e.trust(dave, w.s2)
			case "withdraw all":
				_, err := rewardskeeper.NewMsgServer(e.rewards).WithdrawAllRewards(e.ctx, &rewardstypes.MsgWithdrawAllRewards{Delegator: dave})
				require.NoError(t, err)
			}
			got := e.balance(dave, "uinit").Sub(before)
			require.True(t, got.GTE(earned.AmountOf("uinit").TruncateInt()),
				"paid %s, earned %s before the burn", got, earned.AmountOf("uinit"))
		})
	}
}
