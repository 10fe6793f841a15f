package main

import (
	"context"
	"encoding/hex"
	"fmt"

	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// This file signs the transactions up front.

// loadSender reads a key from the test keyring and imports it into mem.
func loadSender(disk, mem keyring.Keyring, name string) (*sender, error) {
	rec, err := disk.Key(name)
	if err != nil {
		return nil, fmt.Errorf("key %q: %w", name, err)
	}
	local := rec.GetLocal()
	if local == nil || local.PrivKey == nil {
		return nil, fmt.Errorf("key %q has no local private key", name)
	}
	priv, ok := local.PrivKey.GetCachedValue().(cryptotypes.PrivKey)
	if !ok {
		return nil, fmt.Errorf("key %q: private key of type %T", name, local.PrivKey.GetCachedValue())
	}
	if err := mem.ImportPrivKeyHex(name, hex.EncodeToString(priv.Bytes()), string(hd.Secp256k1Type)); err != nil {
		return nil, fmt.Errorf("key %q: %w", name, err)
	}
	addr, err := rec.GetAddress()
	if err != nil {
		return nil, err
	}
	return &sender{name: name, addr: addr}, nil
}

func resolveAddress(kr keyring.Keyring, nameOrAddr string) (sdk.AccAddress, error) {
	if addr, err := sdk.AccAddressFromBech32(nameOrAddr); err == nil {
		return addr, nil
	}
	rec, err := kr.Key(nameOrAddr)
	if err != nil {
		return nil, fmt.Errorf("-to %q is neither an address nor a key: %w", nameOrAddr, err)
	}
	return rec.GetAddress()
}

// signAll signs n transactions, round-robin over the senders, each with
// the sender's next sequence.
func signAll(ctx context.Context, f tx.Factory, txCfg client.TxConfig, senders []*sender, n int, msg func(*sender) sdk.Msg) ([]signedTx, error) {
	out := make([]signedTx, n)
	for i := range out {
		si := i % len(senders)
		s := senders[si]
		sf := f.WithAccountNumber(s.accNum).WithSequence(s.seq)
		b, err := sf.BuildUnsignedTx(msg(s))
		if err != nil {
			return nil, err
		}
		if err := tx.Sign(ctx, sf, s.name, b, true); err != nil {
			return nil, err
		}
		bz, err := txCfg.TxEncoder()(b.GetTx())
		if err != nil {
			return nil, err
		}
		out[i] = signedTx{bytes: bz, hash: fmt.Sprintf("%X", cmttypes.Tx(bz).Hash()), sender: si}
		s.seq++
	}
	return out, nil
}
