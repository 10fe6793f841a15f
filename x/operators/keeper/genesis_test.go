package keeper_test

import (
	"time"

	"cosmossdk.io/math"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// buildRichState leaves operators in every status, a deleted id, a changed
// commission and non-default params.
func (s *KeeperTestSuite) buildRichState() {
	s.setParams(types.NewParams(coins("100umilk"), 48*time.Hour))
	for i := 0; i < 5; i++ {
		msg := newRegisterMsg(alice)
		msg.FeeAmount = coins("100umilk")
		_, err := s.ms.RegisterOperator(s.ctx, msg)
		s.Require().NoError(err)
	}
	s.advance(25 * time.Hour)
	_, err := s.ms.SetOperatorParams(s.ctx, &types.MsgSetOperatorParams{
		Sender: alice, OperatorId: 2, CommissionRate: math.LegacyMustNewDecFromStr("0.105"),
	})
	s.Require().NoError(err)
	_, err = s.ms.TransferOperatorOwnership(s.ctx, &types.MsgTransferOperatorOwnership{Sender: alice, OperatorId: 5, NewAdmin: bob})
	s.Require().NoError(err)
	s.deactivate(3) // becomes INACTIVE below
	s.deactivate(4) // deleted below
	s.advance(48 * time.Hour)
	s.Require().NoError(s.k.BeginBlocker(s.ctx))
	_, err = s.ms.DeleteOperator(s.ctx, &types.MsgDeleteOperator{Sender: alice, OperatorId: 4})
	s.Require().NoError(err)
	s.deactivate(1) // still INACTIVATING at export
	s.advance(time.Hour)
	s.deactivate(2)
}

func (s *KeeperTestSuite) TestGenesisRoundTrip() {
	s.buildRichState()
	exported, err := s.k.ExportGenesis(s.ctx)
	s.Require().NoError(err)
	s.Require().NoError(exported.Validate())
	s.Require().Equal(uint32(6), exported.NextOperatorId)
	s.Require().Len(exported.Operators, 4)
	s.Require().Len(exported.InactivatingOperators, 2)
	s.Require().Equal(uint32(1), exported.InactivatingOperators[0].OperatorId, "queue is exported in completion order")

	// Import into a fresh store (through JSON, like a real genesis file).
	bz, err := s.k.AddressCodec().BytesToString(types.OperatorAddress(1))
	s.Require().NoError(err)
	s.Require().Equal(bz, exported.Operators[0].Address)
	jsonBz := s.cdc.MustMarshalJSON(exported)
	s.SetupTest()
	var imported types.GenesisState
	s.cdc.MustUnmarshalJSON(jsonBz, &imported)
	s.Require().NoError(s.k.InitGenesis(s.ctx, &imported))

	again, err := s.k.ExportGenesis(s.ctx)
	s.Require().NoError(err)
	s.Require().Equal(exported, again)
	msg, broken := keeperAllInvariants(s)
	s.Require().False(broken, msg)

	// The imported queue still works.
	s.ctx = s.ctx.WithBlockTime(exported.InactivatingOperators[1].CompletionTime)
	s.Require().NoError(s.k.BeginBlocker(s.ctx))
	s.Require().Equal(types.OPERATOR_STATUS_INACTIVE, s.operator(2).Status)
}

func (s *KeeperTestSuite) TestInitGenesisRejectsInvalidStateAndStoresNothing() {
	s.buildRichState()
	gs, err := s.k.ExportGenesis(s.ctx)
	s.Require().NoError(err)
	gs.InactivatingOperators = nil // operators 1 and 2 are INACTIVATING but not queued

	s.SetupTest()
	before := s.state()
	s.Require().ErrorIs(s.k.InitGenesis(s.ctx, gs), types.ErrInvalidGenesis)
	s.Require().Equal(before, s.state())
}
