// Command load measures how many transactions per second a running devnet
// sequencer includes: N signed bank sends, then N signed MsgDelegatePool,
// and the ratio of the two rates.
//
// It signs every transaction up front (account numbers and sequences from
// the chain, sequences then incremented locally), broadcasts them with
// broadcast_tx_sync as fast as the sequencer's CheckTx accepts them (one
// goroutine per sender account, in sequence order), and scans each new
// block until all N are in. The time reported runs from the first
// broadcast to the moment the block holding the last of them was seen.
//
//	make devnet-up
//	go run ./tests/bench/load -n 500
//
// It only talks to a node on the loopback interface and stops by itself
// (-timeout bounds each phase).
package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"

	rpchttp "github.com/cometbft/cometbft/rpc/client/http"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

func main() {
	cfg, err := parseFlags(os.Args[1:])
	if err == nil {
		err = run(cfg)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

// sender is one signing account with its locally tracked sequence.
type sender struct {
	name   string
	addr   sdk.AccAddress
	accNum uint64
	seq    uint64
}

// signedTx is a signed transaction ready to broadcast.
type signedTx struct {
	bytes  []byte
	hash   string // upper-case hex, as CometBFT prints it
	sender int
}

func run(cfg config) error {
	if err := cfg.validate(); err != nil {
		return err
	}
	sendAmt, _ := sdk.ParseCoinsNormalized(cfg.send)
	delegateAmt, _ := sdk.ParseCoinNormalized(cfg.delegate)
	enc := encodingFor(cfg.prefix)

	// One kept-alive connection per sender: CometBFT's default client keeps
	// two idle connections per host, so with more senders every broadcast
	// would open (and leave in TIME_WAIT) a new TCP connection.
	httpClient := &http.Client{Timeout: cfg.requestTimeout, Transport: &http.Transport{
		DisableCompression: true, MaxIdleConnsPerHost: max(len(cfg.from), cfg.senders) + 4,
	}}
	rpc, err := rpchttp.NewWithClient(cfg.node, "/websocket", httpClient)
	if err != nil {
		return fmt.Errorf("RPC client for %s: %w", cfg.node, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*cfg.timeout+2*cfg.duration)
	defer cancel()
	var follower *rpchttp.HTTP
	if cfg.follower != "" {
		if follower, err = rpchttp.New(cfg.follower, "/websocket"); err != nil {
			return fmt.Errorf("RPC client for %s: %w", cfg.follower, err)
		}
	}
	st, err := rpc.Status(ctx)
	if err != nil {
		return fmt.Errorf("no node at %s (start one with 'make devnet-up'): %w", cfg.node, err)
	}
	if st.NodeInfo.Network != cfg.chainID {
		return fmt.Errorf("node at %s runs chain %q, not %q (-chain-id)", cfg.node, st.NodeInfo.Network, cfg.chainID)
	}

	// Keys come from the devnet's test keyring and are copied into an
	// in-memory one: the file keyring decrypts the key on every signature.
	disk, err := keyring.New(sdk.KeyringServiceName(), keyring.BackendTest, cfg.home, nil, enc.Codec)
	if err != nil {
		return fmt.Errorf("keyring in %s: %w", cfg.home, err)
	}
	mem := keyring.NewInMemory(enc.Codec)
	clientCtx := client.Context{}.
		WithClient(rpc).WithCodec(enc.Codec).WithInterfaceRegistry(enc.InterfaceRegistry).
		WithTxConfig(enc.TxConfig).WithChainID(cfg.chainID).WithAccountRetriever(authtypes.AccountRetriever{})
	factory := tx.Factory{}.
		WithTxConfig(enc.TxConfig).WithKeybase(mem).WithChainID(cfg.chainID).
		WithGas(cfg.gas).WithFees(cfg.fees).WithSignMode(signing.SignMode_SIGN_MODE_DIRECT)
	senders := make([]*sender, len(cfg.from))
	for i, name := range cfg.from {
		if senders[i], err = loadSender(disk, mem, name); err != nil {
			return err
		}
	}
	if err := refreshAccounts(clientCtx, senders); err != nil {
		return err
	}
	if cfg.senders > 0 {
		derived, err := derivedSenders(mem, cfg.chainID, cfg.senders)
		if err != nil {
			return err
		}
		if err := fund(ctx, rpc, factory, enc.TxConfig, senders[0], derived, cfg.funding(sendAmt, delegateAmt)); err != nil {
			return err
		}
		if err := refreshAccounts(clientCtx, derived); err != nil {
			return err
		}
		senders = derived
	}
	to, err := resolveAddress(disk, cfg.to)
	if err != nil {
		return err
	}

	offered := "as fast as CheckTx takes them"
	if cfg.rate > 0 {
		offered = fmt.Sprintf("offered at %.0f tx/s", cfg.rate)
	}
	fmt.Fprintf(os.Stderr, "node %s (%s), %d sender(s), N=%d per phase, duration %s, %s\n",
		cfg.node, cfg.chainID, len(senders), cfg.n, cfg.duration, offered)
	msgs := map[string]func(s *sender) sdk.Msg{
		"bank": func(s *sender) sdk.Msg { return banktypes.NewMsgSend(s.addr, to, sendAmt) },
		"delegate": func(s *sender) sdk.Msg {
			return &restakingtypes.MsgDelegatePool{Delegator: s.addr.String(), Amount: delegateAmt}
		},
	}
	results := make([]result, 0, len(cfg.kinds))
	for _, kind := range cfg.kinds {
		txs, err := signAll(ctx, factory, enc.TxConfig, senders, cfg.n, msgs[kind])
		if err != nil {
			return fmt.Errorf("%s: signing: %w", kind, err)
		}
		r, err := measure(ctx, rpc, kind, txs, load{senders: len(senders), batch: cfg.batch, rate: cfg.rate}, cfg.duration, cfg.timeout)
		if err != nil {
			return fmt.Errorf("%s: %w", kind, err)
		}
		if follower != nil {
			if r.followerLag, err = followerLag(ctx, follower, r); err != nil {
				return fmt.Errorf("%s: %w", kind, err)
			}
		}
		rewind(senders, r.unsent) // unsent txs give their sequences back
		results = append(results, r)
		printDetails(r)
	}
	if err := checkResults(ctx, rpc, results); err != nil {
		return err
	}
	return report(os.Stdout, results, cfg.jsonOut)
}

// refreshAccounts reads each sender's account number and sequence.
func refreshAccounts(clientCtx client.Context, senders []*sender) error {
	for _, s := range senders {
		var err error
		s.accNum, s.seq, err = clientCtx.AccountRetriever.GetAccountNumberSequence(clientCtx, s.addr)
		if err != nil {
			return fmt.Errorf("account of %s (%s): %w", s.name, s.addr, err)
		}
	}
	return nil
}

// checkLoopback refuses any node that is not on 127.0.0.1 or localhost.
func checkLoopback(node string) error {
	u, err := url.Parse(node)
	if err != nil || u.Host == "" {
		return fmt.Errorf("-node %q: want tcp://127.0.0.1:PORT", node)
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("-node %q: this load generator only talks to a node on the loopback interface", node)
}
