package keeper_test

import (
	cmtbytes "github.com/cometbft/cometbft/libs/bytes"
	sdk "github.com/cosmos/cosmos-sdk/types"
	transfertypes "github.com/cosmos/ibc-go/v8/modules/apps/transfer/types"

	"github.com/milkyway-labs/milkyway-rollup/x/assets/types"
)

// fakeDenomTraces is the transfer module's trace store, by hash.
type fakeDenomTraces map[string]transfertypes.DenomTrace

func (f fakeDenomTraces) GetDenomTrace(_ sdk.Context, hash cmtbytes.HexBytes) (transfertypes.DenomTrace, bool) {
	t, ok := f[hash.String()]
	return t, ok
}

// Named traces: ATOM over channel-0 is ibcAtomDenom (its hash is the
// SHA-256 of the trace); OSMO's voucher is registered but never arrived.
var (
	atomTrace    = transfertypes.DenomTrace{Path: "transfer/channel-0", BaseDenom: "uatom"}
	osmoTrace    = transfertypes.DenomTrace{Path: "transfer/channel-7", BaseDenom: "uosmo"}
	ibcAtomTrace = types.IBCTrace{Denom: ibcAtomDenom, Path: "transfer/channel-0", BaseDenom: "uatom"}
	ibcOsmo      = types.NewAsset(osmoTrace.IBCDenom(), "OSMO", 6)
)

// withTraces lets the keeper read the traces of vouchers that arrived.
func (s *KeeperTestSuite) withTraces(traces ...transfertypes.DenomTrace) {
	f := fakeDenomTraces{}
	for _, t := range traces {
		f[t.Hash().String()] = t
	}
	s.k.SetDenomTraceReader(f)
}

func (s *KeeperTestSuite) TestQueryAssetIBCTrace() {
	s.Require().Equal(ibcAtomDenom, atomTrace.IBCDenom(), "the fixture hash is the trace's")
	tests := []struct {
		name   string
		traces []transfertypes.DenomTrace
		denom  string
		exp    *types.IBCTrace
	}{
		{name: "voucher that arrived", traces: []transfertypes.DenomTrace{atomTrace}, denom: ibcAtomDenom, exp: &ibcAtomTrace},
		{name: "native denom", traces: []transfertypes.DenomTrace{atomTrace}, denom: "uatom"},
		{name: "voucher registered before it arrived", traces: []transfertypes.DenomTrace{atomTrace}, denom: ibcOsmo.Denom},
		{name: "no trace reader wired", denom: ibcAtomDenom},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			if tc.traces != nil {
				s.withTraces(tc.traces...)
			}
			s.register(atom, ibcAtom, ibcOsmo)
			res, err := s.queries.Asset(s.ctx, &types.QueryAssetRequest{Denom: tc.denom})
			s.Require().NoError(err)
			s.Require().Equal(tc.exp, res.IbcTrace)
		})
	}
}

func (s *KeeperTestSuite) TestQueryAssetsIBCTraces() {
	s.withTraces(atomTrace, osmoTrace)
	s.register(tia, atom, ibcAtom, ibcOsmo)
	osmo := types.IBCTrace{Denom: ibcOsmo.Denom, Path: osmoTrace.Path, BaseDenom: osmoTrace.BaseDenom}

	res, err := s.queries.Assets(s.ctx, &types.QueryAssetsRequest{})
	s.Require().NoError(err)
	s.Require().Equal([]types.Asset{ibcAtom, ibcOsmo, atom, tia}, res.Assets)
	s.Require().Equal([]types.IBCTrace{ibcAtomTrace, osmo}, res.IbcTraces, "one per voucher, in the order of assets")

	res, err = s.queries.Assets(s.ctx, &types.QueryAssetsRequest{Ticker: "ATOM"})
	s.Require().NoError(err)
	s.Require().Equal([]types.IBCTrace{ibcAtomTrace}, res.IbcTraces, "only the page's vouchers")

	res, err = s.queries.Assets(s.ctx, &types.QueryAssetsRequest{Ticker: "TIA"})
	s.Require().NoError(err)
	s.Require().Empty(res.IbcTraces)
}
