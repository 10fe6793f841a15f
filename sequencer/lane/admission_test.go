package lane_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/sequencer/lane"
)

func admittedTxs(fs []lane.Forced) []string {
	var out []string
	for _, f := range fs {
		out = append(out, string(f.Tx))
	}
	return out
}

func TestAdmissionKeepsDAOrderAndDeadlines(t *testing.T) {
	a := lane.NewAdmission(rules, isTx)
	got, skipped := a.Admit(12, []lane.Blob{blob(12, tx("b", 10)), blob(12, tx("a", 10))})
	require.Empty(t, skipped)
	require.Equal(t, []string{string(tx("b", 10)), string(tx("a", 10))}, admittedTxs(got), "DA order, not byte order")
	require.Equal(t, uint64(29), got[0].Deadline, "epoch 1 + 1 grace epoch ends at DA height 29")
	require.Equal(t, uint64(12), got[0].DAHeight)
}

func TestAdmissionByteBudget(t *testing.T) {
	a := lane.NewAdmission(rules, isTx)
	// 40 + 40 = 80 of 100: a third 40-byte tx does not fit, a later 20-byte one does.
	got, skipped := a.Admit(20, []lane.Blob{blob(20, tx("1", 40)), blob(20, tx("2", 40)), blob(20, tx("3", 40)), blob(20, tx("4", 20))})
	require.Equal(t, []string{string(tx("1", 40)), string(tx("2", 40)), string(tx("4", 20))}, admittedTxs(got))
	require.Len(t, skipped, 1)
	require.ErrorIs(t, skipped[0].Err, lane.ErrOverBudget)
	// The budget is per epoch: the rest of epoch 2 has nothing left...
	got, skipped = a.Admit(29, []lane.Blob{blob(29, tx("5", 5))})
	require.Empty(t, got)
	require.ErrorIs(t, skipped[0].Err, lane.ErrOverBudget)
	// ...and epoch 3 starts afresh.
	got, _ = a.Admit(30, []lane.Blob{blob(30, tx("6", 40))})
	require.Len(t, got, 1)
}

func TestAdmissionSkipsJunkWithoutSpendingBudget(t *testing.T) {
	a := lane.NewAdmission(rules, isTx)
	got, skipped := a.Admit(40, []lane.Blob{
		blob(40, []byte("not a transaction at all")),
		blob(40, tx("big", 41)),
		blob(40, tx("ok1", 40)), blob(40, tx("ok2", 40)), blob(40, tx("ok3", 20)),
	})
	require.Len(t, skipped, 2)
	require.ErrorIs(t, skipped[0].Err, lane.ErrNotATx)
	require.ErrorIs(t, skipped[1].Err, lane.ErrTxTooLarge)
	require.Len(t, got, 3, "junk used none of the 100 bytes")
}

func TestAdmissionDuplicates(t *testing.T) {
	a := lane.NewAdmission(rules, isTx)
	got, skipped := a.Admit(50, []lane.Blob{blob(50, tx("x", 10)), blob(50, tx("x", 10))})
	require.Len(t, got, 1)
	require.ErrorIs(t, skipped[0].Err, lane.ErrDuplicate)
	_, skipped = a.Admit(55, []lane.Blob{blob(55, tx("x", 10))})
	require.ErrorIs(t, skipped[0].Err, lane.ErrDuplicate, "the same bytes again in the epoch")
	got, _ = a.Admit(60, []lane.Blob{blob(60, tx("x", 10))})
	require.Len(t, got, 1, "a new epoch forces it again (it then fails its sequence check in the block)")
}

func TestAdmissionBeforeStart(t *testing.T) {
	r := rules
	r.StartDaHeight = 15
	a := lane.NewAdmission(r, isTx)
	_, skipped := a.Admit(14, []lane.Blob{blob(14, tx("early", 10))})
	require.ErrorIs(t, skipped[0].Err, lane.ErrBeforeStart)
	require.Equal(t, uint64(15), lane.FirstHeight(r, 17), "reading starts at the lane's start, not its epoch's")
	require.Equal(t, uint64(20), lane.FirstHeight(r, 27))
}

func TestSequencerStartHeightCoversEveryDueTx(t *testing.T) {
	// At head 47 (epoch 4) a tx from epoch 3 is due by 49; one from epoch 2 was due by 39.
	require.Equal(t, uint64(30), lane.StartHeight(rules, 47))
	require.GreaterOrEqual(t, rules.Deadline(30), uint64(47), "the first height read is still due")
	require.Less(t, rules.Deadline(29), uint64(47), "the height before it is no longer due")
	require.Equal(t, uint64(1), lane.StartHeight(rules, 5), "DA heights start at 1")
}
