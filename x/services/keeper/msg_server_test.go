package keeper_test

import (
	"errors"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

func coins(amount int64, denom string) sdk.Coins {
	return sdk.NewCoins(sdk.NewCoin(denom, sdkmath.NewInt(amount)))
}

func (s *KeeperTestSuite) TestCreateService() {
	tests := []struct {
		name   string
		setup  func()
		msg    *types.MsgCreateService
		expErr error
		check  func(id uint32)
	}{
		{
			name: "no fee required",
			msg:  &types.MsgCreateService{Sender: admin, Name: "oracle", Website: "https://o.example"},
			check: func(id uint32) {
				svc := s.service(id)
				s.Require().Equal(types.SERVICE_STATUS_CREATED, svc.Status)
				s.Require().Equal(admin, svc.Admin)
				s.Require().Equal(types.ServiceAddress(id).String(), svc.Address)
				s.Require().True(s.accounts.accounts[svc.Address], "service account created")
				isSvc, err := s.k.IsServiceAddress(s.ctx, types.ServiceAddress(id))
				s.Require().NoError(err)
				s.Require().True(isSvc)
			},
		},
		{
			name:  "fee paid in one of the fee denoms goes to the community pool",
			setup: func() { s.setFee(coins(100, "umilk").Add(coins(5, "uatom")...)) },
			msg:   &types.MsgCreateService{Sender: admin, Name: "oracle", FeeAmount: coins(100, "umilk")},
			check: func(uint32) { s.Require().Equal(coins(100, "umilk"), s.pool.funded) },
		},
		{
			name:   "fee too low",
			setup:  func() { s.setFee(coins(100, "umilk")) },
			msg:    &types.MsgCreateService{Sender: admin, Name: "oracle", FeeAmount: coins(99, "umilk")},
			expErr: types.ErrInsufficientFee,
		},
		{
			name:   "fee missing",
			setup:  func() { s.setFee(coins(100, "umilk")) },
			msg:    &types.MsgCreateService{Sender: admin, Name: "oracle"},
			expErr: types.ErrInsufficientFee,
		},
		{
			name:   "sender cannot pay",
			setup:  func() { s.pool.fail = true },
			msg:    &types.MsgCreateService{Sender: admin, Name: "oracle", FeeAmount: coins(1, "umilk")},
			expErr: types.ErrInsufficientFee,
		},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			if tc.setup != nil {
				tc.setup()
			}
			before := s.exported()
			res, err := s.msgs.CreateService(s.ctx, tc.msg)
			if tc.expErr != nil {
				s.Require().ErrorIs(err, tc.expErr)
				s.Require().Equal(before, s.exported(), "a rejected Msg must change nothing")
				return
			}
			s.Require().NoError(err)
			s.Require().Equal(uint32(1), res.NewServiceId)
			tc.check(res.NewServiceId)
		})
	}
}

func (s *KeeperTestSuite) setFee(fee sdk.Coins) {
	_, err := s.msgs.UpdateParams(s.ctx, &types.MsgUpdateParams{Authority: authority, Params: types.NewParams(fee)})
	s.Require().NoError(err)
}

