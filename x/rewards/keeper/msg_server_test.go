package keeper_test

import (
	"strings"
	"testing"
	"time"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

// stateOf is everything a rejected Msg must leave untouched.
func (e *env) stateOf() (*types.GenesisState, string) {
	gs, err := e.k.ExportGenesis(e.ctx)
	require.NoError(e.t, err)
	balances := ""
	for _, who := range []string{admin, alice, bob, carol} {
		balances += e.bank.GetAllBalances(e.ctx, mustAcc(who)).String() + ";"
	}
	return gs, balances
}

// rejects runs a Msg expected to fail with want and checks nothing changed.
func (e *env) rejects(t *testing.T, want *errorsmod.Error, run func() error) {
	t.Helper()
	gs, balances := e.stateOf()
	err := run()
	require.Error(t, err)
	require.True(t, want.Is(err), "want %s, got %v", want, err)
	gs2, balances2 := e.stateOf()
	require.Equal(t, gs, gs2, "a rejected Msg changed the rewards state")
	require.Equal(t, balances, balances2, "a rejected Msg moved coins")
}

func createMsg(e *env, service uint32) *types.MsgCreateRewardsPlan {
	now := e.ctx.BlockTime()
	return &types.MsgCreateRewardsPlan{
		Sender: admin, ServiceId: service, Description: "plan", AmountPerDay: coins("1000uinit")[0],
		StartTime: now, EndTime: now.Add(24 * time.Hour),
		PoolsDistribution: basic(1), OperatorsDistribution: basic(1), UsersDistribution: types.UsersDistribution{Weight: 1},
		Funds: coins("5000uinit")[0],
	}
}

func TestCreateRewardsPlanRejections(t *testing.T) {
	e := newEnv(t)
	svc := e.service()
	weighted := types.Distribution{Type: types.DISTRIBUTION_TYPE_WEIGHTED, Weight: 1}
	cases := []struct {
		name string
		edit func(m *types.MsgCreateRewardsPlan)
		err  *errorsmod.Error
	}{
		{"bad sender", func(m *types.MsgCreateRewardsPlan) { m.Sender = "milk1nope" }, types.ErrInvalidAddress},
		{"service zero", func(m *types.MsgCreateRewardsPlan) { m.ServiceId = 0 }, types.ErrInvalidPlan},
		{"description too long", func(m *types.MsgCreateRewardsPlan) { m.Description = strings.Repeat("x", 1001) }, types.ErrInvalidPlan},
		{"zero amount per day", func(m *types.MsgCreateRewardsPlan) {
			m.AmountPerDay = coins("1uinit")[0]
			m.AmountPerDay.Amount = m.AmountPerDay.Amount.SubRaw(1)
		}, types.ErrInvalidPlan},
		{"end before start", func(m *types.MsgCreateRewardsPlan) { m.EndTime = m.StartTime }, types.ErrInvalidPlan},
		{"weighted without weights", func(m *types.MsgCreateRewardsPlan) { m.PoolsDistribution = weighted }, types.ErrInvalidDistribution},
		{"weights on basic", func(m *types.MsgCreateRewardsPlan) {
			m.OperatorsDistribution.Weights = []types.TargetWeight{{TargetId: 1, Weight: 1}}
		}, types.ErrInvalidDistribution},
		{"repeated weighted target", func(m *types.MsgCreateRewardsPlan) {
			m.PoolsDistribution = weighted
			m.PoolsDistribution.Weights = []types.TargetWeight{{TargetId: 1, Weight: 1}, {TargetId: 1, Weight: 2}}
		}, types.ErrInvalidDistribution},
		{"unspecified distribution", func(m *types.MsgCreateRewardsPlan) { m.PoolsDistribution = types.Distribution{} }, types.ErrInvalidDistribution},
		{"funds in another denom", func(m *types.MsgCreateRewardsPlan) { m.Funds = coins("5umilk")[0] }, types.ErrInvalidFunds},
		{"unknown service", func(m *types.MsgCreateRewardsPlan) { m.ServiceId = 99 }, types.ErrServiceNotFound},
		{"not the service admin", func(m *types.MsgCreateRewardsPlan) { m.Sender = alice }, access.ErrNotAdmin},
		{"end already passed", func(m *types.MsgCreateRewardsPlan) {
			m.StartTime, m.EndTime = m.StartTime.Add(-2*time.Hour), m.StartTime.Add(-time.Hour)
		}, types.ErrInvalidPlan},
		{"funds above balance", func(m *types.MsgCreateRewardsPlan) { m.Funds = coins("999999999999999uinit")[0] }, sdkerrors.ErrInsufficientFunds},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			msg := createMsg(e, svc)
			tc.edit(msg)
			e.rejects(t, tc.err, func() error { _, err := e.msgs.CreateRewardsPlan(e.ctx, msg); return err })
		})
	}
}

