package keeper_test

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// securityFixture: operators 1 and 2 (admin alice), service 1 (admin bob,
// active), pool 1 (umilktia).
func (s *KeeperTestSuite) securityFixture() {
	s.registerOperator()
	s.registerOperator()
	s.activeService()
	s.delegatePool(alice, "10umilktia")
}

func (s *KeeperTestSuite) ids(res *types.QueryIDsResponse, err error) []uint32 {
	s.Require().NoError(err)
	return res.Ids
}

func (s *KeeperTestSuite) TestSecurityMsgs() {
	join := func(sender string, op, svc uint32) error {
		_, err := s.msgs.JoinService(s.ctx, &types.MsgJoinService{Sender: sender, OperatorId: op, ServiceId: svc})
		return err
	}
	allow := func(sender string, svc, op uint32) error {
		_, err := s.msgs.AddOperatorToAllowList(s.ctx, &types.MsgAddOperatorToAllowList{Sender: sender, ServiceId: svc, OperatorId: op})
		return err
	}
	tests := []struct {
		name   string
		setup  func()
		run    func() error
		expErr error
		check  func()
	}{
		{"operator joins an open service", nil, func() error { return join(alice, 1, 1) }, nil, func() {
			s.Require().Equal([]uint32{1}, s.ids(s.queries.ServiceOperators(s.ctx, &types.QueryServiceRequest{ServiceId: 1})))
			s.Require().Equal([]uint32{1}, s.ids(s.queries.OperatorJoinedServices(s.ctx, &types.QueryOperatorJoinedServicesRequest{OperatorId: 1})))
		}},
		{"join by someone who is not the operator admin", nil, func() error { return join(bob, 1, 1) }, access.ErrNotAdmin, nil},
		{"join twice", func() { s.Require().NoError(join(alice, 1, 1)) }, func() error { return join(alice, 1, 1) }, types.ErrAlreadyJoined, nil},
		{"join an inactive service", func() {
			_, err := serviceMsgs(s).DeactivateService(s.ctx, &servicestypes.MsgDeactivateService{Sender: bob, ServiceId: 1})
			s.Require().NoError(err)
		}, func() error { return join(alice, 1, 1) }, types.ErrTargetNotActive, nil},
		{"inactivating operator cannot join", func() { s.deactivateOperator(1) },
			func() error { return join(alice, 1, 1) }, types.ErrTargetNotActive, nil},
		{"join a service whose allowlist excludes the operator", func() { s.Require().NoError(allow(bob, 1, 2)) },
			func() error { return join(alice, 1, 1) }, types.ErrNotAllowed, nil},
		{"first allowlist entry evicts other joined operators", func() {
			s.Require().NoError(join(alice, 1, 1))
			s.Require().NoError(join(alice, 2, 1))
		}, func() error { return allow(bob, 1, 2) }, nil, func() {
			s.Require().Equal([]uint32{2}, s.ids(s.queries.ServiceOperators(s.ctx, &types.QueryServiceRequest{ServiceId: 1})))
			s.Require().Equal([]uint32{2}, s.ids(s.queries.ServiceAllowedOperators(s.ctx, &types.QueryServiceRequest{ServiceId: 1})))
		}},
		{"allowlist by someone who is not the service admin", nil, func() error { return allow(alice, 1, 1) }, access.ErrNotAdmin, nil},
		{"allowlist an unknown operator", nil, func() error { return allow(bob, 1, 9) }, types.ErrTargetNotFound, nil},
		{"allowlist twice", func() { s.Require().NoError(allow(bob, 1, 1)) }, func() error { return allow(bob, 1, 1) }, types.ErrAlreadyAllowed, nil},
		{"removing from the allowlist also leaves the service", func() {
			s.Require().NoError(allow(bob, 1, 1))
			s.Require().NoError(allow(bob, 1, 2))
			s.Require().NoError(join(alice, 1, 1))
		}, func() error {
			_, err := s.msgs.RemoveOperatorFromAllowList(s.ctx, &types.MsgRemoveOperatorFromAllowList{Sender: bob, ServiceId: 1, OperatorId: 1})
			return err
		}, nil, func() {
			s.Require().Empty(s.ids(s.queries.ServiceOperators(s.ctx, &types.QueryServiceRequest{ServiceId: 1})))
		}},
		{"removing the last entry reopens the service and keeps the join", func() {
			s.Require().NoError(allow(bob, 1, 1))
			s.Require().NoError(join(alice, 1, 1))
		}, func() error {
			_, err := s.msgs.RemoveOperatorFromAllowList(s.ctx, &types.MsgRemoveOperatorFromAllowList{Sender: bob, ServiceId: 1, OperatorId: 1})
			return err
		}, nil, func() {
			s.Require().Equal([]uint32{1}, s.ids(s.queries.ServiceOperators(s.ctx, &types.QueryServiceRequest{ServiceId: 1})))
		}},
		{"remove an operator that is not listed", nil, func() error {
			_, err := s.msgs.RemoveOperatorFromAllowList(s.ctx, &types.MsgRemoveOperatorFromAllowList{Sender: bob, ServiceId: 1, OperatorId: 1})
			return err
		}, types.ErrNotAllowed, nil},
		{"leave a service not joined", nil, func() error {
			_, err := s.msgs.LeaveService(s.ctx, &types.MsgLeaveService{Sender: alice, OperatorId: 1, ServiceId: 1})
			return err
		}, types.ErrNotJoined, nil},
		{"borrow a pool", nil, func() error {
			_, err := s.msgs.BorrowPoolSecurity(s.ctx, &types.MsgBorrowPoolSecurity{Sender: bob, ServiceId: 1, PoolId: 1})
			return err
		}, nil, func() {
			s.Require().Equal([]uint32{1}, s.ids(s.queries.ServiceSecuringPools(s.ctx, &types.QueryServiceRequest{ServiceId: 1})))
		}},
		{"borrow an unknown pool", nil, func() error {
			_, err := s.msgs.BorrowPoolSecurity(s.ctx, &types.MsgBorrowPoolSecurity{Sender: bob, ServiceId: 1, PoolId: 5})
			return err
		}, types.ErrTargetNotFound, nil},
		{"borrow by a stranger", nil, func() error {
			_, err := s.msgs.BorrowPoolSecurity(s.ctx, &types.MsgBorrowPoolSecurity{Sender: alice, ServiceId: 1, PoolId: 1})
			return err
		}, access.ErrNotAdmin, nil},
		{"cease a borrow that does not exist", nil, func() error {
			_, err := s.msgs.CeasePoolSecurityBorrow(s.ctx, &types.MsgCeasePoolSecurityBorrow{Sender: bob, ServiceId: 1, PoolId: 1})
			return err
		}, types.ErrNotBorrowed, nil},
		{"trust a service with one pool", nil, func() error {
			_, err := s.msgs.SetUserPreferences(s.ctx, &types.MsgSetUserPreferences{User: alice, Preferences: types.UserPreferences{
				TrustedServices: []types.TrustedServiceEntry{{ServiceId: 1, PoolIds: []uint32{1}}}}})
			return err
		}, nil, func() {
			res, err := s.queries.UserPreferences(s.ctx, &types.QueryUserPreferencesRequest{User: alice})
			s.Require().NoError(err)
			s.Require().True(res.Preferences.TrustsService(1, 1))
			s.Require().False(res.Preferences.TrustsService(1, 2))
		}},
		{"trust an unknown service", nil, func() error {
			_, err := s.msgs.SetUserPreferences(s.ctx, &types.MsgSetUserPreferences{User: alice, Preferences: types.UserPreferences{
				TrustedServices: []types.TrustedServiceEntry{{ServiceId: 4}}}})
			return err
		}, types.ErrInvalidPreferences, nil},
		{"trust with a repeated pool", nil, func() error {
			_, err := s.msgs.SetUserPreferences(s.ctx, &types.MsgSetUserPreferences{User: alice, Preferences: types.UserPreferences{
				TrustedServices: []types.TrustedServiceEntry{{ServiceId: 1, PoolIds: []uint32{1, 1}}}}})
			return err
		}, types.ErrInvalidPreferences, nil},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			s.securityFixture()
			if tc.setup != nil {
				tc.setup()
			}
			before := s.exported()
			err := tc.run()
			if tc.expErr != nil {
				s.Require().ErrorIs(err, tc.expErr)
				s.Require().Equal(before, s.exported(), "a rejected Msg must change nothing")
				return
			}
			s.Require().NoError(err)
			tc.check()
			exported := s.exported()
			s.Require().NoError(exported.Validate())
		})
	}
}

