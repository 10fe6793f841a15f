package app

import (
	"crypto/sha256"
	"runtime"
	"sync/atomic"

	"cosmossdk.io/log"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
	signingtypes "github.com/cosmos/cosmos-sdk/types/tx/signing"
)

// preverifyMinTxs is the smallest block worth a second goroutine.
const preverifyMinTxs = 4

// preverifyBlock starts checking txs' signatures against the last
// committed state and returns the function that stops it, waits for it,
// and drops what the block did not use.
func (app *App) preverifyBlock(txs [][]byte) (stop func()) {
	if len(txs) < preverifyMinTxs || runtime.GOMAXPROCS(0) < 2 {
		return func() {}
	}
	p, ok := app.committedStatePreverifier()
	if !ok {
		return func() {}
	}
	var halt atomic.Bool
	done := make(chan [][32]byte, 1)
	go func() { done <- p.run(txs, &halt) }()
	return func() {
		halt.Store(true)
		p.seen.forget(<-done)
	}
}

// committedStatePreverifier reads accounts as of the last committed block.
// That version is immutable, so reading it is safe while a block executes
// on its own branch of the stores (the SDK serves gRPC queries the same
// way). Only the auth store is read, and it is opened on the first read:
// on a sequencer CheckTx has checked every tx and nothing is read.
func (app *App) committedStatePreverifier() (sigPreverifier, bool) {
	height := app.LastBlockHeight()
	if height < 1 {
		return sigPreverifier{}, false
	}
	chainID := app.ChainID()
	var ctx *sdk.Context // the pre-verifier's goroutine is its only user
	opened := false
	account := func(addr sdk.AccAddress) sdk.AccountI {
		if !opened {
			opened = true
			committed, err := app.CommitMultiStore().CacheMultiStoreWithVersion(height)
			if err != nil {
				return nil // the block checks its signatures itself
			}
			c := sdk.NewContext(committed, cmtproto.Header{ChainID: chainID, Height: height}, false, log.NewNopLogger())
			ctx = &c
		}
		if ctx == nil {
			return nil
		}
		return app.AccountKeeper.GetAccount(*ctx, addr)
	}
	return sigPreverifier{chainID: chainID, account: account, seen: app.verified}, true
}

// sigPreverifier checks the signatures of a block's transactions as the
// SDK's SigVerificationDecorator will, for the common case (every signer a
// single secp256k1 key signing in SIGN_MODE_DIRECT), without the SDK's tx
// decoder: x/tx's GetSigners is not safe to call from two goroutines
// (signing/context.go in x/tx v0.13.7 shares one error variable between
// calls), and the decoder calls it.
type sigPreverifier struct {
	chainID string
	account func(sdk.AccAddress) sdk.AccountI // as of the last committed block
	seen    *verifiedTxs
}

// run remembers each tx of txs whose signatures are good, in block order,
// until halt, and returns the hashes it added. A panic (a corrupt account
// in the store) ends the pre-verification, not the node: the block then
// verifies the rest itself.
func (p sigPreverifier) run(txs [][]byte, halt *atomic.Bool) (added [][32]byte) {
	defer func() { _ = recover() }()
	for _, tx := range txs {
		if halt.Load() {
			return added
		}
		hash := sha256.Sum256(tx)
		if p.seen.has(hash) { // checked in CheckTx on this node
			continue
		}
		if signers, ok := p.verify(tx); ok {
			p.seen.add(hash, signers)
			added = append(added, hash)
		}
	}
	return added
}

// verify checks every signature of txBytes and returns the digest of the
// signers' account numbers (verifyOnceDecorator.signersKey's, in signer
// order). It answers false, leaving the check to the block, for anything
// outside the common case: another key type or sign mode, a signer unknown
// in the committed state (created in this block), a public key other than
// the account's.
//
// What it checks is what the SDK checks: SIGN_MODE_DIRECT signs the
// SignDoc of the tx's own body and auth info bytes, the chain id and the
// signer's account number. The block's ante handler then requires the same
// account numbers in the same order for the tx's real signers, and as
// account numbers are unique, those are the accounts the keys here belong
// to; an account's public key, once set, cannot change.
func (p sigPreverifier) verify(txBytes []byte) ([32]byte, bool) {
	var raw txtypes.TxRaw
	if raw.Unmarshal(txBytes) != nil {
		return [32]byte{}, false
	}
	var auth txtypes.AuthInfo
	if auth.Unmarshal(raw.AuthInfoBytes) != nil || len(auth.SignerInfos) == 0 || len(auth.SignerInfos) != len(raw.Signatures) {
		return [32]byte{}, false
	}
	digest := newSignersDigest()
	for i, info := range auth.SignerInfos {
		pk, ok := directSecp256k1Signer(info)
		if !ok {
			return [32]byte{}, false
		}
		acc := p.account(sdk.AccAddress(pk.Address()))
		if acc == nil {
			return [32]byte{}, false
		}
		if set := acc.GetPubKey(); set != nil && !set.Equals(pk) {
			return [32]byte{}, false
		}
		doc := txtypes.SignDoc{BodyBytes: raw.BodyBytes, AuthInfoBytes: raw.AuthInfoBytes, ChainId: p.chainID, AccountNumber: acc.GetAccountNumber()}
		signBytes, err := doc.Marshal()
		if err != nil || !pk.VerifySignature(signBytes, raw.Signatures[i]) {
			return [32]byte{}, false
		}
		digest.add(acc.GetAccountNumber())
	}
	return digest.sum(), true
}

// secp256k1PubKeyURL is the type URL of the SDK's secp256k1 public key.
const secp256k1PubKeyURL = "/cosmos.crypto.secp256k1.PubKey"

// directSecp256k1Signer returns the signer's key if it is a well-formed
// secp256k1 key signing alone in SIGN_MODE_DIRECT.
func directSecp256k1Signer(info *txtypes.SignerInfo) (*secp256k1.PubKey, bool) {
	single := info.GetModeInfo().GetSingle()
	if single == nil || single.Mode != signingtypes.SignMode_SIGN_MODE_DIRECT ||
		info.PublicKey == nil || info.PublicKey.TypeUrl != secp256k1PubKeyURL {
		return nil, false
	}
	var pk secp256k1.PubKey
	if pk.Unmarshal(info.PublicKey.Value) != nil || len(pk.Key) != secp256k1.PubKeySize {
		return nil, false
	}
	return &pk, true
}
