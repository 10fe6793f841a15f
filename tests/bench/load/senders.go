package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	rpchttp "github.com/cometbft/cometbft/rpc/client/http"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

// This file makes extra sender accounts. One account can only have one
// transaction in flight (its sequence orders them), so the number of
// senders is the generator's concurrency; the devnet has three funded keys.

// derivedSenders imports k keys derived from seed into mem. The same seed
// gives the same accounts, so a second run reuses (and tops up) them.
func derivedSenders(mem keyring.Keyring, seed string, k int) ([]*sender, error) {
	out := make([]*sender, k)
	for i := range out {
		sum := sha256.Sum256([]byte(fmt.Sprintf("milkyway-load/%s/%d", seed, i)))
		priv := &secp256k1.PrivKey{Key: sum[:]}
		name := fmt.Sprintf("load-%s-%d", seed, i)
		if err := mem.ImportPrivKeyHex(name, hex.EncodeToString(priv.Bytes()), string(hd.Secp256k1Type)); err != nil {
			return nil, fmt.Errorf("deriving sender %d: %w", i, err)
		}
		out[i] = &sender{name: name, addr: sdk.AccAddress(priv.PubKey().Address())}
	}
	return out, nil
}

// fund sends each of to the coins in one MsgMultiSend from funder and
// waits until it is in a block (or fails there).
func fund(ctx context.Context, rpc *rpchttp.HTTP, f tx.Factory, txCfg client.TxConfig, funder *sender, to []*sender, each sdk.Coins) error {
	total := sdk.Coins{}
	outputs := make([]banktypes.Output, len(to))
	for i, s := range to {
		outputs[i] = banktypes.NewOutput(s.addr, each)
		total = total.Add(each...)
	}
	msg := banktypes.NewMsgMultiSend(banktypes.NewInput(funder.addr, total), outputs)
	// The fee grows with the gas at the price of the per-tx -fees and -gas.
	gas := 100_000 + 30_000*uint64(len(to))
	fees := append(sdk.Coins{}, f.Fees()...) // a copy: the factory's fees serve every later tx
	for i := range fees {
		fees[i].Amount = fees[i].Amount.MulRaw(int64(gas)).QuoRaw(int64(f.Gas())).AddRaw(1)
	}
	f = f.WithGas(gas).WithFees(fees.String())
	signed, err := signAll(ctx, f, txCfg, []*sender{funder}, 1, func(*sender) sdk.Msg { return msg })
	if err != nil {
		return err
	}
	res, err := rpc.BroadcastTxSync(ctx, signed[0].bytes)
	if err != nil {
		return fmt.Errorf("funding the senders: %w", err)
	}
	if res.Code != 0 {
		return fmt.Errorf("funding the senders: CheckTx code %d (%s): %s", res.Code, res.Codespace, res.Log)
	}
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		got, err := rpc.Tx(ctx, res.Hash, false)
		if err != nil {
			continue // not indexed yet
		}
		if got.TxResult.Code != 0 {
			return fmt.Errorf("funding the senders failed in block %d: %s", got.Height, got.TxResult.Log)
		}
		return nil
	}
	return fmt.Errorf("funding tx %s not in a block within a minute", res.Hash)
}
