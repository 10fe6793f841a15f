package app

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"sync"

	storetypes "cosmossdk.io/store/types"
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
// verifies in full, unless the block's pre-verifier (preverify.go) already
// checked the transaction's signatures on another core and remembered it
// the same way.
type verifyOnceDecorator struct {
	inner sdk.AnteDecorator // the SDK's SigVerificationDecorator
	ak    ante.AccountKeeper
	seen  *verifiedTxs
}

func newVerifyOnceDecorator(ak ante.AccountKeeper, inner sdk.AnteDecorator, seen *verifiedTxs) verifyOnceDecorator {
	return verifyOnceDecorator{inner: inner, ak: ak, seen: seen}
}

func (d verifyOnceDecorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	verifying := !simulate && !ctx.IsReCheckTx() && ctx.IsSigverifyTx()
	if !verifying || len(ctx.TxBytes()) == 0 {
		return d.inner.AnteHandle(ctx, tx, simulate, next)
	}
	txHash := sha256.Sum256(ctx.TxBytes())
	switch ctx.ExecMode() {
	case sdk.ExecModeCheck:
		signers, ok := d.signersKey(ctx, tx)
		if !ok { // a signer without an account: let the SDK say so
			break
		}
		// Remembered only after the checks pass, and before next: the
		// signatures are good whatever the rest of the chain decides.
		return d.inner.AnteHandle(ctx, tx, simulate, func(c sdk.Context, tx sdk.Tx, sim bool) (sdk.Context, error) {
			d.seen.add(txHash, signers)
			return next(c, tx, sim)
		})
	case sdk.ExecModeFinalize:
		// The signer accounts are read only for a tx CheckTx or the block's
		// pre-verifier remembered.
		if want, ok := d.seen.take(txHash); ok && d.sameSigners(ctx, tx, want) {
			return d.inner.AnteHandle(ctx.WithIsSigverifyTx(false), tx, simulate, func(c sdk.Context, tx sdk.Tx, sim bool) (sdk.Context, error) {
				return next(c.WithIsSigverifyTx(true), tx, sim)
			})
		}
	}
	return d.inner.AnteHandle(ctx, tx, simulate, next)
}

// sameSigners reports whether tx's signers have the account numbers want
// was computed from.
func (d verifyOnceDecorator) sameSigners(ctx sdk.Context, tx sdk.Tx, want [32]byte) bool {
	got, ok := d.signersKey(ctx, tx)
	return ok && got == want
}

// signersKey digests the account number of every signer, in order: the
// part of the sign bytes the tx bytes do not hold. Its reads are off the
// gas meter: a sequencer reads them for a tx a full node never looks up,
// and gas must not differ between the two.
func (d verifyOnceDecorator) signersKey(ctx sdk.Context, tx sdk.Tx) ([32]byte, bool) {
	ctx = ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
	sigTx, ok := tx.(authsigning.Tx)
	if !ok {
		return [32]byte{}, false
	}
	signers, err := sigTx.GetSigners()
	if err != nil {
		return [32]byte{}, false
	}
	digest := newSignersDigest()
	for _, signer := range signers {
		acc := d.ak.GetAccount(ctx, signer)
		if acc == nil {
			return [32]byte{}, false
		}
		digest.add(acc.GetAccountNumber())
	}
	return digest.sum(), true
}

// signersDigest hashes signers' account numbers in signer order: the key a
// tx's good signatures are remembered under, by CheckTx and by the block's
// pre-verifier alike.
type signersDigest struct{ h hash.Hash }

func newSignersDigest() signersDigest { return signersDigest{h: sha256.New()} }

func (d signersDigest) add(accountNumber uint64) {
	d.h.Write(binary.BigEndian.AppendUint64(nil, accountNumber))
}

func (d signersDigest) sum() (key [32]byte) {
	d.h.Sum(key[:0])
	return key
}

// verifiedTxsLimit bounds the memory of transactions that passed CheckTx
// but are not in a block yet (two generations of this many 32-byte keys).
// Forgetting one only costs a second signature check.
const verifiedTxsLimit = 50_000

// verifiedTxs remembers transactions (the sha256 of their bytes) whose
// signatures passed, with the digest of their signers' account numbers,
// each until it executes once. CheckTx and FinalizeBlock run on different
// goroutines, and so do FinalizeBlock and the block's pre-verifier: hence
// the lock.
type verifiedTxs struct {
	mu       sync.Mutex
	cur, old map[[32]byte][32]byte
	limit    int
	taken    uint64 // checks skipped: what the memory saved
}

func newVerifiedTxs(limit int) *verifiedTxs {
	return &verifiedTxs{cur: map[[32]byte][32]byte{}, old: map[[32]byte][32]byte{}, limit: limit}
}

func (v *verifiedTxs) add(txHash, signers [32]byte) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if len(v.cur) >= v.limit {
		v.old, v.cur = v.cur, make(map[[32]byte][32]byte, v.limit)
	}
	v.cur[txHash] = signers
}

// has reports whether txHash is remembered.
func (v *verifiedTxs) has(txHash [32]byte) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	_, inCur := v.cur[txHash]
	_, inOld := v.old[txHash]
	return inCur || inOld
}

// skipped reports how many remembered txs were taken by a block.
func (v *verifiedTxs) skipped() uint64 {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.taken
}

// forget drops whatever is remembered for these txs.
func (v *verifiedTxs) forget(txHashes [][32]byte) {
	v.mu.Lock()
	defer v.mu.Unlock()
	for _, h := range txHashes {
		delete(v.cur, h)
		delete(v.old, h)
	}
}

// take returns the signers digest remembered for txHash, and forgets it.
func (v *verifiedTxs) take(txHash [32]byte) ([32]byte, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	for _, m := range []map[[32]byte][32]byte{v.cur, v.old} {
		if signers, ok := m[txHash]; ok {
			delete(m, txHash)
			v.taken++
			return signers, true
		}
	}
	return [32]byte{}, false
}
