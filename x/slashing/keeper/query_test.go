package keeper_test

import (
	"strings"
	"testing"
	"time"

	"github.com/cosmos/cosmos-sdk/types/query"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	rewardstypes "github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

func TestQueries(t *testing.T) {
	e := newEnv(t)
	s := e.service()
	o1, o2 := e.operator(op1Admin, s), e.operator(op2Admin, s)
	e.setRules(s, "", rule(types.FAULT_KIND_DOUBLE_SIGN, "0.5", 0, time.Hour))
	e.registerKey(op1Admin, o1, s)
	e.registerKey(op2Admin, o2, s)
	e.nextBlock(block)
	h := e.ctx.BlockHeight()
	// Slashes 1 and 3 against o1, 2 against o2; 1 executes first.
	e.submitDoubleSign(doubleSign(eve, s, o1, 1, h, "0.1"))
	e.nextBlock(block)
	e.submitDoubleSign(doubleSign(eve, s, o2, 1, h, "0.1"))
	e.submitDoubleSign(doubleSign(eve, s, o1, 2, h, "0.1"))

	pending := func(operator uint32, page *query.PageRequest) ([]uint64, *query.PageResponse) {
		res, err := e.queries.PendingSlashes(e.ctx, &types.QueryPendingSlashesRequest{OperatorId: operator, Pagination: page})
		require.NoError(t, err)
		var ids []uint64
		for _, s := range res.Slashes {
			ids = append(ids, s.Id)
		}
		return ids, res.Pagination
	}
	ids, _ := pending(0, nil)
	require.Equal(t, []uint64{1, 2, 3}, ids, "soonest first")
	ids, _ = pending(o1, nil)
	require.Equal(t, []uint64{1, 3}, ids)
	ids, page := pending(0, &query.PageRequest{Limit: 2})
	require.Equal(t, []uint64{1, 2}, ids)
	ids, _ = pending(0, &query.PageRequest{Key: page.NextKey, Limit: 2})
	require.Equal(t, []uint64{3}, ids)

	all, err := e.queries.Slashes(e.ctx, &types.QuerySlashesRequest{Pagination: &query.PageRequest{Limit: 1, CountTotal: true}})
	require.NoError(t, err)
	require.Len(t, all.Slashes, 1)
	require.Equal(t, uint64(3), all.Pagination.Total)

	_, err = e.queries.Slash(e.ctx, &types.QuerySlashRequest{SlashId: 9})
	require.Equal(t, codes.NotFound, status.Code(err))
	_, err = e.queries.OperatorKey(e.ctx, &types.QueryOperatorKeyRequest{OperatorId: o1, ServiceId: 99})
	require.Equal(t, codes.NotFound, status.Code(err))
	_, err = e.queries.ServiceConfig(e.ctx, &types.QueryServiceConfigRequest{ServiceId: 99})
	require.Equal(t, codes.NotFound, status.Code(err))
	_, err = e.queries.ServiceConfig(e.ctx, &types.QueryServiceConfigRequest{})
	require.Equal(t, codes.InvalidArgument, status.Code(err))
	unconfigured := e.service()
	cfg, err := e.queries.ServiceConfig(e.ctx, &types.QueryServiceConfigRequest{ServiceId: unconfigured})
	require.NoError(t, err)
	require.Equal(t, types.ServiceSlashingConfig{ServiceId: unconfigured, Slasher: admin}, cfg.Config)
	seq, err := e.queries.Sequencing(e.ctx, &types.QuerySequencingRequest{})
	require.NoError(t, err)
	require.Equal(t, types.SequencingService{}, seq.Sequencing)
	dust, err := e.queries.Dust(e.ctx, &types.QueryDustRequest{})
	require.NoError(t, err)
	require.True(t, dust.Dust.IsZero())
	jails, err := e.queries.Jails(e.ctx, &types.QueryJailsRequest{})
	require.NoError(t, err)
	require.Empty(t, jails.Jails)
}

// TestSlashThatCannotExecute: a slash whose execution fails (here its
// rule, loaded from a genesis, pays a module account the bank refuses to
// pay; MsgSetSlashingRules refuses such recipients) is recorded as FAILED
// with the reason and leaves stake, balances and jails alone; the chain
// goes on.
func TestSlashThatCannotExecute(t *testing.T) {
	e := newEnv(t)
	s := e.service()
	o := e.operator(op1Admin, s)
	blocked := authtypes.NewModuleAddress(rewardstypes.ModuleName).String()
	bad := rule(types.FAULT_KIND_DOUBLE_SIGN, "0.5", time.Hour, 0)
	bad.Recipient = blocked
	_, err := e.msgs.SetSlashingRules(e.ctx, &types.MsgSetSlashingRules{Sender: admin, ServiceId: s, Rules: []types.SlashingRule{bad}})
	require.ErrorIs(t, err, types.ErrInvalidRule)
	e.setRules(s, "", rule(types.FAULT_KIND_DOUBLE_SIGN, "0.5", time.Hour, 0))
	e.registerKey(op1Admin, o, s)
	e.delegate(alice, opType, o, "1000umilktia")
	e.nextBlock(block)
	supply := e.supply("umilktia")
	res := e.submitDoubleSign(doubleSign(eve, s, o, 1, e.ctx.BlockHeight(), "0.5"))
	gs, err := e.k.ExportGenesis(e.ctx)
	require.NoError(t, err)
	gs.Slashes[0].Rule.Recipient = blocked
	require.NoError(t, e.k.InitGenesis(e.ctx, gs))
	e.nextBlock(block)
	got := e.slash(res.SlashId)
	require.Equal(t, types.SLASH_STATUS_FAILED, got.Status)
	require.True(t, strings.HasPrefix(got.Reason, "not executed: "), got.Reason)
	require.True(t, got.Slashed.IsZero())
	e.requireStake(opType, o, "umilktia", 1000, "1000")
	require.Equal(t, supply.String(), e.supply("umilktia").String())
	require.False(t, e.isJailed(o, s))
	require.Empty(t, findEvent[*types.EventSlashExecuted](t, e.endEvents))
}
