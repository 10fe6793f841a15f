package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
)

func TestLaneDeadlines(t *testing.T) {
	lane := types.ForcedInclusion{EpochLength: 10, GraceEpochs: 1}
	for _, tc := range []struct{ daHeight, epoch, start, deadline uint64 }{
		{daHeight: 1, epoch: 0, start: 0, deadline: 19},
		{daHeight: 9, epoch: 0, start: 0, deadline: 19},   // the epoch's last height: same deadline
		{daHeight: 10, epoch: 1, start: 10, deadline: 29}, // the next epoch's first: one epoch later
		{daHeight: 25, epoch: 2, start: 20, deadline: 39},
	} {
		require.Equal(t, tc.epoch, lane.Epoch(tc.daHeight), "epoch of %d", tc.daHeight)
		require.Equal(t, tc.start, lane.EpochStart(tc.daHeight), "epoch start of %d", tc.daHeight)
		require.Equal(t, tc.deadline, lane.Deadline(tc.daHeight), "deadline of %d", tc.daHeight)
	}
	noGrace := types.ForcedInclusion{EpochLength: 4}
	require.Equal(t, uint64(7), noGrace.Deadline(5), "no grace: the end of the blob's own epoch")
}

func TestLaneStartHeight(t *testing.T) {
	lane := types.ForcedInclusion{EpochLength: 10, StartDaHeight: 100}
	require.False(t, lane.Counts(99))
	require.True(t, lane.Counts(100))
	require.False(t, types.ForcedInclusion{EpochLength: 10}.Counts(0), "DA heights start at 1")
}

func TestLaneValidation(t *testing.T) {
	require.NoError(t, types.DefaultForcedInclusion().Validate())
	require.NoError(t, types.ForcedInclusion{}.Validate(), "no namespace: the lane is off")
	mutate := func(f func(*types.ForcedInclusion)) types.ForcedInclusion {
		l := types.DefaultForcedInclusion()
		f(&l)
		return l
	}
	for name, lane := range map[string]types.ForcedInclusion{
		"half configured": {EpochLength: 10},
		"bad namespace":   mutate(func(l *types.ForcedInclusion) { l.Namespace = []byte{1, 2, 3} }),
		"reserved namespace": mutate(func(l *types.ForcedInclusion) {
			l.Namespace = append([]byte{0}, make([]byte, 28)...)
		}),
		"zero epoch":         mutate(func(l *types.ForcedInclusion) { l.EpochLength = 0 }),
		"zero budget":        mutate(func(l *types.ForcedInclusion) { l.EpochByteBudget = 0 }),
		"tx over the budget": mutate(func(l *types.ForcedInclusion) { l.MaxTxBytes = l.EpochByteBudget + 1 }),
		"endless grace":      mutate(func(l *types.ForcedInclusion) { l.GraceEpochs = 1001 }),
	} {
		require.ErrorIs(t, lane.Validate(), types.ErrInvalidForcedInclusion, name)
	}
}
