package app

import (
	"crypto/sha256"
	"encoding/binary"
	"sync"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/auth/ante"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
)

// verifyOnceDecorator wraps the SDK's signature check so that a sequencer
// checks each transaction's signatures once, not twice: CheckTx verifies
// them and remembers the transaction; when the same transaction bytes then
// execute in a block (FinalizeBlock) with the same signer account numbers,
// the wrapped decorator runs with signature verification off and still
// checks everything else (pubkey set, sequence). Signature checking was
// the largest single cost of a block on the sequencer (issue 15's profile).
//
// This cannot change a block's outcome: a signature's validity is a pure
// function of the public key, the sign bytes and the signature. The tx
// bytes fix the body, the auth info (sequences, sign modes) and the
// signatures; the chain id is fixed; the key remembered includes every
// signer's account number; and an address's public key, once set, cannot
// change. Gas is not affected: signature gas is charged by
// SigGasConsumeDecorator whether or not the check runs. A node that never
// saw the transaction in CheckTx (a full node, a restarted sequencer)
// verifies in full.
type verifyOnceDecorator struct {
	inner sdk.AnteDecorator // the SDK's SigVerificationDecorator
	ak    ante.AccountKeeper
	seen  *verifiedTxs
}

func newVerifyOnceDecorator(ak ante.AccountKeeper, inner sdk.AnteDecorator) verifyOnceDecorator {
	return verifyOnceDecorator{inner: inner, ak: ak, seen: newVerifiedTxs(verifiedTxsLimit)}
}

func (d verifyOnceDecorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	verifying := !simulate && !ctx.IsReCheckTx() && ctx.IsSigverifyTx()
	if !verifying || len(ctx.TxBytes()) == 0 {
		return d.inner.AnteHandle(ctx, tx, simulate, next)
	}
	key, ok := d.key(ctx, tx)
	if !ok { // a signer without an account: let the SDK say so
		return d.inner.AnteHandle(ctx, tx, simulate, next)
	}
	switch ctx.ExecMode() {
	case sdk.ExecModeCheck:
		// Remembered only after the checks pass, and before next: the
		// signatures are good whatever the rest of the chain decides.
		return d.inner.AnteHandle(ctx, tx, simulate, func(c sdk.Context, tx sdk.Tx, sim bool) (sdk.Context, error) {
			d.seen.add(key)
			return next(c, tx, sim)
		})
	case sdk.ExecModeFinalize:
		if d.seen.take(key) {
			return d.inner.AnteHandle(ctx.WithIsSigverifyTx(false), tx, simulate, func(c sdk.Context, tx sdk.Tx, sim bool) (sdk.Context, error) {
				return next(c.WithIsSigverifyTx(true), tx, sim)
			})
		}
	}
	return d.inner.AnteHandle(ctx, tx, simulate, next)
}

// key binds the tx bytes to the account number of every signer.
func (d verifyOnceDecorator) key(ctx sdk.Context, tx sdk.Tx) ([32]byte, bool) {
	sigTx, ok := tx.(authsigning.Tx)
	if !ok {
		return [32]byte{}, false
	}
	signers, err := sigTx.GetSigners()
	if err != nil {
		return [32]byte{}, false
	}
	h := sha256.New()
	h.Write(ctx.TxBytes())
	for _, signer := range signers {
		acc := d.ak.GetAccount(ctx, signer)
		if acc == nil {
			return [32]byte{}, false
		}
		h.Write(binary.BigEndian.AppendUint64(nil, acc.GetAccountNumber()))
	}
	var key [32]byte
	h.Sum(key[:0])
	return key, true
}

// verifiedTxsLimit bounds the memory of transactions that passed CheckTx
// but are not in a block yet (two generations of this many 32-byte keys).
// Forgetting one only costs a second signature check.
const verifiedTxsLimit = 50_000

// verifiedTxs remembers the keys of transactions whose signatures passed,
// each until it executes once. CheckTx and FinalizeBlock run on different
// goroutines, hence the lock.
type verifiedTxs struct {
	mu       sync.Mutex
	cur, old map[[32]byte]struct{}
	limit    int
}

func newVerifiedTxs(limit int) *verifiedTxs {
	return &verifiedTxs{cur: map[[32]byte]struct{}{}, old: map[[32]byte]struct{}{}, limit: limit}
}

func (v *verifiedTxs) add(key [32]byte) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if len(v.cur) >= v.limit {
		v.old, v.cur = v.cur, make(map[[32]byte]struct{}, v.limit)
	}
	v.cur[key] = struct{}{}
}

// take reports whether key was remembered, and forgets it.
func (v *verifiedTxs) take(key [32]byte) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	if _, ok := v.cur[key]; ok {
		delete(v.cur, key)
		return true
	}
	if _, ok := v.old[key]; ok {
		delete(v.old, key)
		return true
	}
	return false
}
