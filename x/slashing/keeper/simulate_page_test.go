package keeper_test

import (
	"testing"

	"github.com/cosmos/cosmos-sdk/types/query"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// TestSimulateSlashPages: in the lazy world, the what-if query of a slash
// at S1 pages by key over alice (O's delegator) and the members of P's
// classes trusting S1 (carol, dave); erin (S2 only) and bob (no one) are
// never listed. Every page size gives the same losses as one big page.
func TestSimulateSlashPages(t *testing.T) {
	w := newLazyWorld(t)
	e := w.e
	req := func(p *query.PageRequest) *types.QuerySimulateSlashRequest {
		return &types.QuerySimulateSlashRequest{ServiceId: w.s1, OperatorId: w.o, Fraction: "0.1", Pagination: p}
	}
	all, err := e.queries.SimulateSlash(e.ctx, req(&query.PageRequest{Limit: 1000, CountTotal: true}))
	require.NoError(t, err)
	require.Empty(t, all.Pagination.NextKey)
	require.Equal(t, uint64(3), all.Pagination.Total)
	var who []string
	for _, l := range all.Delegators {
		who = append(who, l.Delegator)
	}
	require.ElementsMatch(t, []string{alice, carol, dave}, who)
	for limit := uint64(1); limit <= 3; limit++ {
		var got []types.DelegatorLoss
		p := &query.PageRequest{Limit: limit}
		for pages := 0; ; pages++ {
			require.Less(t, pages, 4, "limit %d does not end", limit)
			res, err := e.queries.SimulateSlash(e.ctx, req(p))
			require.NoError(t, err)
			require.LessOrEqual(t, uint64(len(res.Delegators)), limit)
			got = append(got, res.Delegators...)
			if len(res.Pagination.NextKey) == 0 {
				break
			}
			p = &query.PageRequest{Key: res.Pagination.NextKey, Limit: limit}
		}
		require.Equal(t, all.Delegators, got, "limit %d", limit)
	}
	// The last page ends without a key: nothing is left to read.
	last, err := e.queries.SimulateSlash(e.ctx, req(&query.PageRequest{Offset: 2, Limit: 1}))
	require.NoError(t, err)
	require.Equal(t, all.Delegators[2:], last.Delegators)
	require.Empty(t, last.Pagination.NextKey)
	for _, key := range [][]byte{{1}, {0, 0, 0, 99, 1}} {
		_, err = e.queries.SimulateSlash(e.ctx, req(&query.PageRequest{Key: key}))
		require.Equal(t, codes.InvalidArgument, status.Code(err), "key %v", key)
	}
}
