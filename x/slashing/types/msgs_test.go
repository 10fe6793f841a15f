package types_test

import (
	"testing"

	"github.com/celestiaorg/go-square/v2/share"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

var (
	sender  = addr("sender")
	evidNS  = types.DefaultParams().EvidenceNamespace
	pointer = types.DAPointer{Namespace: evidNS, Height: 10, Commitment: make([]byte, 32)}
)

// msgCase is one ValidateBasic outcome; want nil means valid.
type msgCase struct {
	name string
	msg  interface{ ValidateBasic() error }
	want error
}

func runMsgCases(t *testing.T, cases []msgCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.msg.ValidateBasic()
			if tc.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.want)
		})
	}
}

func TestMsgSetSlashingRulesValidateBasic(t *testing.T) {
	r := validRule()
	dup := []types.SlashingRule{r, r}
	runMsgCases(t, []msgCase{
		{"valid", &types.MsgSetSlashingRules{Sender: sender, ServiceId: 1, Slasher: addr("slasher"), Rules: []types.SlashingRule{r}}, nil},
		{"no rules clears", &types.MsgSetSlashingRules{Sender: sender, ServiceId: 1}, nil},
		{"bad sender", &types.MsgSetSlashingRules{Sender: "x", ServiceId: 1}, types.ErrInvalidAddress},
		{"bad slasher", &types.MsgSetSlashingRules{Sender: sender, ServiceId: 1, Slasher: "x"}, types.ErrInvalidAddress},
		{"zero service", &types.MsgSetSlashingRules{Sender: sender}, types.ErrInvalidRule},
		{"duplicate kinds", &types.MsgSetSlashingRules{Sender: sender, ServiceId: 1, Rules: dup}, types.ErrInvalidRule},
	})
}

func TestMsgRegisterOperatorKeyValidateBasic(t *testing.T) {
	pub := opKey.PubKey().Bytes()
	runMsgCases(t, []msgCase{
		{"valid", &types.MsgRegisterOperatorKey{Sender: sender, OperatorId: 1, ServiceId: 2, PubKey: pub}, nil},
		{"bad sender", &types.MsgRegisterOperatorKey{Sender: "", OperatorId: 1, ServiceId: 2, PubKey: pub}, types.ErrInvalidAddress},
		{"zero operator", &types.MsgRegisterOperatorKey{Sender: sender, ServiceId: 2, PubKey: pub}, types.ErrInvalidKey},
		{"zero service", &types.MsgRegisterOperatorKey{Sender: sender, OperatorId: 1, PubKey: pub}, types.ErrInvalidKey},
		{"short key", &types.MsgRegisterOperatorKey{Sender: sender, OperatorId: 1, ServiceId: 2, PubKey: pub[:31]}, types.ErrInvalidKey},
		{"secp256k1-sized key", &types.MsgRegisterOperatorKey{Sender: sender, OperatorId: 1, ServiceId: 2, PubKey: make([]byte, 33)}, types.ErrInvalidKey},
	})
}

func TestMsgSubmitDoubleSignValidateBasic(t *testing.T) {
	a := signed(t, types.SignedTask{ServiceId: 1, OperatorId: 2, TaskId: 3, Height: 4, Payload: []byte("A")}, "c", opKey)
	b := signed(t, types.SignedTask{ServiceId: 1, OperatorId: 2, TaskId: 3, Height: 4, Payload: []byte("B")}, "c", opKey)
	msg := func(submitter, fraction string, first, second types.SignedTask) *types.MsgSubmitDoubleSign {
		return &types.MsgSubmitDoubleSign{Submitter: submitter, Fraction: dec(fraction), First: first, Second: second}
	}
	runMsgCases(t, []msgCase{
		{"valid", msg(sender, "0.1", a, b), nil},
		{"bad submitter", msg("nope", "0.1", a, b), types.ErrInvalidAddress},
		{"zero fraction", msg(sender, "0", a, b), types.ErrInvalidFraction},
		{"fraction above one", msg(sender, "1.01", a, b), types.ErrInvalidFraction},
		{"same payload", msg(sender, "0.1", a, a), types.ErrInvalidEvidence},
		{"no second task", msg(sender, "0.1", a, types.SignedTask{}), types.ErrInvalidEvidence},
	})
}

