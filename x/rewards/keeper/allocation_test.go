package keeper_test

import (
	"testing"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

const (
	poolType     = restakingtypes.DELEGATION_TYPE_POOL
	operatorType = restakingtypes.DELEGATION_TYPE_OPERATOR
	serviceType  = restakingtypes.DELEGATION_TYPE_SERVICE
)

func (e *env) withdraw(user string, t restakingtypes.DelegationType, id uint32) sdk.Coins {
	res, err := e.msgs.WithdrawDelegatorReward(e.ctx, &types.MsgWithdrawDelegatorReward{Delegator: user, DelegationType: t, TargetId: id})
	require.NoError(e.t, err)
	return res.Amount
}

func (e *env) outstanding(t restakingtypes.DelegationType, id uint32) sdk.DecCoins {
	res, err := e.queries.OutstandingRewards(e.ctx, &types.QueryOutstandingRewardsRequest{Type: t, TargetId: id})
	require.NoError(e.t, err)
	return res.Coins
}

// One operator, 10% commission, two delegators 3:1. One hour of a
// 2,400,000 umilk/day plan is 100,000: 10,000 commission, 67,500 and 22,500.
func TestOperatorDelegatorsShareByStakeAfterCommission(t *testing.T) {
	e := newEnv(t)
	svc := e.service()
	op := e.operator(carol, 10, svc)
	e.delegate(alice, operatorType, op, "3000000umilktia")
	e.delegate(bob, operatorType, op, "1000000umilktia")
	e.plan(svc, "2400000uinit", "10000000uinit", basic(0), basic(1), 0)
	e.nextBlock(time.Hour)

	require.Equal(t, coins("67500uinit"), e.withdraw(alice, operatorType, op))
	require.Equal(t, coins("22500uinit"), e.withdraw(bob, operatorType, op))
	res, err := e.msgs.WithdrawOperatorCommission(e.ctx, &types.MsgWithdrawOperatorCommission{Sender: carol, OperatorId: op})
	require.NoError(t, err)
	require.Equal(t, coins("10000uinit"), res.Amount)
	e.requireInvariants()
}

func (e *env) getPlan(id uint64) types.RewardsPlan {
	res, err := e.queries.RewardsPlan(e.ctx, &types.QueryRewardsPlanRequest{PlanId: id})
	require.NoError(e.t, err)
	return res.Plan
}

func (e *env) hasEvent(name string) bool {
	for _, ev := range e.ctx.EventManager().Events() {
		if ev.Type == name {
			return true
		}
	}
	return false
}

// Groups share by the plan weights (pools 1 : operators 1 : users 2); a
// pool pays only the delegators who trust the paying service.
func TestGroupWeightsAndTrustFilter(t *testing.T) {
	e := newEnv(t)
	svc := e.service()
	op := e.operator(carol, 0, svc)
	e.delegate(alice, poolType, 0, "1000000umilktia") // pool 1 is created by the first deposit
	e.borrowPool(svc, 1)
	e.trust(alice, svc)
	e.delegate(bob, poolType, 0, "1000000umilktia") // bob trusts nobody
	e.delegate(bob, operatorType, op, "1000000uinit")
	e.delegate(carol, serviceType, svc, "1000000umilk")
	e.plan(svc, "2400000uinit", "10000000uinit", basic(1), basic(1), 2)
	e.nextBlock(time.Hour) // 100,000 uinit: 25,000 pools, 25,000 operators, 50,000 users

	shares, err := e.queries.PoolServiceTotalShares(e.ctx, &types.QueryPoolServiceTotalSharesRequest{PoolId: 1, ServiceId: svc})
	require.NoError(t, err)
	require.Equal(t, "1000000.000000000000000000", shares.Shares.String(), "only alice's shares trust the service")
	require.Equal(t, coins("25000uinit"), e.withdraw(alice, poolType, 1))
	require.True(t, e.withdraw(bob, poolType, 1).IsZero(), "bob does not trust the service")
	require.Equal(t, coins("25000uinit"), e.withdraw(bob, operatorType, op))
	require.Equal(t, coins("50000uinit"), e.withdraw(carol, serviceType, svc))

	// Bob starts trusting: from now on the pool pays both 1:1, and what
	// alice earned before is unaffected.
	e.trust(bob, svc)
	e.nextBlock(time.Hour)
	require.Equal(t, coins("12500uinit"), e.withdraw(alice, poolType, 1))
	require.Equal(t, coins("12500uinit"), e.withdraw(bob, poolType, 1))
}

// With all group weights zero the groups share by USD value; within the
// operators group a weighted split follows the listed weights and an
// egalitarian one pays equally whatever the stake.
func TestSplitByValueWeightsAndEqually(t *testing.T) {
	cases := []struct {
		name      string
		operators types.Distribution
		want1     string
		want2     string
	}{
		{"basic: by value 3:1", basic(0), "75000uinit", "25000uinit"},
		// 25,000 over 3,000,000 shares is a repeating decimal: the ratio is
		// truncated, alice gets 24,999 and the last unit is dust.
		{"weighted 1:3", types.Distribution{Type: types.DISTRIBUTION_TYPE_WEIGHTED,
			Weights: []types.TargetWeight{{TargetId: 1, Weight: 1}, {TargetId: 2, Weight: 3}}}, "24999uinit", "75000uinit"},
		{"egalitarian", types.Distribution{Type: types.DISTRIBUTION_TYPE_EGALITARIAN}, "49999uinit", "50000uinit"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			svc := e.service()
			op1, op2 := e.operator(carol, 0, svc), e.operator(carol, 0, svc)
			e.delegate(alice, operatorType, op1, "3000000uinit")
			e.delegate(bob, operatorType, op2, "1000000uinit")
			e.plan(svc, "2400000uinit", "10000000uinit", basic(0), tc.operators, 0)
			e.nextBlock(time.Hour)
			require.Equal(t, coins(tc.want1), e.withdraw(alice, operatorType, op1))
			require.Equal(t, coins(tc.want2), e.withdraw(bob, operatorType, op2))
		})
	}
}

