package main

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"

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
// the sender's next sequence. Senders sign in parallel: signing 60 s worth
// of transactions one by one would take longer than sending them.
func signAll(ctx context.Context, f tx.Factory, txCfg client.TxConfig, senders []*sender, n int, msg func(*sender) sdk.Msg) ([]signedTx, error) {
	out := make([]signedTx, n)
	errs := make([]error, len(senders))
	var wg sync.WaitGroup
	for si := range senders {
		wg.Add(1)
		go func(si int) {
			defer wg.Done()
			s := senders[si]
			for i := si; i < n; i += len(senders) {
				bz, err := signOne(ctx, f.WithAccountNumber(s.accNum).WithSequence(s.seq), txCfg, s, msg(s))
				if err != nil {
					errs[si] = err
					return
				}
				out[i] = signedTx{bytes: bz, hash: fmt.Sprintf("%X", cmttypes.Tx(bz).Hash()), sender: si}
				s.seq++
			}
		}(si)
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

func signOne(ctx context.Context, f tx.Factory, txCfg client.TxConfig, s *sender, msg sdk.Msg) ([]byte, error) {
	b, err := f.BuildUnsignedTx(msg)
	if err != nil {
		return nil, err
	}
	if err := tx.Sign(ctx, f, s.name, b, true); err != nil {
		return nil, err
	}
	return txCfg.TxEncoder()(b.GetTx())
}

// rewind gives the sequences of txs that were never sent back to their
// senders, so the next phase continues without a gap.
func rewind(senders []*sender, unsent []signedTx) {
	for _, t := range unsent {
		senders[t.sender].seq--
	}
}