func (s *KeeperTestSuite) TestAdminMsgs() {
	keep := types.DoNotModify
	tests := []struct {
		name   string
		run    func(id uint32) error
		expErr error
		check  func(id uint32)
	}{
		{"update keeps unmodified fields", func(id uint32) error {
			_, err := s.msgs.UpdateService(s.ctx, &types.MsgUpdateService{Sender: admin, ServiceId: id, Name: keep, Description: "new", Website: keep, PictureUrl: keep})
			return err
		}, nil, func(id uint32) {
			s.Require().Equal("oracle", s.service(id).Name)
			s.Require().Equal("new", s.service(id).Description)
		}},
		{"update by stranger", func(id uint32) error {
			_, err := s.msgs.UpdateService(s.ctx, &types.MsgUpdateService{Sender: stranger, ServiceId: id, Name: "x"})
			return err
		}, access.ErrNotAdmin, nil},
		{"update unknown service", func(uint32) error {
			_, err := s.msgs.UpdateService(s.ctx, &types.MsgUpdateService{Sender: admin, ServiceId: 99, Name: "x"})
			return err
		}, types.ErrServiceNotFound, nil},
		{"activate", func(id uint32) error {
			_, err := s.msgs.ActivateService(s.ctx, &types.MsgActivateService{Sender: admin, ServiceId: id})
			return err
		}, nil, func(id uint32) { s.Require().Equal(types.SERVICE_STATUS_ACTIVE, s.service(id).Status) }},
		{"activate by stranger", func(id uint32) error {
			_, err := s.msgs.ActivateService(s.ctx, &types.MsgActivateService{Sender: stranger, ServiceId: id})
			return err
		}, access.ErrNotAdmin, nil},
		{"deactivate a created service", func(id uint32) error {
			_, err := s.msgs.DeactivateService(s.ctx, &types.MsgDeactivateService{Sender: admin, ServiceId: id})
			return err
		}, types.ErrInvalidStatus, nil},
		{"delete a created service", func(id uint32) error {
			_, err := s.msgs.DeleteService(s.ctx, &types.MsgDeleteService{Sender: admin, ServiceId: id})
			return err
		}, nil, func(id uint32) {
			_, err := s.k.GetService(s.ctx, id)
			s.Require().ErrorIs(err, types.ErrServiceNotFound)
			isSvc, _ := s.k.IsServiceAddress(s.ctx, types.ServiceAddress(id))
			s.Require().False(isSvc)
		}},
		{"delete refused while stake remains", func(id uint32) error {
			s.guard.refuse = errors.New("2 delegations remain")
			_, err := s.msgs.DeleteService(s.ctx, &types.MsgDeleteService{Sender: admin, ServiceId: id})
			return err
		}, types.ErrServiceInUse, nil},
		{"delete by stranger", func(id uint32) error {
			_, err := s.msgs.DeleteService(s.ctx, &types.MsgDeleteService{Sender: stranger, ServiceId: id})
			return err
		}, access.ErrNotAdmin, nil},
		{"transfer ownership", func(id uint32) error {
			_, err := s.msgs.TransferServiceOwnership(s.ctx, &types.MsgTransferServiceOwnership{Sender: admin, ServiceId: id, NewAdmin: newAdmin})
			return err
		}, nil, func(id uint32) { s.Require().Equal(newAdmin, s.service(id).Admin) }},
		{"transfer by stranger", func(id uint32) error {
			_, err := s.msgs.TransferServiceOwnership(s.ctx, &types.MsgTransferServiceOwnership{Sender: stranger, ServiceId: id, NewAdmin: stranger})
			return err
		}, access.ErrNotAdmin, nil},
		{"set params", func(id uint32) error {
			_, err := s.msgs.SetServiceParams(s.ctx, &types.MsgSetServiceParams{Sender: admin, ServiceId: id, ServiceParams: types.ServiceParams{AllowedDenoms: []string{"umilktia"}}})
			return err
		}, nil, func(id uint32) {
			res, err := s.queries.ServiceParams(s.ctx, &types.QueryServiceParamsRequest{ServiceId: id})
			s.Require().NoError(err)
			s.Require().Equal([]string{"umilktia"}, res.ServiceParams.AllowedDenoms)
		}},
		{"set params with a repeated denom", func(id uint32) error {
			_, err := s.msgs.SetServiceParams(s.ctx, &types.MsgSetServiceParams{Sender: admin, ServiceId: id, ServiceParams: types.ServiceParams{AllowedDenoms: []string{"umilk", "umilk"}}})
			return err
		}, types.ErrInvalidServiceParams, nil},
		{"accredit by gov", func(id uint32) error {
			_, err := s.msgs.AccreditService(s.ctx, &types.MsgAccreditService{Authority: authority, ServiceId: id})
			return err
		}, nil, func(id uint32) { s.Require().True(s.service(id).Accredited) }},
		{"accredit by admin", func(id uint32) error {
			_, err := s.msgs.AccreditService(s.ctx, &types.MsgAccreditService{Authority: admin, ServiceId: id})
			return err
		}, access.ErrNotGovAuthority, nil},
		{"revoke an accreditation that was never given", func(id uint32) error {
			_, err := s.msgs.RevokeServiceAccreditation(s.ctx, &types.MsgRevokeServiceAccreditation{Authority: authority, ServiceId: id})
			return err
		}, types.ErrAccreditationUnchanged, nil},
		{"update params by stranger", func(uint32) error {
			_, err := s.msgs.UpdateParams(s.ctx, &types.MsgUpdateParams{Authority: stranger, Params: types.DefaultParams()})
			return err
		}, access.ErrNotGovAuthority, nil},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			id := s.createService("oracle")
			before := s.exported()
			err := tc.run(id)
			if tc.expErr != nil {
				s.Require().ErrorIs(err, tc.expErr)
				s.Require().Equal(before, s.exported(), "a rejected Msg must change nothing")
				return
			}
			s.Require().NoError(err)
			tc.check(id)
			msg, broken := s.k.ValidServicesInvariant(s.ctx)
			s.Require().False(broken, msg)
		})
	}
}

