package keeper_test

import (
	"math/rand"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

const rewardDenom = "ureward" // paid by plans only, never staked

// TestRewardsAddUpToTheUnit drives random delegations, undelegations,
// trust changes, plan edits, top-ups, cancellations, price moves, clock
// jumps and withdrawals over many blocks. After every block all
// invariants hold, and at the end what left the admin equals what
// recipients hold + outstanding + commission + dust + escrowed budgets,
// to the unit. Export → import → export is then identical.
func TestRewardsAddUpToTheUnit(t *testing.T) {
	e := newEnv(t)
	rng := rand.New(rand.NewSource(7))
	e.fund(admin, "1000000000000"+rewardDenom)
	adminStart := e.balance(admin, rewardDenom)

	svc := e.service()
	opAdmins := []string{addr("op-admin-1"), addr("op-admin-2")}
	ops := []uint32{e.operator(opAdmins[0], 5, svc), e.operator(opAdmins[1], 20, svc)}
	var users []string
	for i := 0; i < 6; i++ {
		u := addr("user-" + string(rune('a'+i)))
		e.fund(u, "1000000000umilktia,1000000000umilk,1000000000uinit")
		users = append(users, u)
	}
	// Two pools (created by first deposits) borrowed by the service.
	e.delegate(users[0], poolType, 0, "1000000umilktia")
	e.delegate(users[1], poolType, 0, "1000000umilk")
	e.borrowPool(svc, 1)
	e.borrowPool(svc, 2)
	_, err := e.msgs.SetWithdrawAddress(e.ctx, &types.MsgSetWithdrawAddress{Sender: users[2], WithdrawAddress: addr("cold-wallet")})
	require.NoError(t, err)

	plans := map[uint64]bool{}
	newPlan := func() {
		id := e.plan(svc, sdkmath.NewInt(int64(1+rng.Intn(5_000_000))).String()+rewardDenom,
			sdkmath.NewInt(int64(rng.Intn(3_000_000))).String()+rewardDenom,
			basic(uint32(rng.Intn(3))), basic(uint32(rng.Intn(3))), uint32(rng.Intn(3)))
		plans[id] = true
	}
	newPlan()
	newPlan()
	denoms := []string{"umilktia", "umilk", "uinit"}
	amount := func() string { return sdkmath.NewInt(int64(1+rng.Intn(2_000_000))).String() + denoms[rng.Intn(3)] }
	targets := []struct {
		t  restakingtypes.DelegationType
		id uint32
	}{{poolType, 0}, {operatorType, ops[0]}, {operatorType, ops[1]}, {serviceType, svc}}

	accepted := 0
	for block := 0; block < 150; block++ {
		for op := 0; op < 8; op++ {
			user := users[rng.Intn(len(users))]
			target := targets[rng.Intn(len(targets))]
			switch r := rng.Intn(100); {
			case r < 35:
				if e.tryDelegate(user, target.t, target.id, amount()) == nil {
					accepted++
				}
			case r < 50:
				if e.undelegate(user, target.t, target.id, amount()) == nil {
					accepted++
				}
			case r < 58:
				var trusted []uint32
				if rng.Intn(2) == 0 {
					trusted = []uint32{svc}
				}
				e.trust(user, trusted...)
				accepted++
			case r < 68:
				if _, err := e.msgs.WithdrawAllRewards(e.ctx, &types.MsgWithdrawAllRewards{Delegator: user}); err == nil {
					accepted++
				}
			case r < 72:
				i := rng.Intn(len(ops))
				if _, err := e.msgs.WithdrawOperatorCommission(e.ctx, &types.MsgWithdrawOperatorCommission{Sender: opAdmins[i], OperatorId: ops[i]}); err == nil {
					accepted++
				}
			case r < 80:
				if id, ok := anyPlan(e, plans, rng); ok {
					p := e.getPlan(id)
					_, err := e.msgs.EditRewardsPlan(e.ctx, &types.MsgEditRewardsPlan{Sender: admin, PlanId: id,
						AmountPerDay: sdk.NewCoin(rewardDenom, sdkmath.NewInt(int64(1+rng.Intn(5_000_000)))),
						StartTime:    p.StartTime, EndTime: p.EndTime, PoolsDistribution: basic(uint32(rng.Intn(3))),
						OperatorsDistribution: basic(uint32(rng.Intn(3))), UsersDistribution: types.UsersDistribution{Weight: uint32(rng.Intn(3))}})
					require.NoError(t, err)
					accepted++
				}
			case r < 86:
				if id, ok := anyPlan(e, plans, rng); ok {
					_, err := e.msgs.TopUpRewardsPlan(e.ctx, &types.MsgTopUpRewardsPlan{Sender: admin, PlanId: id,
						Amount: sdk.NewCoin(rewardDenom, sdkmath.NewInt(int64(1+rng.Intn(1_000_000))))})
					require.NoError(t, err)
					accepted++
				}
			case r < 89:
				if id, ok := anyPlan(e, plans, rng); ok {
					_, err := e.msgs.CancelRewardsPlan(e.ctx, &types.MsgCancelRewardsPlan{Sender: admin, PlanId: id})
					require.NoError(t, err)
					delete(plans, id)
					newPlan()
					accepted++
				}
			case r < 95:
				e.postPrices(map[string]int64{"MILK": int64(1 + rng.Intn(5)), "MILKTIA": int64(1 + rng.Intn(10)), "INIT": int64(1 + rng.Intn(3))})
			default:
				_, err := e.msgs.WithdrawDelegatorReward(e.ctx, &types.MsgWithdrawDelegatorReward{Delegator: user, DelegationType: target.t, TargetId: max(target.id, 1)})
				if err == nil {
					accepted++
				}
			}
		}
		step := time.Duration(1+rng.Intn(1800)) * time.Second
		if rng.Intn(20) == 0 {
			step = time.Duration(2+rng.Intn(10)) * time.Hour // a clock jump, clipped
		}
		e.nextBlock(step)
		e.requireBudgetsMatch(plans)
	}
	require.Greater(t, accepted, 500, "the walk must exercise the paths, not only rejections")

	// What left the admin is exactly where it is now.
	spent := adminStart.Sub(e.balance(admin, rewardDenom))
	held := sdkmath.ZeroInt()
	for _, who := range append(append(users, opAdmins...), addr("cold-wallet")) {
		held = held.Add(e.balance(who, rewardDenom))
	}
	gs, err := e.k.ExportGenesis(e.ctx)
	require.NoError(t, err)
	booked := sdkmath.LegacyNewDecFromInt(held).Add(gs.Dust.AmountOf(rewardDenom))
	for _, o := range gs.Outstanding {
		booked = booked.Add(o.Amount.AmountOf(rewardDenom))
	}
	for _, c := range gs.Commissions {
		booked = booked.Add(c.Amount.AmountOf(rewardDenom))
	}
	for _, p := range gs.Plans {
		booked = booked.Add(sdkmath.LegacyNewDecFromInt(p.Remaining.Amount))
	}
	t.Logf("held %s dust %s", held, gs.Dust)
	require.True(t, held.IsPositive(), "rewards were paid")
	require.Equal(t, sdkmath.LegacyNewDecFromInt(spent).String(), booked.String(),
		"payouts + outstanding + commission + dust + budgets must equal what was funded")

	// Export → import into fresh state → export is identical.
	fresh := newEnv(t)
	require.NoError(t, fresh.k.InitGenesis(fresh.ctx, gs))
	again, err := fresh.k.ExportGenesis(fresh.ctx)
	require.NoError(t, err)
	require.Equal(t, gs, again)
}

// requireBudgetsMatch: every plan's allocated + remaining is what it was
// funded with (tracked by the plan's own ledger against the escrow).
func (e *env) requireBudgetsMatch(plans map[uint64]bool) {
	for id := range plans {
		if e.planGone(id) {
			delete(plans, id)
		}
	}
	msg, broken := e.k.EscrowInvariant(e.ctx)
	require.False(e.t, broken, msg)
}

func (e *env) tryDelegate(user string, t restakingtypes.DelegationType, id uint32, amount string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errFromPanic(r)
		}
	}()
	msgs := restakingMsgs(e)
	c := coins(amount)
	switch t {
	case restakingtypes.DELEGATION_TYPE_POOL:
		_, err = msgs.DelegatePool(e.ctx, &restakingtypes.MsgDelegatePool{Delegator: user, Amount: c[0]})
	case restakingtypes.DELEGATION_TYPE_OPERATOR:
		_, err = msgs.DelegateOperator(e.ctx, &restakingtypes.MsgDelegateOperator{Delegator: user, OperatorId: id, Amount: c})
	default:
		_, err = msgs.DelegateService(e.ctx, &restakingtypes.MsgDelegateService{Delegator: user, ServiceId: id, Amount: c})
	}
	return err
}

func anyPlan(e *env, plans map[uint64]bool, rng *rand.Rand) (uint64, bool) {
	ids := sortedIDs(plans)
	if len(ids) == 0 {
		return 0, false
	}
	return ids[rng.Intn(len(ids))], true
}
