package keeper_test

import (
	"testing"

	"github.com/celestiaorg/go-square/v2/share"
	cmted25519 "github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

func TestSubmitDoubleSignRefusals(t *testing.T) {
	f := newMsgFixture(t)
	e := f.e
	h := e.ctx.BlockHeight() - 1
	submit := func(m *types.MsgSubmitDoubleSign) func() error {
		return func() error {
			_, err := e.msgs.SubmitDoubleSign(e.ctx, m)
			return err
		}
	}
	// ds is a genuine double sign of o1 at s for task 10 at h, edited by mod.
	ds := func(mod func(m *types.MsgSubmitDoubleSign)) *types.MsgSubmitDoubleSign {
		m := doubleSign(eve, f.s, f.o1, 10, h, "0.1")
		mod(m)
		return m
	}
	o1Key := taskKey(f.o1, f.s)
	other := cmted25519.GenPrivKeyFromSecret([]byte("someone else"))
	e.requireRefusals(t, []refusal{
		{"bad submitter", submit(ds(func(m *types.MsgSubmitDoubleSign) { m.Submitter = "eve" })), types.ErrInvalidAddress},
		{"zero fraction", submit(ds(func(m *types.MsgSubmitDoubleSign) { m.Fraction = dec("0") })), types.ErrInvalidFraction},
		{"fraction above one", submit(ds(func(m *types.MsgSubmitDoubleSign) { m.Fraction = dec("1.1") })), types.ErrInvalidFraction},
		{"forged: both signed by another key", submit(ds(func(m *types.MsgSubmitDoubleSign) {
			m.First = task(other, f.s, f.o1, 10, h, "answer A")
			m.Second = task(other, f.s, f.o1, 10, h, "answer B")
		})), types.ErrInvalidSignature},
		{"forged: second signed by another key", submit(ds(func(m *types.MsgSubmitDoubleSign) {
			m.Second = task(other, f.s, f.o1, 10, h, "answer B")
		})), types.ErrInvalidSignature},
		{"forged: o1's key for another service", submit(ds(func(m *types.MsgSubmitDoubleSign) {
			m.Second = task(taskKey(f.o1, f.sNoRules), f.s, f.o1, 10, h, "answer B")
		})), types.ErrInvalidSignature},
		{"signature over another chain", submit(ds(func(m *types.MsgSubmitDoubleSign) {
			t2, err := types.SignedTask{ServiceId: f.s, OperatorId: f.o1, TaskId: 10, Height: h, Payload: []byte("answer B")}.Sign("other-chain", o1Key)
			require.NoError(t, err)
			m.Second = t2
		})), types.ErrInvalidSignature},
		{"payload changed after signing", submit(ds(func(m *types.MsgSubmitDoubleSign) { m.Second.Payload = []byte("answer C") })), types.ErrInvalidSignature},
		{"short signature", submit(ds(func(m *types.MsgSubmitDoubleSign) { m.Second.Signature = m.Second.Signature[:63] })), types.ErrInvalidSignature},
		{"tasks differ in task id", submit(ds(func(m *types.MsgSubmitDoubleSign) {
			m.Second = task(o1Key, f.s, f.o1, 11, h, "answer B")
		})), types.ErrInvalidEvidence},
		{"tasks differ in operator", submit(ds(func(m *types.MsgSubmitDoubleSign) {
			m.Second = task(o1Key, f.s, f.o2, 10, h, "answer B")
		})), types.ErrInvalidEvidence},
		{"same payload", submit(ds(func(m *types.MsgSubmitDoubleSign) {
			m.Second = task(o1Key, f.s, f.o1, 10, h+1, "answer A")
		})), types.ErrInvalidEvidence},
		{"unknown service", submit(doubleSign(eve, 99, f.o1, 10, h, "0.1")), types.ErrServiceNotFound},
		{"inactive service", submit(doubleSign(eve, f.sInactive, f.o1, 10, h, "0.1")), types.ErrServiceNotActive},
		{"no key registered", submit(doubleSign(eve, f.s, f.o2, 10, h, "0.1")), types.ErrKeyNotFound},
		{"no rule for the kind", submit(doubleSign(eve, f.sNoRules, f.o1, 10, h, "0.1")), types.ErrNoRule},
		{"fraction above the rule's max", submit(ds(func(m *types.MsgSubmitDoubleSign) { m.Fraction = dec("0.300000000000000001") })), types.ErrFractionTooHigh},
		{"duplicate evidence", submit(doubleSign(eve, f.s, f.o1, 1, h, "0.1")), types.ErrDuplicateEvidence},
		{"duplicate evidence, by another submitter, other fraction", submit(doubleSign(alice, f.s, f.o1, 1, h, "0.2")), types.ErrDuplicateEvidence},
		{"duplicate evidence with a third payload", submit(&types.MsgSubmitDoubleSign{Submitter: eve, Fraction: dec("0.1"),
			First: task(o1Key, f.s, f.o1, 1, h, "answer A"), Second: task(o1Key, f.s, f.o1, 1, h, "answer C")}), types.ErrDuplicateEvidence},
		{"zero task height", submit(doubleSign(eve, f.s, f.o1, 10, 0, "0.1")), types.ErrInvalidEvidence},
	})
	// A vetoed submission gave its fault back: the real evidence may come.
	_, err := e.msgs.SubmitDoubleSign(e.ctx, doubleSign(eve, f.s, f.o1, 2, h, "0.1"))
	require.NoError(t, err)
	// Heights come from what the operator signed: a future or far-past one
	// is clamped into [now - max_evidence_age, now], never a way out.
	future, err := e.msgs.SubmitDoubleSign(e.ctx, doubleSign(eve, f.s, f.o1, 30, e.ctx.BlockHeight()+100, "0.1"))
	require.NoError(t, err)
	require.Equal(t, e.ctx.BlockHeight(), e.slash(future.SlashId).InfractionHeight)
	old, err := e.msgs.SubmitDoubleSign(e.ctx, doubleSign(eve, f.s, f.o1, 31, 1, "0.1"))
	require.NoError(t, err)
	require.Equal(t, max(e.ctx.BlockHeight()-fixtureMaxAge, 1), e.slash(old.SlashId).InfractionHeight)
	// At exactly the age limit and at the current height: accepted.
	_, err = e.msgs.SubmitDoubleSign(e.ctx, doubleSign(eve, f.s, f.o1, 20, e.ctx.BlockHeight()-fixtureMaxAge, "0.1"))
	require.NoError(t, err)
	_, err = e.msgs.SubmitDoubleSign(e.ctx, doubleSign(eve, f.s, f.o1, 21, e.ctx.BlockHeight(), "0.3"))
	require.NoError(t, err)
}

func TestSubmitAttestedFaultRefusals(t *testing.T) {
	f := newMsgFixture(t)
	e := f.e
	submit := func(m *types.MsgSubmitAttestedFault) func() error {
		return func() error {
			_, err := e.msgs.SubmitAttestedFault(e.ctx, m)
			return err
		}
	}
	at := func(mod func(m *types.MsgSubmitAttestedFault)) *types.MsgSubmitAttestedFault {
		m := f.attested(slasher, f.s, f.o1)
		m.Evidence.Commitment = []byte("another blob")
		mod(m)
		return m
	}
	otherNS, err := share.NewV0Namespace([]byte("other-ns"))
	require.NoError(t, err)
	e.requireRefusals(t, []refusal{
		{"bad slasher address", submit(at(func(m *types.MsgSubmitAttestedFault) { m.Slasher = "slasher" })), types.ErrInvalidAddress},
		{"not the slasher (the admin, once a slasher is set)", submit(at(func(m *types.MsgSubmitAttestedFault) { m.Slasher = admin })), types.ErrUnauthorized},
		{"not the slasher", submit(at(func(m *types.MsgSubmitAttestedFault) { m.Slasher = eve })), types.ErrUnauthorized},
		{"wrong namespace", submit(at(func(m *types.MsgSubmitAttestedFault) { m.Evidence.Namespace = otherNS.Bytes() })), types.ErrInvalidDAPointer},
		{"malformed namespace", submit(at(func(m *types.MsgSubmitAttestedFault) { m.Evidence.Namespace = []byte("ns") })), types.ErrInvalidDAPointer},
		{"zero DA height", submit(at(func(m *types.MsgSubmitAttestedFault) { m.Evidence.Height = 0 })), types.ErrInvalidDAPointer},
		{"no commitment", submit(at(func(m *types.MsgSubmitAttestedFault) { m.Evidence.Commitment = nil })), types.ErrInvalidDAPointer},
		{"operator not joined", submit(at(func(m *types.MsgSubmitAttestedFault) { m.OperatorId = f.oOut })), types.ErrNotJoined},
		{"unknown operator", submit(at(func(m *types.MsgSubmitAttestedFault) { m.OperatorId = 99 })), types.ErrNotJoined},
		{"inactive service", submit(at(func(m *types.MsgSubmitAttestedFault) { m.ServiceId = f.sInactive; m.Slasher = admin })), types.ErrServiceNotActive},
		{"unknown service", submit(at(func(m *types.MsgSubmitAttestedFault) { m.ServiceId = 99 })), types.ErrServiceNotFound},
		{"no rule for the kind", submit(at(func(m *types.MsgSubmitAttestedFault) { m.ServiceId = f.sNoRules; m.Slasher = admin })), types.ErrNoRule},
		{"fraction above the rule's max", submit(at(func(m *types.MsgSubmitAttestedFault) { m.Fraction = dec("0.31") })), types.ErrFractionTooHigh},
		{"zero infraction height", submit(at(func(m *types.MsgSubmitAttestedFault) { m.InfractionHeight = 0 })), types.ErrInvalidEvidence},
		{"infraction in the future", submit(at(func(m *types.MsgSubmitAttestedFault) { m.InfractionHeight = e.ctx.BlockHeight() + 1 })), types.ErrInvalidEvidence},
		{"infraction too old", submit(at(func(m *types.MsgSubmitAttestedFault) { m.InfractionHeight = e.ctx.BlockHeight() - fixtureMaxAge - 1 })), types.ErrEvidenceTooOld},
		{"reason too long", submit(at(func(m *types.MsgSubmitAttestedFault) { m.Reason = string(make([]byte, types.MaxReasonLength+1)) })), types.ErrInvalidEvidence},
		{"the same blob again", submit(f.attested(slasher, f.s, f.o1)), types.ErrDuplicateEvidence},
	})
	res, err := e.msgs.SubmitAttestedFault(e.ctx, at(func(*types.MsgSubmitAttestedFault) {}))
	require.NoError(t, err)
	require.Equal(t, e.ctx.BlockTime().Add(fixtureMinVeto), res.ExecuteAt, "attested faults wait the whole subjective window")
	s := e.slash(res.SlashId)
	require.Equal(t, types.FAULT_KIND_ATTESTED, s.Kind)
	require.Equal(t, slasher, s.Submitter)
	require.Equal(t, "missed 40 tasks", s.Reason)
	require.Equal(t, []byte("another blob"), s.DaPointer.Commitment)
}

func TestVetoSlashRefusals(t *testing.T) {
	f := newMsgFixture(t)
	e := f.e
	veto := func(sender string, id uint64) func() error {
		return func() error {
			_, err := e.msgs.VetoSlash(e.ctx, &types.MsgVetoSlash{Sender: sender, SlashId: id, Reason: "no"})
			return err
		}
	}
	e.requireRefusals(t, []refusal{
		{"bad sender", veto("resolver", f.pendingDS), types.ErrInvalidAddress},
		{"zero slash id", veto(resolver, 0), types.ErrSlashNotFound},
		{"unknown slash", veto(resolver, 99), types.ErrSlashNotFound},
		{"not the resolver", veto(outsider, f.pendingDS), types.ErrUnauthorized},
		{"the service admin is not the resolver", veto(admin, f.pendingDS), types.ErrUnauthorized},
		{"governance when the rule names a resolver", veto(authority, f.pendingDS), types.ErrUnauthorized},
		{"a resolver of another rule when the rule names none", veto(resolver, f.pendingAttested), types.ErrUnauthorized},
		{"already vetoed", veto(resolver, f.vetoedDS), types.ErrSlashNotPending},
		{"reason too long", func() error {
			_, err := e.msgs.VetoSlash(e.ctx, &types.MsgVetoSlash{Sender: resolver, SlashId: f.pendingDS, Reason: string(make([]byte, types.MaxReasonLength+1))})
			return err
		}, types.ErrInvalidEvidence},
	})
	// After the window: refused while still pending, then once executed.
	e.untilExecutionDue(e.slash(f.pendingDS).ExecuteAt, block)
	e.requireRefusals(t, []refusal{{"after the window", veto(resolver, f.pendingDS), types.ErrVetoWindowClosed}})
	e.nextBlock(block)
	require.Equal(t, types.SLASH_STATUS_EXECUTED, e.slash(f.pendingDS).Status)
	e.requireRefusals(t, []refusal{{"executed", veto(resolver, f.pendingDS), types.ErrVetoWindowClosed}})
	// Governance vetoes the attested one, whose rule names no resolver.
	require.NoError(t, veto(authority, f.pendingAttested)())
}
