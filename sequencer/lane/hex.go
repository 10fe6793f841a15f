package lane

import (
	"crypto/sha256"
	"fmt"
)

func hexHash(h [32]byte) string { return fmt.Sprintf("%X", h[:]) }

func hexID(id []byte) string { return fmt.Sprintf("%X", id) }

func hashTx(tx []byte) [32]byte { return sha256.Sum256(tx) }
