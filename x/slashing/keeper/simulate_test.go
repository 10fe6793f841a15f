package keeper_test

import (
	"testing"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// TestSimulateSlashMatchesExecution: in the worked example, the what-if
// query of the pending slash reports the per-target totals its execution
// then takes and what each delegator loses, page by page, and writes
// nothing.
func TestSimulateSlashMatchesExecution(t *testing.T) {
	x := newExample(t, "")
	e := x.e
	x.untilDue()
	before := e.snapshot()
	req := &types.QuerySimulateSlashRequest{ServiceId: x.s, OperatorId: x.o1, Fraction: "0.1",
		InfractionHeight: x.infraction, Pagination: &query.PageRequest{Limit: 2, CountTotal: true}}
	page1, err := e.queries.SimulateSlash(e.ctx, req)
	require.NoError(t, err)
	require.Equal(t, before, e.snapshot(), "the what-if query must not write")

	wantTargets := []types.TargetLoss{
		{TargetType: int32(opType), TargetId: x.o1, Bonded: coins("100umilktia,30uinit"), Unbonding: coins("25umilktia")},
		{TargetType: int32(pool), TargetId: x.p, Bonded: coins("84umilktia"), Unbonding: sdk.Coins{}},
	}
	require.Equal(t, wantTargets, page1.Targets)
	require.Equal(t, coins("209umilktia,30uinit"), page1.Total)
	// alice: 600 shares 600 → 540, 300 → 270, unbondings 200 → 180 and
	// (at h) 50 → 45 (the one before h is not slashed); bob: 400 → 360.
	require.Equal(t, []types.DelegatorLoss{
		{Delegator: alice, TargetType: int32(opType), TargetId: x.o1, Loss: coins("85umilktia,30uinit")},
		{Delegator: bob, TargetType: int32(opType), TargetId: x.o1, Loss: coins("40umilktia")},
	}, page1.Delegators)
	// The exposed positions: alice, bob, and carol (the only member of
	// P's class trusting S); dave trusts no one and is never read.
	require.Equal(t, uint64(3), page1.Pagination.Total)
	require.NotEmpty(t, page1.Pagination.NextKey)

	// carol: her 915.873… shares are worth ⌊915.873… × 1916 / 1915.873…⌋ =
	// 915 of the 1000 she had; dave loses nothing and is not listed.
	after := restakingtypes.DenomStake{Tokens: sdkInt(1916), Shares: dec("1915.873015873015873")}
	require.Equal(t, "915", after.TokensFor(dec("915.873015873015873")).String())
	require.Equal(t, "1000", after.TokensFor(dec("1000")).String())
	req.Pagination = &query.PageRequest{Key: page1.Pagination.NextKey, Limit: 2}
	page2, err := e.queries.SimulateSlash(e.ctx, req)
	require.NoError(t, err)
	require.Equal(t, []types.DelegatorLoss{
		{Delegator: carol, TargetType: int32(pool), TargetId: x.p, Loss: coins("85umilktia")},
	}, page2.Delegators)
	require.Empty(t, page2.Pagination.NextKey)
	require.Equal(t, wantTargets, page2.Targets, "targets come in full on every page")

	// By offset too.
	req.Pagination = &query.PageRequest{Offset: 1, Limit: 1}
	byOffset, err := e.queries.SimulateSlash(e.ctx, req)
	require.NoError(t, err)
	require.Equal(t, page1.Delegators[1:], byOffset.Delegators)
	require.Equal(t, before, e.snapshot())

	// The execution takes exactly what was simulated.
	e.nextBlock(block)
	require.Equal(t, page1.Total, e.slash(x.slashID).Slashed)
	var got []types.TargetLoss
	for _, ev := range findEvent[*types.EventTargetSlashed](t, e.endEvents) {
		got = append(got, types.TargetLoss{TargetType: ev.TargetType, TargetId: ev.TargetId, Bonded: ev.Bonded, Unbonding: ev.Unbonding})
	}
	require.Equal(t, wantTargets[0], got[0])
	require.Equal(t, wantTargets[1].Bonded, got[1].Bonded)
	require.True(t, got[1].Unbonding.IsZero())
	require.Len(t, got, 2)
	// And the delegators lost what was simulated.
	tia, init := e.stake(opType, x.o1, "umilktia"), e.stake(opType, x.o1, "uinit")
	require.Equal(t, "540", tia.TokensFor(dec("600")).String())
	require.Equal(t, "270", init.TokensFor(dec("300")).String())
	require.Equal(t, "360", tia.TokensFor(dec("400")).String())
	carolDel, _ := e.delegation(carol, pool, x.p)
	require.Equal(t, "915", e.stake(pool, x.p, "umilktia").TokensFor(carolDel.Shares.AmountOf("umilktia")).String())
}

func TestSimulateSlashRefusals(t *testing.T) {
	x := newExample(t, "")
	e := x.e
	for _, tc := range []struct {
		name string
		req  *types.QuerySimulateSlashRequest
		code codes.Code
	}{
		{"nil request", nil, codes.InvalidArgument},
		{"not a decimal", &types.QuerySimulateSlashRequest{ServiceId: x.s, OperatorId: x.o1, Fraction: "ten percent"}, codes.InvalidArgument},
		{"zero fraction", &types.QuerySimulateSlashRequest{ServiceId: x.s, OperatorId: x.o1, Fraction: "0"}, codes.InvalidArgument},
		{"fraction above one", &types.QuerySimulateSlashRequest{ServiceId: x.s, OperatorId: x.o1, Fraction: "1.5"}, codes.InvalidArgument},
		{"unknown service", &types.QuerySimulateSlashRequest{ServiceId: 99, OperatorId: x.o1, Fraction: "0.1"}, codes.NotFound},
		{"unknown operator", &types.QuerySimulateSlashRequest{ServiceId: x.s, OperatorId: 99, Fraction: "0.1"}, codes.NotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.queries.SimulateSlash(e.ctx, tc.req)
			require.Equal(t, tc.code, status.Code(err), "%v", err)
		})
	}
	// O2 (1000 uinit, weight 1000/6300) at 100%: all its stake, and
	// 1000 × ⌊1 × 0.158730…⌋ of carol's trusting pool shares.
	res, err := e.queries.SimulateSlash(e.ctx, &types.QuerySimulateSlashRequest{ServiceId: x.s, OperatorId: x.o2, Fraction: "1"})
	require.NoError(t, err)
	w := dec("0.001").Quo(dec("0.0063"))
	burn := dec("1000").MulTruncate(dec("1").MulTruncate(w))
	require.Equal(t, "158.730158730158730000", burn.String())
	require.Equal(t, coins("158umilktia,1000uinit"), res.Total)
}