func (s *KeeperTestSuite) TestActiveServiceLifecycle() {
	id := s.activeService()
	_, err := s.msgs.ActivateService(s.ctx, &types.MsgActivateService{Sender: admin, ServiceId: id})
	s.Require().ErrorIs(err, types.ErrInvalidStatus, "already active")
	_, err = s.msgs.DeleteService(s.ctx, &types.MsgDeleteService{Sender: admin, ServiceId: id})
	s.Require().ErrorIs(err, types.ErrInvalidStatus, "active services cannot be deleted")

	_, err = s.msgs.DeactivateService(s.ctx, &types.MsgDeactivateService{Sender: admin, ServiceId: id})
	s.Require().NoError(err)
	s.Require().Equal(types.SERVICE_STATUS_INACTIVE, s.service(id).Status)
	_, err = s.msgs.ActivateService(s.ctx, &types.MsgActivateService{Sender: admin, ServiceId: id})
	s.Require().NoError(err, "inactive services can be reactivated")
}

func (s *KeeperTestSuite) TestGenesisRoundTrip() {
	first := s.activeService()
	second := s.createService("bridge")
	_, err := s.msgs.SetServiceParams(s.ctx, &types.MsgSetServiceParams{Sender: admin, ServiceId: second, ServiceParams: types.ServiceParams{AllowedDenoms: []string{"umilk"}}})
	s.Require().NoError(err)
	_, err = s.msgs.AccreditService(s.ctx, &types.MsgAccreditService{Authority: authority, ServiceId: first})
	s.Require().NoError(err)
	exported := s.exported()

	s.SetupTest()
	s.Require().NoError(s.k.InitGenesis(s.ctx, exported))
	s.Require().Equal(exported, s.exported())
	s.Require().Equal(uint32(3), s.createService("next"), "ids continue after import")
}

func (s *KeeperTestSuite) TestQueries() {
	for i := 0; i < 3; i++ {
		s.createService("svc")
	}
	res, err := s.queries.Services(s.ctx, &types.QueryServicesRequest{})
	s.Require().NoError(err)
	s.Require().Len(res.Services, 3)
	_, err = s.queries.Service(s.ctx, &types.QueryServiceRequest{ServiceId: 42})
	s.Require().ErrorContains(err, "not found")
	params, err := s.queries.Params(s.ctx, &types.QueryParamsRequest{})
	s.Require().NoError(err)
	s.Require().Equal(types.DefaultParams(), params.Params)
}