// TestDeletedOperatorLeavesEverything: deleting an operator drops its joins
// and allowlist entries, and a service left with an empty allowlist is
// deactivated instead of silently opened.
func (s *KeeperTestSuite) TestDeletedOperatorLeavesEverything() {
	s.securityFixture()
	_, err := s.msgs.AddOperatorToAllowList(s.ctx, &types.MsgAddOperatorToAllowList{Sender: bob, ServiceId: 1, OperatorId: 1})
	s.Require().NoError(err)
	_, err = s.msgs.JoinService(s.ctx, &types.MsgJoinService{Sender: alice, OperatorId: 1, ServiceId: 1})
	s.Require().NoError(err)

	s.Require().NoError(s.k.TargetHooks().BeforeOperatorDeleted(s.ctx, 1))
	s.Require().Empty(s.ids(s.queries.ServiceOperators(s.ctx, &types.QueryServiceRequest{ServiceId: 1})))
	s.Require().Empty(s.ids(s.queries.ServiceAllowedOperators(s.ctx, &types.QueryServiceRequest{ServiceId: 1})))
	svc, err := s.services.GetService(s.ctx, 1)
	s.Require().NoError(err)
	s.Require().Equal(servicestypes.SERVICE_STATUS_INACTIVE, svc.Status)
}

func (s *KeeperTestSuite) TestDeletedServiceDropsItsLinks() {
	s.securityFixture()
	_, err := s.msgs.JoinService(s.ctx, &types.MsgJoinService{Sender: alice, OperatorId: 2, ServiceId: 1})
	s.Require().NoError(err)
	_, err = s.msgs.BorrowPoolSecurity(s.ctx, &types.MsgBorrowPoolSecurity{Sender: bob, ServiceId: 1, PoolId: 1})
	s.Require().NoError(err)
	s.Require().NoError(s.k.TargetHooks().BeforeServiceDeleted(s.ctx, 1))
	gs := s.exported()
	s.Require().Empty(gs.OperatorJoinedServices)
	s.Require().Empty(gs.ServiceSecuringPools)
	_, err = s.msgs.DelegatePool(s.ctx, &types.MsgDelegatePool{Delegator: bob, Amount: sdk.NewInt64Coin("umilktia", 1)})
	s.Require().NoError(err, "pool delegations are unaffected")
}

func serviceMsgs(s *KeeperTestSuite) servicestypes.MsgServer { return newServicesMsgs(s) }