func TestMsgSubmitAttestedFaultValidateBasic(t *testing.T) {
	other, err := share.NewV0Namespace([]byte("other"))
	require.NoError(t, err)
	valid := func() *types.MsgSubmitAttestedFault {
		return &types.MsgSubmitAttestedFault{Slasher: sender, ServiceId: 1, OperatorId: 2, Fraction: dec("0.2"),
			InfractionHeight: 5, Evidence: pointer, Reason: "r"}
	}
	with := func(mod func(m *types.MsgSubmitAttestedFault)) *types.MsgSubmitAttestedFault {
		m := valid()
		mod(m)
		return m
	}
	runMsgCases(t, []msgCase{
		{"valid", valid(), nil},
		{"another valid namespace passes the stateless check", with(func(m *types.MsgSubmitAttestedFault) { m.Evidence.Namespace = other.Bytes() }), nil},
		{"bad slasher", with(func(m *types.MsgSubmitAttestedFault) { m.Slasher = "x" }), types.ErrInvalidAddress},
		{"zero service", with(func(m *types.MsgSubmitAttestedFault) { m.ServiceId = 0 }), types.ErrInvalidEvidence},
		{"zero operator", with(func(m *types.MsgSubmitAttestedFault) { m.OperatorId = 0 }), types.ErrInvalidEvidence},
		{"zero fraction", with(func(m *types.MsgSubmitAttestedFault) { m.Fraction = dec("0") }), types.ErrInvalidFraction},
		{"zero infraction height", with(func(m *types.MsgSubmitAttestedFault) { m.InfractionHeight = 0 }), types.ErrInvalidEvidence},
		{"bad namespace", with(func(m *types.MsgSubmitAttestedFault) { m.Evidence.Namespace = []byte{1, 2} }), types.ErrInvalidDAPointer},
		{"reserved namespace", with(func(m *types.MsgSubmitAttestedFault) { m.Evidence.Namespace = share.TxNamespace.Bytes() }), types.ErrInvalidDAPointer},
		{"zero DA height", with(func(m *types.MsgSubmitAttestedFault) { m.Evidence.Height = 0 }), types.ErrInvalidDAPointer},
		{"no commitment", with(func(m *types.MsgSubmitAttestedFault) { m.Evidence.Commitment = nil }), types.ErrInvalidDAPointer},
		{"commitment too long", with(func(m *types.MsgSubmitAttestedFault) { m.Evidence.Commitment = make([]byte, 65) }), types.ErrInvalidDAPointer},
		{"reason too long", with(func(m *types.MsgSubmitAttestedFault) { m.Reason = string(make([]byte, types.MaxReasonLength+1)) }), types.ErrInvalidEvidence},
	})
}

func TestMsgSubmitEquivocationAndStateMismatchValidateBasic(t *testing.T) {
	h := []byte("header bytes")
	hash := make([]byte, 32)
	runMsgCases(t, []msgCase{
		{"equivocation valid", &types.MsgSubmitEquivocation{Submitter: sender, FirstHeader: h, SecondHeader: h, Fraction: dec("0.5")}, nil},
		{"equivocation bad submitter", &types.MsgSubmitEquivocation{Submitter: "s", FirstHeader: h, SecondHeader: h, Fraction: dec("0.5")}, types.ErrInvalidAddress},
		{"equivocation one header", &types.MsgSubmitEquivocation{Submitter: sender, FirstHeader: h, Fraction: dec("0.5")}, types.ErrInvalidEvidence},
		{"equivocation zero fraction", &types.MsgSubmitEquivocation{Submitter: sender, FirstHeader: h, SecondHeader: h, Fraction: dec("0")}, types.ErrInvalidFraction},
		{"mismatch valid", &types.MsgSubmitStateMismatch{Submitter: sender, Header: h, ExpectedAppHash: hash, Block: pointer, Fraction: dec("1")}, nil},
		{"mismatch bad submitter", &types.MsgSubmitStateMismatch{Submitter: "s", Header: h, ExpectedAppHash: hash, Block: pointer, Fraction: dec("1")}, types.ErrInvalidAddress},
		{"mismatch no header", &types.MsgSubmitStateMismatch{Submitter: sender, ExpectedAppHash: hash, Block: pointer, Fraction: dec("1")}, types.ErrInvalidEvidence},
		{"mismatch short hash", &types.MsgSubmitStateMismatch{Submitter: sender, Header: h, ExpectedAppHash: hash[:20], Block: pointer, Fraction: dec("1")}, types.ErrInvalidEvidence},
		{"mismatch bad pointer", &types.MsgSubmitStateMismatch{Submitter: sender, Header: h, ExpectedAppHash: hash, Fraction: dec("1")}, types.ErrInvalidDAPointer},
		{"mismatch fraction above one", &types.MsgSubmitStateMismatch{Submitter: sender, Header: h, ExpectedAppHash: hash, Block: pointer, Fraction: dec("2")}, types.ErrInvalidFraction},
	})
}

