package fraud

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// validateCensorship checks a censorship report's own consistency: the tx
// hashes to its stated hash, the late header is at the report's height and
// hash, and the late block was posted after the deadline.
func (r *Report) validateCensorship() error {
	if r.Forced == nil || r.LateHeader == nil || r.Scanned == nil {
		return errors.New("censorship report lacks forced_tx, late_header or scanned")
	}
	sum := sha256.Sum256(r.Forced.Tx)
	if !strings.EqualFold(hex.EncodeToString(sum[:]), r.Forced.TxHash) {
		return fmt.Errorf("forced tx does not hash to %s", r.Forced.TxHash)
	}
	if _, err := hex.DecodeString(r.Forced.Commitment); err != nil || r.Forced.Commitment == "" {
		return fmt.Errorf("forced tx commitment %q is not hex", r.Forced.Commitment)
	}
	if err := checkHeader(r.LateHeader, r.Height); err != nil {
		return err
	}
	if r.LateHeader.DAHeight != r.DAHeight || r.DAHeight <= r.Forced.Deadline {
		return fmt.Errorf("late block at DA height %d (report: %d) is not past the deadline %d", r.LateHeader.DAHeight, r.DAHeight, r.Forced.Deadline)
	}
	if r.Forced.DAHeight > r.Forced.Deadline {
		return fmt.Errorf("forced tx at DA height %d is after its own deadline %d", r.Forced.DAHeight, r.Forced.Deadline)
	}
	return nil
}
