package cmd

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"

	"github.com/cometbft/cometbft/crypto/ed25519"
)

// TaskKey is an operator's ed25519 task signing key as stored on disk. It
// is not the operator's account key: it signs service tasks only, and its
// public half is registered on chain with `tx slashing register-key`.
type TaskKey struct {
	PubKey  string `json:"pub_key"`  // hex, 32 bytes
	PrivKey string `json:"priv_key"` // hex, 64 bytes
}

// NewTaskKey generates a key.
func NewTaskKey() TaskKey {
	priv := ed25519.GenPrivKey()
	return TaskKey{PubKey: hex.EncodeToString(priv.PubKey().Bytes()), PrivKey: hex.EncodeToString(priv.Bytes())}
}

// WriteTaskKey writes a key file readable by its owner only; it refuses to
// overwrite an existing file.
func WriteTaskKey(path string, key TaskKey) error {
	bz, err := json.MarshalIndent(key, "", "  ")
	if err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(append(bz, '\n'))
	return err
}

// LoadTaskKey reads a key file and checks its halves match.
func LoadTaskKey(path string) (ed25519.PrivKey, error) {
	bz, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var key TaskKey
	if err := json.Unmarshal(bz, &key); err != nil {
		return nil, fmt.Errorf("%s is not a task key file: %w", path, err)
	}
	priv, err := hex.DecodeString(key.PrivKey)
	if err != nil || len(priv) != ed25519.PrivateKeySize {
		return nil, fmt.Errorf("%s: priv_key must be %d hex bytes", path, ed25519.PrivateKeySize)
	}
	pk := ed25519.PrivKey(priv)
	if hex.EncodeToString(pk.PubKey().Bytes()) != key.PubKey {
		return nil, fmt.Errorf("%s: pub_key does not match priv_key", path)
	}
	return pk, nil
}
