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
	e.nextBlock(time.Second) // first allocation only records the time
	e.nextBlock(time.Hour)

	require.Equal(t, coins("67500uinit"), e.withdraw(alice, operatorType, op))
	require.Equal(t, coins("22500uinit"), e.withdraw(bob, operatorType, op))
	res, err := e.msgs.WithdrawOperatorCommission(e.ctx, &types.MsgWithdrawOperatorCommission{Sender: carol, OperatorId: op})
	require.NoError(t, err)
	require.Equal(t, coins("10000uinit"), res.Amount)
	e.requireInvariants()
}
