package keeper_test

import (
	"time"

	"cosmossdk.io/math"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/keeper"
	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

func keeperAllInvariants(s *KeeperTestSuite) (string, bool) {
	return keeper.AllInvariants(s.k)(s.ctx)
}

func (s *KeeperTestSuite) TestInvariantsHoldThroughTheLifeCycle() {
	_, broken := keeperAllInvariants(s)
	s.Require().False(broken)
	s.buildRichState()
	msg, broken := keeperAllInvariants(s)
	s.Require().False(broken, msg)
}

func (s *KeeperTestSuite) TestInvariantsDetectBrokenState() {
	cases := []struct {
		name    string
		route   string
		breakIt func(s *KeeperTestSuite)
	}{
		{"inactivating operator not queued", "inactivation-queue", func(s *KeeperTestSuite) {
			op := s.operator(1)
			op.Status = types.OPERATOR_STATUS_INACTIVATING
			s.Require().NoError(s.k.SetOperatorRaw(s.ctx, op))
		}},
		{"queued operator is active", "inactivation-queue", func(s *KeeperTestSuite) {
			s.Require().NoError(s.k.EnqueueRaw(s.ctx, 1, t0.Add(time.Hour)))
		}},
		{"operator id not below next id", "valid-operators", func(s *KeeperTestSuite) {
			s.Require().NoError(s.k.SetNextOperatorIDRaw(s.ctx, 1))
		}},
		{"operator without params", "valid-operators", func(s *KeeperTestSuite) {
			addr, err := s.k.AddressCodec().BytesToString(types.OperatorAddress(5))
			s.Require().NoError(err)
			s.Require().NoError(s.k.SetNextOperatorIDRaw(s.ctx, 10))
			s.Require().NoError(s.k.SetOperatorRaw(s.ctx,
				types.NewOperator(5, types.OPERATOR_STATUS_ACTIVE, alice, "No Params", "", "", addr)))
		}},
		{"operator params out of bounds", "valid-params", func(s *KeeperTestSuite) {
			p := types.NewOperatorParams(math.LegacyNewDecWithPrec(3, 1), rate20, change1, t0)
			s.Require().NoError(s.k.SetOperatorParamsRaw(s.ctx, 1, p))
		}},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			s.SetupTest()
			s.register(alice)
			tc.breakIt(s)
			msg, broken := keeperAllInvariants(s)
			s.Require().True(broken)
			s.Require().Contains(msg, tc.route)
		})
	}
}
