package keeper_test

import (
	"github.com/milkyway-labs/milkyway-rollup/x/assets/types"
)

func (s *KeeperTestSuite) TestGenesisRoundTrip() {
	s.register(tia, atom, milk, ibcAtom)
	s.register(types.NewAsset("umilk", "MILK2", 0))
	exported := s.exported()
	s.Require().Len(exported.Assets, 4)

	s.SetupTest()
	s.Require().NoError(s.k.InitGenesis(s.ctx, exported))
	s.Require().Equal(exported, s.exported())
	s.requireIndexMatchesAssets()
	got, err := s.k.GetAssetsByTicker(s.ctx, "ATOM")
	s.Require().NoError(err)
	s.Require().Equal([]types.Asset{ibcAtom, atom}, got)
}

func (s *KeeperTestSuite) TestInitGenesisRejects() {
	tests := []struct {
		name   string
		gs     *types.GenesisState
		expErr error
	}{
		{"duplicate denom", types.NewGenesisState([]types.Asset{atom, atom}), types.ErrInvalidGenesis},
		{"invalid ticker", types.NewGenesisState([]types.Asset{types.NewAsset("uatom", "Atom", 6)}), types.ErrInvalidGenesis},
		{"invalid exponent", types.NewGenesisState([]types.Asset{types.NewAsset("uatom", "ATOM", 30)}), types.ErrInvalidGenesis},
		{"invalid denom", types.NewGenesisState([]types.Asset{types.NewAsset("", "ATOM", 6)}), types.ErrInvalidGenesis},
		{"malformed ibc denom", types.NewGenesisState([]types.Asset{types.NewAsset("ibc/xyz", "ATOM", 6)}), types.ErrInvalidGenesis},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			s.Require().ErrorIs(s.k.InitGenesis(s.ctx, tc.gs), tc.expErr)
			s.Require().Empty(s.exported().Assets)
		})
	}
}