// Prices decide who is paid: a stale or missing price values stake at zero
// (no allocation, no accrual, the budget stays), disagreeing feeders count
// by their median.
func TestAllocationUnderStaleMissingAndDisagreeingPrices(t *testing.T) {
	cases := []struct {
		name        string
		setup       func(e *env)
		wantAlice   string // alice: 1,000,000 umilktia at operator 1
		wantBob     string // bob: 1,000,000 uinit at operator 2
		wantEvent   string
		wantAccrued bool
	}{
		{"fresh prices: by value 5:1", func(*env) {}, "83333uinit", "16666uinit", "", true},
		{"disagreeing feeders: median 5 of (1, 5, 100)", func(e *env) {
			e.addFeeders("f2", "f3")
			e.postAs(addr("f2"), "MILKTIA", 1)
			e.postAs(addr("f3"), "MILKTIA", 100)
		}, "83333uinit", "16666uinit", "", true},
		{"missing price: MILKTIA never posted, only bob is paid", func(e *env) {
			e.registerAsset("umilktia", "NEWTIA")
		}, "", "100000uinit", "", true},
		{"stale prices: nobody is paid, nothing accrues", func(e *env) {
			e.setMaxPriceAge(time.Minute)
		}, "", "", "milkyway.prices.v1.EventStalePrice", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			svc := e.service()
			op1, op2 := e.operator(carol, 0, svc), e.operator(carol, 0, svc)
			e.delegate(alice, operatorType, op1, "1000000umilktia")
			e.delegate(bob, operatorType, op2, "1000000uinit")
			id := e.plan(svc, "2400000uinit", "10000000uinit", basic(0), basic(1), 0)
			tc.setup(e)
			e.nextBlock(time.Hour)
			if tc.wantEvent != "" {
				require.True(t, e.hasEvent(tc.wantEvent))
			}
			require.Equal(t, tc.wantAccrued, e.getPlan(id).AccruedNs > 0)
			require.Equal(t, coins(tc.wantAlice).String(), e.withdraw(alice, operatorType, op1).String())
			require.Equal(t, coins(tc.wantBob).String(), e.withdraw(bob, operatorType, op2).String())
		})
	}
}

// An underfunded plan pays what it has, flags itself, and pays the
// backlog after a top-up: nothing due is skipped.
func TestUnderfundedPlanCarriesItsDebt(t *testing.T) {
	e := newEnv(t)
	svc := e.service()
	op := e.operator(carol, 0, svc)
	e.delegate(alice, operatorType, op, "1000000uinit")
	id := e.plan(svc, "2400000uinit", "60000uinit", basic(0), basic(1), 0)
	e.nextBlock(time.Hour) // due 100,000, budget 60,000
	require.True(t, e.hasEvent("milkyway.rewards.v1.EventRewardsPlanUnderfunded"))
	plan := e.getPlan(id)
	require.True(t, plan.Underfunded)
	require.Equal(t, "60000", plan.Allocated.String())
	require.Equal(t, "40000", plan.Unpaid().String())

	_, err := e.msgs.TopUpRewardsPlan(e.ctx, &types.MsgTopUpRewardsPlan{Sender: admin, PlanId: id, Amount: coins("1000000uinit")[0]})
	require.NoError(t, err)
	e.nextBlock(time.Hour) // backlog 40,000 + this hour's 100,000
	require.True(t, e.hasEvent("milkyway.rewards.v1.EventRewardsPlanFunded"))
	require.Equal(t, "200000", e.getPlan(id).Allocated.String())
	require.Equal(t, coins("200000uinit"), e.withdraw(alice, operatorType, op))
}

// A block after a long halt pays for one max_allocation_step, not for the
// whole gap.
func TestElapsedTimeIsClipped(t *testing.T) {
	e := newEnv(t)
	svc := e.service()
	op := e.operator(carol, 0, svc)
	e.delegate(alice, operatorType, op, "1000000uinit")
	id := e.plan(svc, "2400000uinit", "10000000uinit", basic(0), basic(1), 0)
	for i := 0; i < 10; i++ { // the sequencer's clock jumps 10 h in one block
		e.nextBlock(10 * time.Hour / 10)
	}
	require.Equal(t, "1000000", e.getPlan(id).Allocated.String(), "ten one-hour steps")
	e.nextBlock(10 * time.Hour) // one block, ten hours later
	require.Equal(t, "1100000", e.getPlan(id).Allocated.String(), "clipped to one hour")
}

