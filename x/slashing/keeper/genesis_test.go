package keeper_test

import (
	"testing"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// requireRoundTrip exports the slashing state, imports it into a fresh
// store and checks the second export is identical and the pipeline
// invariant holds there.
func (e *env) requireRoundTrip() *types.GenesisState {
	gs, err := e.k.ExportGenesis(e.ctx)
	require.NoError(e.t, err)
	require.NoError(e.t, gs.Validate())
	bz := e.cdc.MustMarshalJSON(gs)
	var decoded types.GenesisState
	e.cdc.MustUnmarshalJSON(bz, &decoded)
	ctx := e.freshSlashingStore()
	require.NoError(e.t, e.k.InitGenesis(ctx, &decoded))
	again, err := e.k.ExportGenesis(ctx)
	require.NoError(e.t, err)
	require.Equal(e.t, string(bz), string(e.cdc.MustMarshalJSON(again)))
	msg, broken := e.k.PipelineInvariant(ctx)
	require.False(e.t, broken, msg)
	return gs
}

func TestGenesisRoundTrip(t *testing.T) {
	x := newExample(t, treasury)
	e := x.e
	e.requireRoundTrip()
	x.untilDue()
	e.nextBlock(block)
	// A pending, a vetoed and an executed slash, a jail, dust, keys, rules.
	pending := e.submitDoubleSign(doubleSign(eve, x.s, x.o1, 8, e.ctx.BlockHeight(), "0.05"))
	vetoed := e.submitDoubleSign(doubleSign(eve, x.s, x.o1, 9, e.ctx.BlockHeight(), "0.05"))
	_, err := e.msgs.VetoSlash(e.ctx, &types.MsgVetoSlash{Sender: authority, SlashId: vetoed.SlashId, Reason: "duplicate task"})
	require.NoError(t, err)
	gs := e.requireRoundTrip()
	require.Len(t, gs.Slashes, 3)
	require.Equal(t, []types.SlashStatus{types.SLASH_STATUS_EXECUTED, types.SLASH_STATUS_PENDING, types.SLASH_STATUS_VETOED},
		[]types.SlashStatus{gs.Slashes[0].Status, gs.Slashes[1].Status, gs.Slashes[2].Status})
	require.Equal(t, uint64(4), gs.NextSlashId)
	require.Len(t, gs.Jails, 1)
	require.Len(t, gs.OperatorKeys, 1)
	require.Len(t, gs.Configs, 1)
	require.Equal(t, "0.126984126984127000umilktia", gs.Dust.String())
	require.Equal(t, pending.SlashId, gs.Slashes[1].Id)
}

func TestGenesisRoundTripWithSequencing(t *testing.T) {
	w := newSequencingWorld(t)
	gs := w.e.requireRoundTrip()
	require.Equal(t, types.SequencingService{ServiceId: w.sSeq, OperatorId: w.oSeq}, gs.Sequencing)
}

func TestDefaultGenesisRoundTrip(t *testing.T) {
	e := newEnv(t)
	gs := e.requireRoundTrip()
	require.Equal(t, uint64(1), gs.NextSlashId)
	require.Empty(t, gs.Slashes)
	require.True(t, gs.Dust.IsZero())
}

// TestInitGenesisChecksTheSequencingService: the sequencing service and
// operator must exist (the operator need not still be joined: governance
// administers both, and an export must import).
func TestInitGenesisChecksTheSequencingService(t *testing.T) {
	e := newEnv(t)
	s := e.service()
	joined := e.operator(seqAdmin, s)
	for _, tc := range []struct {
		name string
		seq  types.SequencingService
	}{
		{"unknown service", types.SequencingService{ServiceId: 99, OperatorId: joined}},
		{"unknown operator", types.SequencingService{ServiceId: s, OperatorId: 99}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gs := types.DefaultGenesis()
			gs.Sequencing = tc.seq
			require.NoError(t, gs.Validate())
			require.ErrorIs(t, e.k.InitGenesis(e.freshSlashingStore(), gs), types.ErrInvalidGenesis)
		})
	}
}

// TestSlashedTokensBurnFromAModuleAccount: the first slash creates the
// module account with its Burner permission (before the fix, restaking's
// transfer created a plain account at its address and burning panicked).
func TestSlashedTokensBurnFromAModuleAccount(t *testing.T) {
	e := newEnv(t)
	s := e.service()
	o := e.operator(op1Admin, s)
	e.setRules(s, "", rule(types.FAULT_KIND_DOUBLE_SIGN, "0.5", 0, 0))
	e.registerKey(op1Admin, o, s)
	e.delegate(alice, opType, o, "1000umilktia")
	moduleAddr := authtypes.NewModuleAddress(types.ModuleName)
	require.Nil(t, e.accounts.GetAccount(e.ctx, moduleAddr), "no account before the first slash")
	supply := e.supply("umilktia")
	e.submitDoubleSign(doubleSign(eve, s, o, 1, e.ctx.BlockHeight(), "0.5"))
	e.nextBlock(time.Second) // a zero veto window executes at this block's end
	e.requireStake(opType, o, "umilktia", 500, "1000")
	require.Equal(t, supply.SubRaw(500).String(), e.supply("umilktia").String())
	acc, ok := e.accounts.GetAccount(e.ctx, moduleAddr).(sdk.ModuleAccountI)
	require.True(t, ok, "the slashing address holds a module account")
	require.True(t, acc.HasPermission(authtypes.Burner))
}
