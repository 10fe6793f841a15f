package keeper_test

import (
	"bytes"
	"testing"
	"time"

	cmted25519 "github.com/cometbft/cometbft/crypto/ed25519"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// TestSequencerEquivocationSlashesTheSequencingOperator: two headers for
// one rollup height, both signed with the sequencer key x/sequencer holds,
// slash the stake restaked to the sequencing operator by the fraction.
func TestSequencerEquivocationSlashesTheSequencingOperator(t *testing.T) {
	w := newSequencingWorld(t)
	e := w.e
	seq, err := e.queries.Sequencing(e.ctx, &types.QuerySequencingRequest{})
	require.NoError(t, err)
	require.Equal(t, types.SequencingService{ServiceId: w.sSeq, OperatorId: w.oSeq}, seq.Sequencing)
	e.setRules(w.sSeq, "", rule(types.FAULT_KIND_EQUIVOCATION, "0.25", time.Hour, time.Minute))
	e.delegate(alice, opType, w.oSeq, "1200umilktia")
	e.delegate(bob, opType, w.oSeq, "500uinit")
	e.nextBlock(block)
	h := uint64(e.ctx.BlockHeight())
	e.nextBlock(block)
	e.undelegate(alice, opType, w.oSeq, "200umilktia") // after h: slashed too
	e.nextBlock(block)
	supply := e.supply("umilktia")

	res, err := e.msgs.SubmitEquivocation(e.ctx, equivocation(eve, h, "0.25"))
	require.NoError(t, err)
	s := e.slash(res.SlashId)
	require.Equal(t, types.FAULT_KIND_EQUIVOCATION, s.Kind)
	require.Equal(t, w.sSeq, s.ServiceId)
	require.Equal(t, w.oSeq, s.OperatorId)
	require.Equal(t, int64(h), s.InfractionHeight)

	e.untilExecutionDue(res.ExecuteAt, block)
	e.requireStake(opType, w.oSeq, "umilktia", 1000, "1000")
	e.nextBlock(block)
	// 25% of 1000 umilktia and 500 uinit, and of the 200 umilktia unbonding.
	e.requireStake(opType, w.oSeq, "umilktia", 750, "1000")
	e.requireStake(opType, w.oSeq, "uinit", 375, "500")
	require.Equal(t, []sdk.Coins{coins("150umilktia")}, e.unbondingBalances(alice, opType, w.oSeq))
	require.Equal(t, coins("300umilktia,125uinit"), e.slash(res.SlashId).Slashed)
	require.Equal(t, supply.SubRaw(300).String(), e.supply("umilktia").String())
	require.True(t, e.isJailed(w.oSeq, w.sSeq))
}

func TestSubmitEquivocationRefusals(t *testing.T) {
	w := newSequencingWorld(t)
	e := w.e
	e.setRules(w.sSeq, "", rule(types.FAULT_KIND_EQUIVOCATION, "0.5", 0, time.Minute))
	e.delegate(alice, opType, w.oSeq, "1000umilktia")
	e.advance(3, block)
	h := uint64(e.ctx.BlockHeight() - 1)
	_, err := e.msgs.SubmitEquivocation(e.ctx, equivocation(eve, h-1, "0.1"))
	require.NoError(t, err)

	submit := func(first, second []byte, fraction string) func() error {
		return func() error {
			_, err := e.msgs.SubmitEquivocation(e.ctx, &types.MsgSubmitEquivocation{Submitter: eve, FirstHeader: first, SecondHeader: second, Fraction: dec(fraction)})
			return err
		}
	}
	other := cmted25519.GenPrivKeyFromSecret([]byte("not the sequencer"))
	a := signedHeader(headerSpec{Height: h, Txs: []string{"tx-a"}})
	b := signedHeader(headerSpec{Height: h, Txs: []string{"tx-b"}})
	e.requireRefusals(t, []refusal{
		{"second header signed by another key", submit(a, signedHeader(headerSpec{Height: h, Txs: []string{"tx-b"}, Signer: other}), "0.1"), types.ErrInvalidSignature},
		{"first header signed by another key", submit(signedHeader(headerSpec{Height: h, Txs: []string{"tx-a"}, Signer: other}), b, "0.1"), types.ErrInvalidSignature},
		{"headers proposed by another key", submit(
			signedHeader(headerSpec{Height: h, Txs: []string{"tx-a"}, Key: other}),
			signedHeader(headerSpec{Height: h, Txs: []string{"tx-b"}, Key: other}), "0.1"), types.ErrInvalidSignature},
		{"different heights", submit(a, signedHeader(headerSpec{Height: h - 2, Txs: []string{"tx-b"}}), "0.1"), types.ErrInvalidEvidence},
		{"identical headers", submit(a, bytes.Clone(a), "0.1"), types.ErrInvalidEvidence},
		{"another chain", submit(a, signedHeader(headerSpec{ChainID: "other-1", Height: h, Txs: []string{"tx-b"}}), "0.1"), types.ErrInvalidEvidence},
		{"not a header", submit(a, []byte("garbage"), "0.1"), types.ErrInvalidEvidence},
		{"missing header", submit(a, nil, "0.1"), types.ErrInvalidEvidence},
		{"oversized header", submit(a, make([]byte, types.MaxHeaderSize+1), "0.1"), types.ErrInvalidEvidence},
		{"fraction above the rule's max", submit(a, b, "0.6"), types.ErrFractionTooHigh},
		{"zero fraction", submit(a, b, "0"), types.ErrInvalidFraction},
		{"the same height again, with a third header", submit(
			signedHeader(headerSpec{Height: h - 1, Txs: []string{"tx-c"}}),
			signedHeader(headerSpec{Height: h - 1, Txs: []string{"tx-d"}}), "0.1"), types.ErrDuplicateEvidence},
	})
	require.NoError(t, submit(a, b, "0.5")())
}

func TestSubmitEquivocationWithoutSequencing(t *testing.T) {
	e := newEnv(t)
	e.advance(3, block)
	before := e.snapshot()
	_, err := e.msgs.SubmitEquivocation(e.ctx, equivocation(eve, 2, "0.1"))
	require.ErrorIs(t, err, types.ErrNoSequencing)
	require.Equal(t, before, e.snapshot())
}

// TestSubmitStateMismatch: the sequencer's header is verified on chain and
// the re-execution claim waits out the subjective veto window.
func TestSubmitStateMismatch(t *testing.T) {
	w := newSequencingWorld(t)
	e := w.e
	e.setRules(w.sSeq, "", rule(types.FAULT_KIND_STATE_MISMATCH, "0.5", 0, types.DefaultMinSubjectiveVetoWindow))
	e.advance(3, block)
	h := uint64(e.ctx.BlockHeight() - 1)
	claimed := bytes.Repeat([]byte{1}, 32)
	header := signedHeader(headerSpec{Height: h, AppHash: claimed})
	msg := func(expected []byte, hdr []byte) *types.MsgSubmitStateMismatch {
		return &types.MsgSubmitStateMismatch{Submitter: eve, Header: hdr, ExpectedAppHash: expected, Fraction: dec("0.1"),
			Block: types.DAPointer{Namespace: types.DefaultParams().EvidenceNamespace, Height: 5, Commitment: []byte("block")}}
	}
	submit := func(m *types.MsgSubmitStateMismatch) func() error {
		return func() error {
			_, err := e.msgs.SubmitStateMismatch(e.ctx, m)
			return err
		}
	}
	other := cmted25519.GenPrivKeyFromSecret([]byte("not the sequencer"))
	e.requireRefusals(t, []refusal{
		{"the header claims the expected hash", submit(msg(claimed, header)), types.ErrInvalidEvidence},
		{"short expected hash", submit(msg(claimed[:31], header)), types.ErrInvalidEvidence},
		{"header signed by another key", submit(msg(make([]byte, 32), signedHeader(headerSpec{Height: h, AppHash: claimed, Signer: other}))), types.ErrInvalidSignature},
	})
	res, err := e.msgs.SubmitStateMismatch(e.ctx, msg(make([]byte, 32), header))
	require.NoError(t, err)
	require.Equal(t, e.ctx.BlockTime().Add(types.DefaultMinSubjectiveVetoWindow), res.ExecuteAt)
}