// A plan that ends, or is cancelled, returns its budget to the admin.
func TestPlanEndAndCancelReturnTheBudget(t *testing.T) {
	e := newEnv(t)
	svc := e.service()
	op := e.operator(carol, 0, svc)
	e.delegate(alice, operatorType, op, "1000000uinit")
	before := e.balance(admin, "uinit")
	res, err := e.msgs.CreateRewardsPlan(e.ctx, &types.MsgCreateRewardsPlan{
		Sender: admin, ServiceId: svc, AmountPerDay: coins("2400000uinit")[0],
		StartTime: e.ctx.BlockTime(), EndTime: e.ctx.BlockTime().Add(2 * time.Hour),
		PoolsDistribution: basic(0), OperatorsDistribution: basic(1), Funds: coins("1000000uinit")[0],
	})
	require.NoError(t, err)
	cancelled := e.plan(svc, "2400000uinit", "500000uinit", basic(0), basic(1), 0)
	e.nextBlock(time.Hour)
	out, err := e.msgs.CancelRewardsPlan(e.ctx, &types.MsgCancelRewardsPlan{Sender: admin, PlanId: cancelled})
	require.NoError(t, err)
	require.Equal(t, "400000uinit", out.Returned.String())
	for i := 0; i < 3; i++ {
		e.nextBlock(time.Hour)
	}
	require.True(t, e.hasEvent("milkyway.rewards.v1.EventRewardsPlanEnded") || e.planGone(res.PlanId))
	require.True(t, e.planGone(res.PlanId))
	// Paid: 2 h of plan 1 (200,000) and 1 h of plan 2 (100,000).
	require.Equal(t, before.SubRaw(300000), e.balance(admin, "uinit"))
	require.Equal(t, coins("300000uinit"), e.withdraw(alice, operatorType, op))
	require.True(t, e.bank.GetAllBalances(e.ctx, e.accounts.GetModuleAddress(types.EscrowAccount)).IsZero())
}

func (e *env) planGone(id uint64) bool {
	_, err := e.queries.RewardsPlan(e.ctx, &types.QueryRewardsPlanRequest{PlanId: id})
	return err != nil
}

// Rewards go to the withdraw address; withdraw-all pays every delegation
// at once; an inactive operator earns nothing.
func TestWithdrawAddressWithdrawAllAndInactiveOperator(t *testing.T) {
	e := newEnv(t)
	svc := e.service()
	op := e.operator(carol, 0, svc)
	e.delegate(alice, operatorType, op, "1000000uinit")
	e.delegate(alice, serviceType, svc, "1000000uinit")
	e.plan(svc, "2400000uinit", "10000000uinit", basic(1), basic(1), 1)
	_, err := e.msgs.SetWithdrawAddress(e.ctx, &types.MsgSetWithdrawAddress{Sender: alice, WithdrawAddress: bob})
	require.NoError(t, err)
	e.nextBlock(time.Hour)

	total, err := e.queries.DelegatorTotalRewards(e.ctx, &types.QueryDelegatorTotalRewardsRequest{Delegator: alice})
	require.NoError(t, err)
	require.Len(t, total.Rewards, 2)
	require.Equal(t, "100000.000000000000000000uinit", total.Total.String())
	bobBefore := e.balance(bob, "uinit")
	res, err := e.msgs.WithdrawAllRewards(e.ctx, &types.MsgWithdrawAllRewards{Delegator: alice})
	require.NoError(t, err)
	require.Equal(t, coins("100000uinit"), res.Amount)
	require.Equal(t, bobBefore.AddRaw(100000), e.balance(bob, "uinit"))

	_, err = operatorsMsgs(e).DeactivateOperator(e.ctx, deactivate(carol, op))
	require.NoError(t, err)
	e.nextBlock(time.Hour)
	require.True(t, e.outstanding(operatorType, op).IsZero(), "an inactivating operator is not paid")
	require.Equal(t, coins("100000uinit"), e.withdraw(alice, serviceType, svc), "the users group takes the whole slice")
}

// Block intervals are accrued to the nanosecond: a chain of 1.0005 s
// blocks pays for 100.05 s, not for 100 rounded seconds.
func TestSubMillisecondIntervalsAreNotLost(t *testing.T) {
	e := newEnv(t)
	svc := e.service()
	op := e.operator(carol, 0, svc)
	e.delegate(alice, operatorType, op, "1000000uinit")
	id := e.plan(svc, "86400000000uinit", "1000000000uinit", basic(0), basic(1), 0) // 1 per µs
	for i := 0; i < 100; i++ {
		e.nextBlock(time.Second + 500*time.Microsecond)
	}
	require.Equal(t, "100050000", e.getPlan(id).Allocated.String())
}