func TestMsgSubmitCensorshipValidateBasic(t *testing.T) {
	lane := types.DAPointer{Namespace: share.MustNewV0Namespace([]byte("lane")).Bytes(), Height: 10, Commitment: make([]byte, 32)}
	late := types.DAPointer{Namespace: share.MustNewV0Namespace([]byte("chain")).Bytes(), Height: 40, Commitment: make([]byte, 32)}
	with := func(mod func(m *types.MsgSubmitCensorship)) *types.MsgSubmitCensorship {
		m := &types.MsgSubmitCensorship{Submitter: sender, ForcedTx: lane, TxHash: make([]byte, 32), LateHeader: []byte("header bytes"),
			LateBlock: late, Fraction: dec("0.1")}
		mod(m)
		return m
	}
	runMsgCases(t, []msgCase{
		{"censorship valid", with(func(*types.MsgSubmitCensorship) {}), nil},
		{"censorship late block right after the forced tx", with(func(m *types.MsgSubmitCensorship) { m.LateBlock.Height = 11 }), nil},
		{"censorship bad submitter", with(func(m *types.MsgSubmitCensorship) { m.Submitter = "s" }), types.ErrInvalidAddress},
		{"censorship no tx hash", with(func(m *types.MsgSubmitCensorship) { m.TxHash = nil }), types.ErrInvalidEvidence},
		{"censorship short tx hash", with(func(m *types.MsgSubmitCensorship) { m.TxHash = make([]byte, 31) }), types.ErrInvalidEvidence},
		{"censorship long tx hash", with(func(m *types.MsgSubmitCensorship) { m.TxHash = make([]byte, 33) }), types.ErrInvalidEvidence},
		{"censorship no late header", with(func(m *types.MsgSubmitCensorship) { m.LateHeader = nil }), types.ErrInvalidEvidence},
		{"censorship forced tx bad namespace", with(func(m *types.MsgSubmitCensorship) { m.ForcedTx.Namespace = []byte{1, 2} }), types.ErrInvalidDAPointer},
		{"censorship forced tx reserved namespace", with(func(m *types.MsgSubmitCensorship) { m.ForcedTx.Namespace = share.TxNamespace.Bytes() }), types.ErrInvalidDAPointer},
		{"censorship forced tx zero DA height", with(func(m *types.MsgSubmitCensorship) { m.ForcedTx.Height = 0 }), types.ErrInvalidDAPointer},
		{"censorship forced tx no commitment", with(func(m *types.MsgSubmitCensorship) { m.ForcedTx.Commitment = nil }), types.ErrInvalidDAPointer},
		{"censorship late block no pointer", with(func(m *types.MsgSubmitCensorship) { m.LateBlock = types.DAPointer{} }), types.ErrInvalidDAPointer},
		{"censorship late block commitment too long", with(func(m *types.MsgSubmitCensorship) { m.LateBlock.Commitment = make([]byte, 65) }), types.ErrInvalidDAPointer},
		{"censorship late block at the forced tx's DA height", with(func(m *types.MsgSubmitCensorship) { m.LateBlock.Height = 10 }), types.ErrInvalidEvidence},
		{"censorship late block below the forced tx", with(func(m *types.MsgSubmitCensorship) { m.LateBlock.Height = 9 }), types.ErrInvalidEvidence},
		{"censorship zero fraction", with(func(m *types.MsgSubmitCensorship) { m.Fraction = dec("0") }), types.ErrInvalidFraction},
		{"censorship fraction above one", with(func(m *types.MsgSubmitCensorship) { m.Fraction = dec("1.5") }), types.ErrInvalidFraction},
	})
}

func TestMsgVetoUnjailUpdateParamsValidateBasic(t *testing.T) {
	bad := types.DefaultParams()
	bad.MaxEvidenceAge = 0
	runMsgCases(t, []msgCase{
		{"veto valid", &types.MsgVetoSlash{Sender: sender, SlashId: 1, Reason: "r"}, nil},
		{"veto bad sender", &types.MsgVetoSlash{Sender: "s", SlashId: 1}, types.ErrInvalidAddress},
		{"veto zero id", &types.MsgVetoSlash{Sender: sender}, types.ErrSlashNotFound},
		{"veto reason too long", &types.MsgVetoSlash{Sender: sender, SlashId: 1, Reason: string(make([]byte, types.MaxReasonLength+1))}, types.ErrInvalidEvidence},
		{"unjail valid", &types.MsgUnjail{Sender: sender, OperatorId: 1, ServiceId: 1}, nil},
		{"unjail bad sender", &types.MsgUnjail{Sender: "s", OperatorId: 1, ServiceId: 1}, types.ErrInvalidAddress},
		{"unjail zero operator", &types.MsgUnjail{Sender: sender, ServiceId: 1}, types.ErrNotJailed},
		{"unjail zero service", &types.MsgUnjail{Sender: sender, OperatorId: 1}, types.ErrNotJailed},
		{"params valid", &types.MsgUpdateParams{Authority: sender, Params: types.DefaultParams()}, nil},
		{"params bad authority", &types.MsgUpdateParams{Authority: "gov", Params: types.DefaultParams()}, types.ErrInvalidAddress},
		{"params invalid", &types.MsgUpdateParams{Authority: sender, Params: bad}, types.ErrInvalidParams},
	})
}
