package keeper_test

import (
	"fmt"
	"math/rand"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	operatorskeeper "github.com/milkyway-labs/milkyway-rollup/x/operators/keeper"
	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	poolstypes "github.com/milkyway-labs/milkyway-rollup/x/pools/types"
	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	serviceskeeper "github.com/milkyway-labs/milkyway-rollup/x/services/keeper"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// TestRandomOperations drives thousands of random delegations,
// undelegations and status changes over many blocks. After every block the
// stake invariant holds (shares add up, totals match, target accounts cover
// stake plus unbondings, every record points at an existing target), no
// token is created or lost, and at the end genesis export → import →
// export is identical.
func (s *KeeperTestSuite) TestRandomOperations() {
	rng := rand.New(rand.NewSource(42))
	users := []string{alice, bob}
	for i := 0; i < 6; i++ {
		u := sdk.AccAddress([]byte(fmt.Sprintf("random-user-%08d", i))).String()
		s.fund(u, "1000000000umilk,1000000000umilktia,1000000000uinit")
		users = append(users, u)
	}
	denoms := []string{"umilk", "umilktia", "uinit"}
	supplyBefore := s.supply(denoms)
	for i := 0; i < 3; i++ {
		s.registerOperator()
	}
	services := []uint32{s.activeService(), s.activeService("umilktia"), s.activeService()}
	svcMsgs := newServicesMsgs(s)

	accepted := 0
	for block := 0; block < 150; block++ {
		for op := 0; op < 20; op++ {
			user := users[rng.Intn(len(users))]
			amount := sdk.NewCoins(sdk.NewInt64Coin(denoms[rng.Intn(len(denoms))], 1+rng.Int63n(5000)))
			var err error
			switch rng.Intn(11) {
			case 0, 1:
				_, err = s.msgs.DelegatePool(s.ctx, &types.MsgDelegatePool{Delegator: user, Amount: amount[0]})
			case 2:
				_, err = s.msgs.DelegateOperator(s.ctx, &types.MsgDelegateOperator{Delegator: user, OperatorId: 1 + uint32(rng.Intn(3)), Amount: amount})
			case 3:
				_, err = s.msgs.DelegateService(s.ctx, &types.MsgDelegateService{Delegator: user, ServiceId: services[rng.Intn(3)], Amount: amount})
			case 4:
				_, err = s.msgs.UndelegatePool(s.ctx, &types.MsgUndelegatePool{Delegator: user, Amount: amount[0]})
			case 5:
				_, err = s.msgs.UndelegateOperator(s.ctx, &types.MsgUndelegateOperator{Delegator: user, OperatorId: 1 + uint32(rng.Intn(3)), Amount: amount})
			case 6:
				_, err = s.msgs.UndelegateService(s.ctx, &types.MsgUndelegateService{Delegator: user, ServiceId: services[rng.Intn(3)], Amount: amount})
			case 7:
				s.flipStatus(rng, svcMsgs, services)
			case 8:
				_, err = s.msgs.JoinService(s.ctx, &types.MsgJoinService{Sender: alice, OperatorId: 1 + uint32(rng.Intn(3)), ServiceId: services[rng.Intn(3)]})
			case 9:
				_, err = s.msgs.AddOperatorToAllowList(s.ctx, &types.MsgAddOperatorToAllowList{Sender: bob, ServiceId: services[rng.Intn(3)], OperatorId: 1 + uint32(rng.Intn(3))})
			case 10:
				_, err = s.msgs.BorrowPoolSecurity(s.ctx, &types.MsgBorrowPoolSecurity{Sender: bob, ServiceId: services[rng.Intn(3)], PoolId: 1 + uint32(rng.Intn(3))})
			}
			if err == nil {
				accepted++
			}
		}
		s.nextBlock(time.Duration(1+rng.Intn(3600)) * time.Second) // checks the invariant
		s.Require().Equal(supplyBefore, s.supply(denoms), "tokens created or lost at block %d", block)
	}
	s.Require().Greater(accepted, 500, "the random walk must exercise the paths, not only rejections")

	s.T().Logf("%d of %d random operations accepted", accepted, 150*20)

	// Export the four modules, import them into a fresh store, export again.
	servicesGS, err := s.services.ExportGenesis(s.ctx)
	s.Require().NoError(err)
	operatorsGS, err := s.operators.ExportGenesis(s.ctx)
	s.Require().NoError(err)
	poolsGS, err := s.pools.ExportGenesis(s.ctx)
	s.Require().NoError(err)
	exported := s.exported()
	s.SetupTest()
	// The new app's InitChain loaded default genesis: empty the four
	// stores so the imports land as on a fresh chain.
	for _, store := range []string{servicestypes.StoreKey, poolstypes.StoreKey, operatorstypes.StoreKey, types.StoreKey} {
		s.f.ClearStore(s.ctx, store)
	}
	s.Require().NoError(s.services.InitGenesis(s.ctx, servicesGS))
	s.Require().NoError(s.pools.InitGenesis(s.ctx, poolsGS))
	s.Require().NoError(s.operators.InitGenesis(s.ctx, operatorsGS))
	s.Require().NoError(s.k.InitGenesis(s.ctx, exported))
	s.Require().Equal(exported, s.exported())
	s.Require().NotEmpty(exported.OperatorJoinedServices, "the walk must exercise joins")
}

// supply sums every account's balance through the bank's total supply.
func (s *KeeperTestSuite) supply(denoms []string) sdk.Coins {
	out := sdk.Coins{}
	for _, d := range denoms {
		out = out.Add(s.bank.GetSupply(s.ctx, d))
	}
	return out
}

type servicesMsgs = servicestypes.MsgServer

func newServicesMsgs(s *KeeperTestSuite) servicesMsgs { return serviceskeeper.NewMsgServer(s.services) }

// flipStatus toggles a random operator or service between active and not,
// so delegations meet targets in every state.
func (s *KeeperTestSuite) flipStatus(rng *rand.Rand, msgs servicesMsgs, services []uint32) {
	if rng.Intn(2) == 0 {
		id := 1 + uint32(rng.Intn(3))
		switch s.operatorStatus(id) {
		case operatorstypes.OPERATOR_STATUS_ACTIVE:
			s.deactivateOperator(id)
		case operatorstypes.OPERATOR_STATUS_INACTIVE:
			_, err := operatorskeeper.NewMsgServer(s.operators).ReactivateOperator(s.ctx,
				&operatorstypes.MsgReactivateOperator{Sender: alice, OperatorId: id})
			s.Require().NoError(err)
		}
		return
	}
	id := services[rng.Intn(len(services))]
	if _, err := msgs.DeactivateService(s.ctx, &servicestypes.MsgDeactivateService{Sender: bob, ServiceId: id}); err != nil {
		_, err = msgs.ActivateService(s.ctx, &servicestypes.MsgActivateService{Sender: bob, ServiceId: id})
		s.Require().NoError(err)
	}
}
