package types

import (
	"crypto/sha256"
	"encoding/binary"

	errorsmod "cosmossdk.io/errors"
	"github.com/cometbft/cometbft/crypto/ed25519"
)

// taskDomain separates task signatures from every other use of the key.
const taskDomain = "milkyway/slashing/task/v1"

// SignBytes are the bytes an operator signs for a task: a domain tag, the
// chain id (no replay across chains), service, operator, task id, height
// and the payload's SHA-256.
func (t SignedTask) SignBytes(chainID string) []byte {
	payload := sha256.Sum256(t.Payload)
	b := make([]byte, 0, len(taskDomain)+len(chainID)+2+4+4+8+8+32)
	b = append(b, taskDomain...)
	b = append(b, byte(len(chainID)))
	b = append(b, chainID...)
	b = binary.BigEndian.AppendUint32(b, t.ServiceId)
	b = binary.BigEndian.AppendUint32(b, t.OperatorId)
	b = binary.BigEndian.AppendUint64(b, t.TaskId)
	b = binary.BigEndian.AppendUint64(b, uint64(t.Height))
	return append(b, payload[:]...)
}

// Sign signs the task with an operator's ed25519 key (tools and tests).
func (t SignedTask) Sign(chainID string, key ed25519.PrivKey) (SignedTask, error) {
	sig, err := key.Sign(t.SignBytes(chainID))
	t.Signature = sig
	return t, err
}

// VerifySignature checks the task was signed by pubKey.
func (t SignedTask) VerifySignature(chainID string, pubKey []byte) error {
	if len(pubKey) != ed25519.PubKeySize {
		return errorsmod.Wrapf(ErrInvalidKey, "key has %d bytes, want %d", len(pubKey), ed25519.PubKeySize)
	}
	if !ed25519.PubKey(pubKey).VerifySignature(t.SignBytes(chainID), t.Signature) {
		return errorsmod.Wrapf(ErrInvalidSignature, "task %d of operator %d at service %d", t.TaskId, t.OperatorId, t.ServiceId)
	}
	return nil
}

// ValidateBasic checks the task's shape.
func (t SignedTask) ValidateBasic() error {
	if t.ServiceId == 0 || t.OperatorId == 0 {
		return errorsmod.Wrap(ErrInvalidEvidence, "service and operator ids must be positive")
	}
	if t.Height <= 0 {
		return errorsmod.Wrapf(ErrInvalidEvidence, "task height %d must be positive", t.Height)
	}
	if len(t.Signature) != ed25519.SignatureSize {
		return errorsmod.Wrapf(ErrInvalidSignature, "signature has %d bytes, want %d", len(t.Signature), ed25519.SignatureSize)
	}
	if len(t.Payload) > MaxPayloadSize {
		return errorsmod.Wrapf(ErrInvalidEvidence, "payload of %d bytes is above %d", len(t.Payload), MaxPayloadSize)
	}
	return nil
}

// MaxPayloadSize bounds a signed task's payload: large evidence goes to the DA.
const MaxPayloadSize = 4096

// CheckDoubleSign checks two tasks are a double sign in shape: same
// service, operator and task id, different payloads.
func CheckDoubleSign(a, b SignedTask) error {
	for _, t := range []SignedTask{a, b} {
		if err := t.ValidateBasic(); err != nil {
			return err
		}
	}
	if a.ServiceId != b.ServiceId || a.OperatorId != b.OperatorId || a.TaskId != b.TaskId {
		return errorsmod.Wrap(ErrInvalidEvidence, "the two tasks differ in service, operator or task id")
	}
	if string(a.Payload) == string(b.Payload) {
		return errorsmod.Wrap(ErrInvalidEvidence, "the two tasks sign the same payload")
	}
	return nil
}

// EvidenceID identifies a fault, not a submission: one double sign per
// (service, operator, task), one equivocation per height, and so on, so a
// third conflicting payload cannot slash the same fault twice.
func EvidenceID(kind FaultKind, parts ...uint64) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(kind))
	for _, p := range parts {
		b = binary.BigEndian.AppendUint64(b, p)
	}
	sum := sha256.Sum256(b)
	return sum[:]
}

// AttestedEvidenceID is the fault id of an attested fault: one per
// (service, operator, DA blob).
func AttestedEvidenceID(serviceID, operatorID uint32, ptr DAPointer) []byte {
	c := sha256.Sum256(ptr.Commitment)
	return EvidenceID(FAULT_KIND_ATTESTED, uint64(serviceID), uint64(operatorID), ptr.Height, binary.BigEndian.Uint64(c[:8]))
}

// CensorshipEvidenceID is the fault id of censorship: one per forced
// transaction's blob (DA height and share commitment), whoever submits it.
func CensorshipEvidenceID(forced DAPointer) []byte {
	c := sha256.Sum256(forced.Commitment)
	return EvidenceID(FAULT_KIND_CENSORSHIP, forced.Height, binary.BigEndian.Uint64(c[:8]))
}
