package app_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/app"
)

// A sequencer skips the second signature check of a tx it already checked
// in CheckTx (ante_verify_once.go). Through the real app: the block's
// results, gas and app hash are the same as on a node that never saw the
// tx in CheckTx, and a bad signature still fails in a block.
func TestVerifyOnceGivesTheSameBlock(t *testing.T) {
	key := secp256k1.GenPrivKey()
	fund := fundedGenesis(t, key)
	sequencer, t0 := startedApp(t, "once-1", fund)
	fullNode, _ := startedApp(t, "once-1", fund)

	good := signedSend(t, sequencer.TxConfig(), "once-1", key, 0, 1)
	forged := signedSend(t, sequencer.TxConfig(), "another-chain", key, 1, 2) // signs other bytes

	check, err := sequencer.CheckTx(&abci.RequestCheckTx{Tx: good, Type: abci.CheckTxType_New})
	require.NoError(t, err)
	require.Zero(t, check.Code, check.Log)

	block := &abci.RequestFinalizeBlock{Height: 2, Time: t0.Add(2 * time.Second), Txs: [][]byte{good, forged}}
	onSequencer, err := sequencer.FinalizeBlock(block)
	require.NoError(t, err)
	onFullNode, err := fullNode.FinalizeBlock(block)
	require.NoError(t, err)

	require.Zero(t, onSequencer.TxResults[0].Code, onSequencer.TxResults[0].Log)
	require.Equal(t, uint32(4), onSequencer.TxResults[1].Code, "a bad signature fails in the block: %s", onSequencer.TxResults[1].Log)
	for i := range block.Txs {
		require.Equal(t, onFullNode.TxResults[i].Code, onSequencer.TxResults[i].Code)
		require.Equal(t, onFullNode.TxResults[i].GasUsed, onSequencer.TxResults[i].GasUsed, "gas does not depend on the skipped check")
	}
	require.Equal(t, onFullNode.AppHash, onSequencer.AppHash)
}

// fundedGenesis gives key's address an account and umilk in genesis.
func fundedGenesis(t *testing.T, key *secp256k1.PrivKey) func(*app.App, map[string]json.RawMessage) {
	from := sdk.AccAddress(key.PubKey().Address())
	return func(a *app.App, state map[string]json.RawMessage) {
		cdc := a.AppCodec()
		var auth authtypes.GenesisState
		cdc.MustUnmarshalJSON(state[authtypes.ModuleName], &auth)
		acc, err := authtypes.PackAccounts(authtypes.GenesisAccounts{authtypes.NewBaseAccount(from, nil, 0, 0)})
		require.NoError(t, err)
		auth.Accounts = append(auth.Accounts, acc...)
		state[authtypes.ModuleName] = cdc.MustMarshalJSON(&auth)
		var bank banktypes.GenesisState
		cdc.MustUnmarshalJSON(state[banktypes.ModuleName], &bank)
		bank.Balances = append(bank.Balances, banktypes.Balance{Address: from.String(), Coins: sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, 1_000_000))})
		state[banktypes.ModuleName] = cdc.MustMarshalJSON(&bank)
	}
}

func signedSend(t *testing.T, txCfg client.TxConfig, chainID string, key *secp256k1.PrivKey, seq uint64, amount int64) []byte {
	t.Helper()
	from := sdk.AccAddress(key.PubKey().Address())
	b := txCfg.NewTxBuilder()
	require.NoError(t, b.SetMsgs(banktypes.NewMsgSend(from, sdk.AccAddress("to__________________"), sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, amount)))))
	b.SetGasLimit(200_000)
	b.SetFeeAmount(sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, 1000)))
	// SIGN_MODE_DIRECT signs the auth info, so the signer info goes in first.
	require.NoError(t, b.SetSignatures(signing.SignatureV2{PubKey: key.PubKey(), Sequence: seq,
		Data: &signing.SingleSignatureData{SignMode: signing.SignMode_SIGN_MODE_DIRECT}}))
	signerData := authsigning.SignerData{ChainID: chainID, AccountNumber: 0, Sequence: seq, PubKey: key.PubKey(), Address: from.String()}
	sig, err := tx.SignWithPrivKey(context.Background(), signing.SignMode_SIGN_MODE_DIRECT, signerData, b, key, txCfg, seq)
	require.NoError(t, err)
	require.NoError(t, b.SetSignatures(sig))
	bz, err := txCfg.TxEncoder()(b.GetTx())
	require.NoError(t, err)
	return bz
}
