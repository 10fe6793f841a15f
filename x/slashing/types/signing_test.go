package types_test

import (
	"crypto/sha256"
	"encoding/binary"
	"testing"

	"github.com/cometbft/cometbft/crypto/ed25519"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// addr renders a named address with the SDK's default prefix.
func addr(name string) string {
	b := make([]byte, 20)
	copy(b, name)
	return sdk.AccAddress(b).String()
}

var opKey = ed25519.GenPrivKeyFromSecret([]byte("operator 1 task key"))

func signed(t *testing.T, task types.SignedTask, chainID string, key ed25519.PrivKey) types.SignedTask {
	s, err := task.Sign(chainID, key)
	require.NoError(t, err)
	return s
}

// TestSignBytesLayout pins the signed layout: domain tag, chain id with
// its length, big-endian service, operator, task id and height, then the
// payload's SHA-256.
func TestSignBytesLayout(t *testing.T) {
	task := types.SignedTask{ServiceId: 3, OperatorId: 7, TaskId: 0x0102030405060708, Height: 42, Payload: []byte("answer")}
	want := []byte("milkyway/slashing/task/v1")
	want = append(want, byte(len("milkyway-1")))
	want = append(want, "milkyway-1"...)
	want = binary.BigEndian.AppendUint32(want, 3)
	want = binary.BigEndian.AppendUint32(want, 7)
	want = binary.BigEndian.AppendUint64(want, 0x0102030405060708)
	want = binary.BigEndian.AppendUint64(want, 42)
	sum := sha256.Sum256([]byte("answer"))
	want = append(want, sum[:]...)
	require.Equal(t, want, task.SignBytes("milkyway-1"))
	// The signature itself is not signed.
	task.Signature = []byte("anything")
	require.Equal(t, want, task.SignBytes("milkyway-1"))

	// Every field is committed to.
	base := task.SignBytes("milkyway-1")
	for name, mod := range map[string]func(t *types.SignedTask){
		"service":  func(t *types.SignedTask) { t.ServiceId++ },
		"operator": func(t *types.SignedTask) { t.OperatorId++ },
		"task":     func(t *types.SignedTask) { t.TaskId++ },
		"height":   func(t *types.SignedTask) { t.Height++ },
		"payload":  func(t *types.SignedTask) { t.Payload = []byte("answes") },
	} {
		changed := task
		mod(&changed)
		require.NotEqual(t, base, changed.SignBytes("milkyway-1"), name)
	}
	require.NotEqual(t, base, task.SignBytes("milkyway-2"), "chain id")
	// The length prefix keeps chain id and service apart.
	require.NotEqual(t, types.SignedTask{ServiceId: 0x31000000}.SignBytes("a"), types.SignedTask{}.SignBytes("a1"))
}

func TestVerifySignature(t *testing.T) {
	task := signed(t, types.SignedTask{ServiceId: 1, OperatorId: 1, TaskId: 9, Height: 5, Payload: []byte("x")}, "chain-1", opKey)
	pub := opKey.PubKey().Bytes()
	require.NoError(t, task.VerifySignature("chain-1", pub))
	other := ed25519.GenPrivKeyFromSecret([]byte("other")).PubKey().Bytes()
	tampered := task
	tampered.Payload = []byte("y")
	for _, tc := range []struct {
		name    string
		task    types.SignedTask
		chainID string
		pub     []byte
		want    error
	}{
		{"another key", task, "chain-1", other, types.ErrInvalidSignature},
		{"another chain", task, "chain-2", pub, types.ErrInvalidSignature},
		{"tampered payload", tampered, "chain-1", pub, types.ErrInvalidSignature},
		{"no signature", types.SignedTask{ServiceId: 1, OperatorId: 1, Height: 5}, "chain-1", pub, types.ErrInvalidSignature},
		{"short key", task, "chain-1", pub[:31], types.ErrInvalidKey},
		{"no key", task, "chain-1", nil, types.ErrInvalidKey},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.ErrorIs(t, tc.task.VerifySignature(tc.chainID, tc.pub), tc.want)
		})
	}
}

func TestCheckDoubleSign(t *testing.T) {
	a := signed(t, types.SignedTask{ServiceId: 1, OperatorId: 2, TaskId: 3, Height: 4, Payload: []byte("A")}, "c", opKey)
	b := signed(t, types.SignedTask{ServiceId: 1, OperatorId: 2, TaskId: 3, Height: 4, Payload: []byte("B")}, "c", opKey)
	require.NoError(t, types.CheckDoubleSign(a, b))
	with := func(base types.SignedTask, mod func(t *types.SignedTask)) types.SignedTask {
		mod(&base)
		return base
	}
	for _, tc := range []struct {
		name   string
		first  types.SignedTask
		second types.SignedTask
		want   error
	}{
		{"same payload", a, with(a, func(t *types.SignedTask) { t.Height = 5 }), types.ErrInvalidEvidence},
		{"different task id", a, with(b, func(t *types.SignedTask) { t.TaskId = 4 }), types.ErrInvalidEvidence},
		{"different operator", a, with(b, func(t *types.SignedTask) { t.OperatorId = 9 }), types.ErrInvalidEvidence},
		{"different service", a, with(b, func(t *types.SignedTask) { t.ServiceId = 9 }), types.ErrInvalidEvidence},
		{"zero service", with(a, func(t *types.SignedTask) { t.ServiceId = 0 }), with(b, func(t *types.SignedTask) { t.ServiceId = 0 }), types.ErrInvalidEvidence},
		{"zero operator", a, with(b, func(t *types.SignedTask) { t.OperatorId = 0 }), types.ErrInvalidEvidence},
		{"zero height", a, with(b, func(t *types.SignedTask) { t.Height = 0 }), types.ErrInvalidEvidence},
		{"negative height", with(a, func(t *types.SignedTask) { t.Height = -1 }), b, types.ErrInvalidEvidence},
		{"short signature", a, with(b, func(t *types.SignedTask) { t.Signature = t.Signature[:10] }), types.ErrInvalidSignature},
		{"payload too large", a, with(b, func(t *types.SignedTask) { t.Payload = make([]byte, types.MaxPayloadSize+1) }), types.ErrInvalidEvidence},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.ErrorIs(t, types.CheckDoubleSign(tc.first, tc.second), tc.want)
		})
	}
	// A payload of exactly the maximum size is fine.
	big := with(b, func(t *types.SignedTask) { t.Payload = make([]byte, types.MaxPayloadSize) })
	require.NoError(t, types.CheckDoubleSign(a, big))
}

func TestEvidenceID(t *testing.T) {
	id := types.EvidenceID(types.FAULT_KIND_DOUBLE_SIGN, 1, 2, 3)
	require.Len(t, id, 32)
	require.Equal(t, id, types.EvidenceID(types.FAULT_KIND_DOUBLE_SIGN, 1, 2, 3))
	require.NotEqual(t, id, types.EvidenceID(types.FAULT_KIND_ATTESTED, 1, 2, 3), "kinds are kept apart")
	require.NotEqual(t, id, types.EvidenceID(types.FAULT_KIND_DOUBLE_SIGN, 1, 2, 4))
	require.NotEqual(t, id, types.EvidenceID(types.FAULT_KIND_DOUBLE_SIGN, 2, 1, 3))
	require.NotEqual(t, types.EvidenceID(types.FAULT_KIND_EQUIVOCATION, 1), types.EvidenceID(types.FAULT_KIND_EQUIVOCATION, 1, 0))
}