func TestCreateRewardsPlanChargesFeeAndEscrowsFunds(t *testing.T) {
	e := newEnv(t)
	svc := e.service()
	_, err := e.msgs.UpdateParams(e.ctx, &types.MsgUpdateParams{Authority: authority, Params: types.Params{
		PlanCreationFee: coins("100umilk"), MaxAllocationStep: time.Hour}})
	require.NoError(t, err)
	milk, init := e.balance(admin, "umilk"), e.balance(admin, "uinit")
	res, err := e.msgs.CreateRewardsPlan(e.ctx, createMsg(e, svc))
	require.NoError(t, err)
	require.Equal(t, uint64(1), res.PlanId)
	require.Equal(t, milk.SubRaw(100), e.balance(admin, "umilk"))
	require.Equal(t, init.SubRaw(5000), e.balance(admin, "uinit"))
	require.Equal(t, "100umilk", e.bank.GetAllBalances(e.ctx, e.accounts.GetModuleAddress(communityName)).String())
	require.Equal(t, "5000uinit", e.bank.GetAllBalances(e.ctx, e.accounts.GetModuleAddress(types.EscrowAccount)).String())
	// The escrow is a module account: a plain bank send to it is refused.
	require.True(t, e.bank.BlockedAddr(e.accounts.GetModuleAddress(types.EscrowAccount)))
	// Each stored plan makes the next creation cost more gas.
	before := e.ctx.GasMeter().GasConsumed()
	_, err = e.msgs.CreateRewardsPlan(e.ctx, createMsg(e, svc))
	require.NoError(t, err)
	require.GreaterOrEqual(t, e.ctx.GasMeter().GasConsumed()-before, uint64(types.GasPerExistingPlan))
}

func TestPlanMsgRejections(t *testing.T) {
	e := newEnv(t)
	svc := e.service()
	res, err := e.msgs.CreateRewardsPlan(e.ctx, createMsg(e, svc))
	require.NoError(t, err)
	id := res.PlanId
	edit := func(mut func(m *types.MsgEditRewardsPlan)) func() error {
		c := createMsg(e, svc)
		m := &types.MsgEditRewardsPlan{Sender: admin, PlanId: id, Description: c.Description, AmountPerDay: c.AmountPerDay,
			StartTime: c.StartTime, EndTime: c.EndTime, PoolsDistribution: c.PoolsDistribution,
			OperatorsDistribution: c.OperatorsDistribution, UsersDistribution: c.UsersDistribution}
		mut(m)
		return func() error { _, err := e.msgs.EditRewardsPlan(e.ctx, m); return err }
	}
	topUp := func(sender string, plan uint64, amount string) func() error {
		return func() error {
			_, err := e.msgs.TopUpRewardsPlan(e.ctx, &types.MsgTopUpRewardsPlan{Sender: sender, PlanId: plan, Amount: coins(amount)[0]})
			return err
		}
	}
	cancel := func(sender string, plan uint64) func() error {
		return func() error {
			_, err := e.msgs.CancelRewardsPlan(e.ctx, &types.MsgCancelRewardsPlan{Sender: sender, PlanId: plan})
			return err
		}
	}
	cases := []struct {
		name string
		run  func() error
		err  *errorsmod.Error
	}{
		{"edit: plan zero", edit(func(m *types.MsgEditRewardsPlan) { m.PlanId = 0 }), types.ErrInvalidPlan},
		{"edit: unknown plan", edit(func(m *types.MsgEditRewardsPlan) { m.PlanId = 9 }), types.ErrPlanNotFound},
		{"edit: not the admin", edit(func(m *types.MsgEditRewardsPlan) { m.Sender = bob }), access.ErrNotAdmin},
		{"edit: other denom", edit(func(m *types.MsgEditRewardsPlan) { m.AmountPerDay = coins("1umilk")[0] }), types.ErrInvalidPlan},
		{"edit: end in the past", edit(func(m *types.MsgEditRewardsPlan) {
			m.StartTime, m.EndTime = m.StartTime.Add(-2*time.Hour), m.StartTime.Add(-time.Hour)
		}), types.ErrInvalidPlan},
		{"edit: bad distribution", edit(func(m *types.MsgEditRewardsPlan) { m.OperatorsDistribution.Type = 7 }), types.ErrInvalidDistribution},
		{"top-up: unknown plan", topUp(admin, 9, "1uinit"), types.ErrPlanNotFound},
		{"top-up: not the admin", topUp(alice, id, "1uinit"), access.ErrNotAdmin},
		{"top-up: other denom", topUp(admin, id, "1umilk"), types.ErrInvalidFunds},
		{"top-up: zero", func() error {
			_, err := e.msgs.TopUpRewardsPlan(e.ctx, &types.MsgTopUpRewardsPlan{Sender: admin, PlanId: id, Amount: sdk.NewInt64Coin("uinit", 0)})
			return err
		}, types.ErrInvalidFunds},
		{"cancel: unknown plan", cancel(admin, 9), types.ErrPlanNotFound},
		{"cancel: not the admin", cancel(carol, id), access.ErrNotAdmin},
		{"cancel: bad sender", cancel("milk1bad", id), types.ErrInvalidAddress},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { e.rejects(t, tc.err, tc.run) })
	}
}

