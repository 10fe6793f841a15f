package keeper_test

import (
	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

// TestGenesisRoundTrip exports a state with denoms, renounced admins and
// non-default params, loads it into a fresh chain and exports it again.
func (s *KeeperTestSuite) TestGenesisRoundTrip() {
	lrt := s.lrt()
	s.createDenom(bob, "ubob")
	_, err := s.msgs.ChangeAdmin(s.ctx, &types.MsgChangeAdmin{Sender: alice, Denom: lrt, NewAdmin: ""})
	s.Require().NoError(err)
	s.setParams(types.NewParams(nil, 7))
	exported := s.state().tokenfactory

	s.SetupTest()
	s.Require().NoError(s.k.InitGenesis(s.ctx, exported))
	s.Require().Equal(exported, s.state().tokenfactory)
	denoms, err := s.k.GetDenomsFromCreator(s.ctx, alice)
	s.Require().NoError(err)
	s.Require().Equal([]string{lrt}, denoms, "the creator index is rebuilt from genesis")
	msg, broken := s.k.DenomsInvariant(s.ctx)
	s.Require().False(broken, msg)
}
