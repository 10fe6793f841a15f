package keeper_test

import (
	"crypto/sha256"
	"testing"
	"time"

	"github.com/celestiaorg/go-square/v2/share"
	cmted25519 "github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/stretchr/testify/require"

	sequencertypes "github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// testLane is the forced-inclusion lane of the censorship worlds: it counts
// from DA height 100, epochs of 10 DA blocks, one epoch of grace. A
// transaction posted at DA height 105 (epoch 10) is due by DA height 119.
func testLane() sequencertypes.ForcedInclusion {
	lane := sequencertypes.DefaultForcedInclusion()
	lane.StartDaHeight = 100
	lane.EpochLength = 10
	lane.GraceEpochs = 1
	return lane
}

const (
	forcedDAHeight = 105
	laneDeadline   = 119
	censorshipBond = 500
	censorshipVeto = time.Hour
)

// chainNamespace is the chain's (rollkit's) namespace late blocks are in.
func chainNamespace() []byte {
	ns, err := share.NewV0Namespace([]byte("milkyway"))
	if err != nil {
		panic(err)
	}
	return ns.Bytes()
}

// newCensorshipWorld is a sequencing world whose sequencer genesis has lane
// (off when its namespace is empty), a censorship rule on the sequencing
// service (max 0.1, vetoable for an hour), a 500umilk evidence bond, and
// alice's 1000umilktia on the sequencer's operator.
func newCensorshipWorld(t *testing.T, lane sequencertypes.ForcedInclusion) *sequencingWorld {
	w := &sequencingWorld{}
	w.e = newEnv(t, func(e *env, gs *types.GenesisState) {
		_, err := e.sequencer.InitGenesis(e.ctx, &sequencertypes.GenesisState{
			Sequencer:       sequencertypes.Sequencer{Name: "sequencer", ConsensusPubkey: sequencerKey.PubKey().Bytes()},
			ForcedInclusion: lane,
		})
		require.NoError(t, err)
		w.sSeq = e.service()
		w.oSeq = e.operator(seqAdmin, w.sSeq)
		gs.Sequencing = types.SequencingService{ServiceId: w.sSeq, OperatorId: w.oSeq}
		gs.Params.MinSubjectiveVetoWindow = time.Minute
		gs.Params.StateMismatchBond = coins("500umilk")
	})
	e := w.e
	e.setRules(w.sSeq, "", rule(types.FAULT_KIND_CENSORSHIP, "0.1", 0, censorshipVeto))
	e.delegate(alice, opType, w.oSeq, "1000umilktia")
	e.advance(3, block)
	return w
}

// forcedTx is the blob of a forced transaction in the lane at daHeight.
func forcedTx(daHeight uint64, tx string) types.DAPointer {
	return types.DAPointer{Namespace: testLane().Namespace, Height: daHeight, Commitment: []byte("commitment of " + tx)}
}

// censorship accuses the sequencer of leaving tx, posted to the lane at
// forcedHeight, out of every block below the one at DA height lateHeight
// (rollup height rollupHeight).
func censorship(submitter string, forcedHeight uint64, tx string, lateHeight, rollupHeight uint64) *types.MsgSubmitCensorship {
	sum := sha256.Sum256([]byte(tx))
	return &types.MsgSubmitCensorship{
		Submitter:  submitter,
		ForcedTx:   forcedTx(forcedHeight, tx),
		TxHash:     sum[:],
		LateHeader: signedHeader(headerSpec{Height: rollupHeight, Txs: []string{"some other tx"}}),
		LateBlock:  types.DAPointer{Namespace: chainNamespace(), Height: lateHeight, Commitment: []byte("late block")},
		Fraction:   dec("0.05"),
	}
}

// TestSubmitCensorship: evidence of a forced transaction left out past its
// deadline becomes a pending, bonded slash of the sequencing operator at
// the rule's maximum, stored with the forced blob's DA pointer, executing
// when the rule's veto window closes.
func TestSubmitCensorship(t *testing.T) {
	w := newCensorshipWorld(t, testLane())
	e := w.e
	h := uint64(e.ctx.BlockHeight() - 1)
	eveMilk := e.balance(eve, "umilk")

	msg := censorship(eve, forcedDAHeight, "forced tx", laneDeadline+1, h)
	res, err := e.msgs.SubmitCensorship(e.ctx, msg)
	require.NoError(t, err)
	require.Equal(t, e.ctx.BlockTime().Add(censorshipVeto), res.ExecuteAt, "the censorship rule's veto window")

	s := e.slash(res.SlashId)
	require.Equal(t, types.FAULT_KIND_CENSORSHIP, s.Kind)
	require.Equal(t, types.SLASH_STATUS_PENDING, s.Status)
	require.Equal(t, w.sSeq, s.ServiceId)
	require.Equal(t, w.oSeq, s.OperatorId)
	require.Equal(t, eve, s.Submitter)
	require.Equal(t, "0.100000000000000000", s.Fraction.String(), "anyone's evidence executes at the rule's max")
	require.Equal(t, int64(h), s.InfractionHeight, "the late header's rollup height")
	require.Equal(t, types.CensorshipEvidenceID(msg.ForcedTx), s.EvidenceHash)
	require.NotNil(t, s.DaPointer)
	require.Equal(t, msg.ForcedTx, *s.DaPointer, "the forced blob is what verifiers fetch")
	require.Equal(t, coins("500umilk"), s.Bond)
	require.Equal(t, eveMilk.SubRaw(censorshipBond).String(), e.balance(eve, "umilk").String(), "the bond is escrowed")
	require.Equal(t, []uint64{res.SlashId}, e.pendingIDs())
}

// TestSubmitCensorshipRefusals: each way the chain can tell censorship
// evidence is wrong is refused with its error and changes nothing.
func TestSubmitCensorshipRefusals(t *testing.T) {
	w := newCensorshipWorld(t, testLane())
	e := w.e
	h := uint64(e.ctx.BlockHeight() - 1)
	submit := func(m *types.MsgSubmitCensorship) func() error {
		return func() error {
			_, err := e.msgs.SubmitCensorship(e.ctx, m)
			return err
		}
	}
	// c is genuine evidence for "tx A" at DA height 105, edited by mod.
	c := func(mod func(m *types.MsgSubmitCensorship)) *types.MsgSubmitCensorship {
		m := censorship(eve, forcedDAHeight, "tx A", laneDeadline+1, h)
		mod(m)
		return m
	}
	other := cmted25519.GenPrivKeyFromSecret([]byte("not the sequencer"))
	otherNS, err := share.NewV0Namespace([]byte("other-ns"))
	require.NoError(t, err)
	pauper := addr("pauper")
	e.requireRefusals(t, []refusal{
		{"bad submitter", submit(c(func(m *types.MsgSubmitCensorship) { m.Submitter = "eve" })), types.ErrInvalidAddress},
		{"forced tx in the chain namespace, not the lane", submit(c(func(m *types.MsgSubmitCensorship) {
			m.ForcedTx.Namespace = chainNamespace()
		})), types.ErrInvalidDAPointer},
		{"forced tx in another namespace", submit(c(func(m *types.MsgSubmitCensorship) { m.ForcedTx.Namespace = otherNS.Bytes() })), types.ErrInvalidDAPointer},
		{"malformed lane namespace", submit(c(func(m *types.MsgSubmitCensorship) { m.ForcedTx.Namespace = []byte("ns") })), types.ErrInvalidDAPointer},
		{"forced tx without commitment", submit(c(func(m *types.MsgSubmitCensorship) { m.ForcedTx.Commitment = nil })), types.ErrInvalidDAPointer},
		{"late block without commitment", submit(c(func(m *types.MsgSubmitCensorship) { m.LateBlock.Commitment = nil })), types.ErrInvalidDAPointer},
		{"forced tx before the lane starts", submit(c(func(m *types.MsgSubmitCensorship) { m.ForcedTx = forcedTx(99, "tx A") })), types.ErrInvalidEvidence},
		{"late block posted exactly at the deadline", submit(c(func(m *types.MsgSubmitCensorship) { m.LateBlock.Height = laneDeadline })), types.ErrInvalidEvidence},
		{"late block posted within the grace epoch", submit(c(func(m *types.MsgSubmitCensorship) { m.LateBlock.Height = 112 })), types.ErrInvalidEvidence},
		{"late block posted in the tx's own epoch", submit(c(func(m *types.MsgSubmitCensorship) { m.LateBlock.Height = 109 })), types.ErrInvalidEvidence},
		{"late block at the forced tx's DA height", submit(c(func(m *types.MsgSubmitCensorship) { m.LateBlock.Height = forcedDAHeight })), types.ErrInvalidEvidence},
		{"late block below the forced tx", submit(c(func(m *types.MsgSubmitCensorship) { m.LateBlock.Height = forcedDAHeight - 1 })), types.ErrInvalidEvidence},
		{"late header signed by another key", submit(c(func(m *types.MsgSubmitCensorship) {
			m.LateHeader = signedHeader(headerSpec{Height: h, Signer: other})
		})), types.ErrInvalidSignature},
		{"late header of another proposer", submit(c(func(m *types.MsgSubmitCensorship) {
			m.LateHeader = signedHeader(headerSpec{Height: h, Key: other})
		})), types.ErrInvalidSignature},
		{"late header of another chain", submit(c(func(m *types.MsgSubmitCensorship) {
			m.LateHeader = signedHeader(headerSpec{Height: h, ChainID: "other-chain"})
		})), types.ErrInvalidEvidence},
		{"late header is not a header", submit(c(func(m *types.MsgSubmitCensorship) { m.LateHeader = []byte("junk") })), types.ErrInvalidEvidence},
		{"no late header", submit(c(func(m *types.MsgSubmitCensorship) { m.LateHeader = nil })), types.ErrInvalidEvidence},
		{"tx hash of 31 bytes", submit(c(func(m *types.MsgSubmitCensorship) { m.TxHash = m.TxHash[:31] })), types.ErrInvalidEvidence},
		{"no tx hash", submit(c(func(m *types.MsgSubmitCensorship) { m.TxHash = nil })), types.ErrInvalidEvidence},
		{"zero fraction", submit(c(func(m *types.MsgSubmitCensorship) { m.Fraction = dec("0") })), types.ErrInvalidFraction},
		{"fraction above the rule's max", submit(c(func(m *types.MsgSubmitCensorship) { m.Fraction = dec("0.2") })), types.ErrFractionTooHigh},
		{"submitter cannot pay the bond", submit(c(func(m *types.MsgSubmitCensorship) { m.Submitter = pauper })), types.ErrInsufficientBond},
	})

	// One pending censorship per operator: a second forced tx waits.
	first, err := e.msgs.SubmitCensorship(e.ctx, c(func(*types.MsgSubmitCensorship) {}))
	require.NoError(t, err)
	e.requireRefusals(t, []refusal{
		{"second censorship while one is pending", submit(censorship(alice, forcedDAHeight+1, "tx B", laneDeadline+1, h)), types.ErrSlashPending},
		{"the same forced blob while pending", submit(c(func(*types.MsgSubmitCensorship) {})), types.ErrSlashPending},
	})

	// Once it executed, the same forced blob is used up, whoever submits it
	// and whichever late block it names.
	e.untilExecutionDue(first.ExecuteAt, block)
	e.nextBlock(block)
	require.Equal(t, types.SLASH_STATUS_EXECUTED, e.slash(first.SlashId).Status)
	e.requireRefusals(t, []refusal{
		{"duplicate evidence for the same forced blob", submit(c(func(*types.MsgSubmitCensorship) {})), types.ErrDuplicateEvidence},
		{"duplicate, another submitter and late block", submit(c(func(m *types.MsgSubmitCensorship) {
			m.Submitter = alice
			m.LateBlock.Height = laneDeadline + 5
			m.LateBlock.Commitment = []byte("another late block")
		})), types.ErrDuplicateEvidence},
	})
	// Another forced blob at the same height is another fault.
	_, err = e.msgs.SubmitCensorship(e.ctx, censorship(alice, forcedDAHeight, "tx B", laneDeadline+1, h))
	require.NoError(t, err)
}

// TestSubmitCensorshipWithoutLane: a chain whose sequencer genesis has no
// lane (off: empty namespace) takes no censorship evidence.
func TestSubmitCensorshipWithoutLane(t *testing.T) {
	w := newCensorshipWorld(t, sequencertypes.ForcedInclusion{})
	e := w.e
	h := uint64(e.ctx.BlockHeight() - 1)
	e.requireRefusals(t, []refusal{{"lane off", func() error {
		_, err := e.msgs.SubmitCensorship(e.ctx, censorship(eve, forcedDAHeight, "tx A", laneDeadline+1, h))
		return err
	}, types.ErrInvalidEvidence}})
}

// TestSubmitCensorshipNeedsSequencingAndRule: without a sequencing service
// there is nobody to slash; without a censorship rule nothing to apply.
func TestSubmitCensorshipNeedsSequencingAndRule(t *testing.T) {
	e := newEnv(t)
	e.advance(3, block)
	h := uint64(e.ctx.BlockHeight() - 1)
	e.requireRefusals(t, []refusal{{"no sequencing service", func() error {
		_, err := e.msgs.SubmitCensorship(e.ctx, censorship(eve, forcedDAHeight, "tx A", laneDeadline+1, h))
		return err
	}, types.ErrNoSequencing}})

	w := newSequencingWorld(t)
	_, err := w.e.sequencer.InitGenesis(w.e.ctx, &sequencertypes.GenesisState{
		Sequencer:       sequencertypes.Sequencer{Name: "sequencer", ConsensusPubkey: sequencerKey.PubKey().Bytes()},
		ForcedInclusion: testLane(),
	})
	require.NoError(t, err)
	w.e.requireRefusals(t, []refusal{{"no censorship rule", func() error {
		_, err := w.e.msgs.SubmitCensorship(w.e.ctx, censorship(eve, forcedDAHeight, "tx A", laneDeadline+1, h))
		return err
	}, types.ErrNoRule}})
}

// TestCensorshipBond: a veto burns the submitter's bond and frees the
// forced blob for other evidence; execution returns the bond and slashes
// the sequencing operator at the rule's max fraction.
func TestCensorshipBond(t *testing.T) {
	w := newCensorshipWorld(t, testLane())
	e := w.e
	h := uint64(e.ctx.BlockHeight() - 1)
	eveMilk, supply := e.balance(eve, "umilk"), e.supply("umilk")

	vetoed, err := e.msgs.SubmitCensorship(e.ctx, censorship(eve, forcedDAHeight, "tx A", laneDeadline+1, h))
	require.NoError(t, err)
	e.nextBlock(block)
	_, err = e.msgs.VetoSlash(e.ctx, &types.MsgVetoSlash{Sender: authority, SlashId: vetoed.SlashId, Reason: "tx A is in block 40"})
	require.NoError(t, err)
	require.Equal(t, types.SLASH_STATUS_VETOED, e.slash(vetoed.SlashId).Status)
	require.Equal(t, supply.SubRaw(censorshipBond).String(), e.supply("umilk").String(), "the vetoed bond is burned")
	require.Equal(t, eveMilk.SubRaw(censorshipBond).String(), e.balance(eve, "umilk").String())
	e.requireStake(opType, w.oSeq, "umilktia", 1000, "1000")

	// The vetoed evidence did not use the forced blob up.
	executed, err := e.msgs.SubmitCensorship(e.ctx, censorship(eve, forcedDAHeight, "tx A", laneDeadline+3, h))
	require.NoError(t, err)
	require.Equal(t, eveMilk.SubRaw(2*censorshipBond).String(), e.balance(eve, "umilk").String())
	e.untilExecutionDue(executed.ExecuteAt, block)
	require.Equal(t, types.SLASH_STATUS_PENDING, e.slash(executed.SlashId).Status, "pending until the window's block ends")
	e.nextBlock(block)
	require.Equal(t, types.SLASH_STATUS_EXECUTED, e.slash(executed.SlashId).Status)
	require.Equal(t, eveMilk.SubRaw(censorshipBond).String(), e.balance(eve, "umilk").String(), "only the vetoed bond is lost")
	e.requireStake(opType, w.oSeq, "umilktia", 900, "1000")
}