func TestWithdrawMsgRejections(t *testing.T) {
	e := newEnv(t)
	svc := e.service()
	op := e.operator(carol, 10, svc)
	escrow := e.accounts.GetModuleAddress(types.EscrowAccount).String()
	cases := []struct {
		name string
		run  func() error
		err  *errorsmod.Error
	}{
		{"withdraw address: invalid", func() error {
			_, err := e.msgs.SetWithdrawAddress(e.ctx, &types.MsgSetWithdrawAddress{Sender: alice, WithdrawAddress: "milk1bad"})
			return err
		}, types.ErrInvalidAddress},
		{"withdraw address: module account", func() error {
			_, err := e.msgs.SetWithdrawAddress(e.ctx, &types.MsgSetWithdrawAddress{Sender: alice, WithdrawAddress: escrow})
			return err
		}, types.ErrBlockedAddress},
		{"withdraw: unknown type", func() error {
			_, err := e.msgs.WithdrawDelegatorReward(e.ctx, &types.MsgWithdrawDelegatorReward{Delegator: alice, DelegationType: 9, TargetId: 1})
			return err
		}, types.ErrInvalidTarget},
		{"withdraw: target zero", func() error {
			_, err := e.msgs.WithdrawDelegatorReward(e.ctx, &types.MsgWithdrawDelegatorReward{Delegator: alice, DelegationType: operatorType})
			return err
		}, types.ErrInvalidTarget},
		{"withdraw: no delegation", func() error {
			_, err := e.msgs.WithdrawDelegatorReward(e.ctx, &types.MsgWithdrawDelegatorReward{Delegator: alice, DelegationType: operatorType, TargetId: op})
			return err
		}, types.ErrDelegationNotFound},
		{"withdraw all: no delegations", func() error {
			_, err := e.msgs.WithdrawAllRewards(e.ctx, &types.MsgWithdrawAllRewards{Delegator: bob})
			return err
		}, types.ErrDelegationNotFound},
		{"commission: unknown operator", func() error {
			_, err := e.msgs.WithdrawOperatorCommission(e.ctx, &types.MsgWithdrawOperatorCommission{Sender: carol, OperatorId: 9})
			return err
		}, types.ErrOperatorNotFound},
		{"commission: not the admin", func() error {
			_, err := e.msgs.WithdrawOperatorCommission(e.ctx, &types.MsgWithdrawOperatorCommission{Sender: alice, OperatorId: op})
			return err
		}, access.ErrNotAdmin},
		{"commission: nothing accrued", func() error {
			_, err := e.msgs.WithdrawOperatorCommission(e.ctx, &types.MsgWithdrawOperatorCommission{Sender: carol, OperatorId: op})
			return err
		}, types.ErrNoRewards},
		{"params: not governance", func() error {
			_, err := e.msgs.UpdateParams(e.ctx, &types.MsgUpdateParams{Authority: alice, Params: types.DefaultParams()})
			return err
		}, access.ErrNotGovAuthority},
		{"params: zero step", func() error {
			_, err := e.msgs.UpdateParams(e.ctx, &types.MsgUpdateParams{Authority: authority, Params: types.Params{}})
			return err
		}, types.ErrInvalidParams},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { e.rejects(t, tc.err, tc.run) })
	}
}
