package app

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"sync/atomic"
	"testing"

	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/stretchr/testify/require"
)

// signedTx signs a bank send from key in mode for chainID and accNum.
func signedTx(t *testing.T, key *secp256k1.PrivKey, mode signing.SignMode, chainID string, accNum, seq uint64) []byte {
	t.Helper()
	enc := MakeEncodingConfig()
	from := sdk.AccAddress(key.PubKey().Address())
	b := enc.TxConfig.NewTxBuilder()
	require.NoError(t, b.SetMsgs(banktypes.NewMsgSend(from, sdk.AccAddress("to__________________"), sdk.NewCoins(sdk.NewInt64Coin(BondDenom, 1)))))
	b.SetGasLimit(200_000)
	b.SetFeeAmount(sdk.NewCoins(sdk.NewInt64Coin(BondDenom, 1000)))
	require.NoError(t, b.SetSignatures(signing.SignatureV2{PubKey: key.PubKey(), Sequence: seq,
		Data: &signing.SingleSignatureData{SignMode: mode}}))
	signerData := authsigning.SignerData{ChainID: chainID, AccountNumber: accNum, Sequence: seq, PubKey: key.PubKey(), Address: from.String()}
	sig, err := tx.SignWithPrivKey(context.Background(), mode, signerData, b, key, enc.TxConfig, seq)
	require.NoError(t, err)
	require.NoError(t, b.SetSignatures(sig))
	bz, err := enc.TxConfig.TxEncoder()(b.GetTx())
	require.NoError(t, err)
	return bz
}

// knownAccounts is the committed state the pre-verifier reads.
type knownAccounts map[string]sdk.AccountI

func (k knownAccounts) get(addr sdk.AccAddress) sdk.AccountI { return k[addr.String()] }

func (k knownAccounts) add(key cryptotypes.PubKey, accNum uint64, setKey cryptotypes.PubKey) {
	addr := sdk.AccAddress(key.Address())
	k[addr.String()] = authtypes.NewBaseAccount(addr, setKey, accNum, 0)
}

func accountNumbersDigest(nums ...uint64) [32]byte {
	h := sha256.New()
	for _, n := range nums {
		h.Write(binary.BigEndian.AppendUint64(nil, n))
	}
	var d [32]byte
	h.Sum(d[:0])
	return d
}

func TestPreverifierAcceptsWhatTheSDKWouldAndNothingElse(t *testing.T) {
	const chainID = "pre-1"
	key, other := secp256k1.GenPrivKey(), secp256k1.GenPrivKey()
	stranger := secp256k1.GenPrivKey() // no account in the committed state
	accounts := knownAccounts{}
	accounts.add(key.PubKey(), 4, nil)
	accounts.add(other.PubKey(), 5, secp256k1.GenPrivKey().PubKey()) // the account holds another key
	p := sigPreverifier{chainID: chainID, account: accounts.get, seen: newVerifiedTxs(verifiedTxsLimit)}

	signers, ok := p.verify(signedTx(t, key, signing.SignMode_SIGN_MODE_DIRECT, chainID, 4, 0))
	require.True(t, ok)
	require.Equal(t, accountNumbersDigest(4), signers, "the digest CheckTx's memory uses")

	accounts.add(key.PubKey(), 4, key.PubKey()) // the key already set on the account
	_, ok = p.verify(signedTx(t, key, signing.SignMode_SIGN_MODE_DIRECT, chainID, 4, 1))
	require.True(t, ok, "the account's own key")

	for name, bz := range map[string][]byte{
		"another chain id":               signedTx(t, key, signing.SignMode_SIGN_MODE_DIRECT, "pre-2", 4, 0),
		"another account number":         signedTx(t, key, signing.SignMode_SIGN_MODE_DIRECT, chainID, 3, 0),
		"a signer not yet an account":    signedTx(t, stranger, signing.SignMode_SIGN_MODE_DIRECT, chainID, 0, 0),
		"a key other than the account's": signedTx(t, other, signing.SignMode_SIGN_MODE_DIRECT, chainID, 5, 0),
		"amino JSON sign mode":           signedTx(t, key, signing.SignMode_SIGN_MODE_LEGACY_AMINO_JSON, chainID, 4, 0),
		"not a tx":                       []byte("not a tx"),
		"no bytes":                       nil,
	} {
		_, ok := p.verify(bz)
		require.False(t, ok, name)
	}
}

func TestPreverifierRunSkipsRememberedTxsAndStopsWhenHalted(t *testing.T) {
	const chainID = "pre-1"
	key := secp256k1.GenPrivKey()
	accounts := knownAccounts{}
	accounts.add(key.PubKey(), 4, nil)
	seen := newVerifiedTxs(verifiedTxsLimit)
	reads := 0
	p := sigPreverifier{chainID: chainID, seen: seen, account: func(a sdk.AccAddress) sdk.AccountI {
		reads++
		return accounts.get(a)
	}}
	checked := signedTx(t, key, signing.SignMode_SIGN_MODE_DIRECT, chainID, 4, 0)
	seen.add(sha256.Sum256(checked), accountNumbersDigest(4)) // CheckTx's
	good := signedTx(t, key, signing.SignMode_SIGN_MODE_DIRECT, chainID, 4, 1)
	forged := signedTx(t, key, signing.SignMode_SIGN_MODE_DIRECT, "pre-2", 4, 2)

	added := p.run([][]byte{checked, good, forged}, new(atomic.Bool))
	require.Equal(t, [][32]byte{sha256.Sum256(good)}, added, "only what it verified itself")
	require.Equal(t, 2, reads, "a tx CheckTx remembered is not read again")
	require.True(t, seen.has(sha256.Sum256(checked)))
	require.False(t, seen.has(sha256.Sum256(forged)))

	seen.forget(added)
	require.False(t, seen.has(sha256.Sum256(good)))
	halted := new(atomic.Bool)
	halted.Store(true)
	require.Empty(t, p.run([][]byte{good}, halted))
}

func TestPreverifierSurvivesAPanickingStore(t *testing.T) {
	key := secp256k1.GenPrivKey()
	p := sigPreverifier{chainID: "pre-1", seen: newVerifiedTxs(verifiedTxsLimit),
		account: func(sdk.AccAddress) sdk.AccountI { panic("corrupt account") }}
	tx := signedTx(t, key, signing.SignMode_SIGN_MODE_DIRECT, "pre-1", 0, 0)
	require.Empty(t, p.run([][]byte{tx, tx}, new(atomic.Bool)), "the block verifies the rest itself")
}
