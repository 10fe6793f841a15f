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
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"strings"
	"time"

	rpchttp "github.com/cometbft/cometbft/rpc/client/http"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/milkyway-labs/milkyway-rollup/app"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

type config struct {
	n        int
	node     string
	home     string
	chainID  string
	from     []string
	to       string
	gas      uint64
	fees     string
	send     string
	delegate string
	timeout  time.Duration
}

func main() {
	var cfg config
	var from string
	flag.IntVar(&cfg.n, "n", 500, "transactions per phase")
	flag.StringVar(&cfg.node, "node", "tcp://127.0.0.1:26657", "sequencer RPC (loopback only)")
	flag.StringVar(&cfg.home, "home", "local-devnet/.devnet/sequencer", "home holding the test keyring of the devnet keys")
	flag.StringVar(&cfg.chainID, "chain-id", app.DefaultChainID, "chain id")
	flag.StringVar(&from, "from", "alice", "comma-separated sender keys; each sends its share of N in sequence order, in parallel with the others")
	flag.StringVar(&cfg.to, "to", "bob", "key name or address receiving the bank sends")
	flag.Uint64Var(&cfg.gas, "gas", 250000, "gas limit of every tx")
	flag.StringVar(&cfg.fees, "fees", "2500umilk", "fee of every tx (the devnet's minimum gas price is 0.0025umilk)")
	flag.StringVar(&cfg.send, "send-amount", "1umilk", "amount of each bank send")
	flag.StringVar(&cfg.delegate, "delegate-amount", "1000umilktia", "amount of each pool delegation")
	flag.DurationVar(&cfg.timeout, "timeout", 5*time.Minute, "limit for each phase (broadcast and inclusion)")
	flag.Parse()
	for _, f := range strings.Split(from, ",") {
		if f = strings.TrimSpace(f); f != "" {
			cfg.from = append(cfg.from, f)
		}
	}
	if err := run(cfg); err != nil {
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

// result is what one phase measured.
type result struct {
	name      string
	n         int
	broadcast time.Duration // first broadcast to last CheckTx answer
	included  time.Duration // first broadcast to the block holding the last tx seen
	blocks    []blockCount  // blocks holding our txs
	failed    int           // txs with a non-zero code in their block
	firstFail string
}

type blockCount struct {
	height int64
	txs    int
	// lag is from the block's header time (when the sequencer started
	// it) to when its height was first seen in /abci_info (committed): the
	// time to execute and commit the block, plus at most one poll.
	lag time.Duration
}

func (r result) tps() float64 { return float64(r.n) / r.included.Seconds() }

func run(cfg config) error {
	if cfg.n <= 0 {
		return errors.New("-n must be positive")
	}
	if len(cfg.from) == 0 {
		return errors.New("-from names no key")
	}
	if err := checkLoopback(cfg.node); err != nil {
		return err
	}
	if _, err := sdk.ParseCoinsNormalized(cfg.fees); err != nil {
		return fmt.Errorf("-fees: %w", err)
	}
	sendAmt, err := sdk.ParseCoinsNormalized(cfg.send)
	if err != nil || sendAmt.Empty() {
		return fmt.Errorf("-send-amount %q: want coins such as 1umilk", cfg.send)
	}
	delegateAmt, err := sdk.ParseCoinNormalized(cfg.delegate)
	if err != nil || !delegateAmt.Amount.IsPositive() {
		return fmt.Errorf("-delegate-amount %q: want one coin such as 1000umilktia", cfg.delegate)
	}

	enc := app.MakeEncodingConfig()
	authtypes.RegisterInterfaces(enc.InterfaceRegistry)
	banktypes.RegisterInterfaces(enc.InterfaceRegistry)
	restakingtypes.RegisterInterfaces(enc.InterfaceRegistry)

	rpc, err := rpchttp.NewWithTimeout(cfg.node, "/websocket", 10)
	if err != nil {
		return fmt.Errorf("RPC client for %s: %w", cfg.node, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*cfg.timeout)
	defer cancel()
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
	senders := make([]*sender, len(cfg.from))
	for i, name := range cfg.from {
		s, err := loadSender(disk, mem, name)
		if err != nil {
			return err
		}
		s.accNum, s.seq, err = clientCtx.AccountRetriever.GetAccountNumberSequence(clientCtx, s.addr)
		if err != nil {
			return fmt.Errorf("account of %s (%s): %w", name, s.addr, err)
		}
		senders[i] = s
	}
	to, err := resolveAddress(disk, cfg.to)
	if err != nil {
		return err
	}

	factory := tx.Factory{}.
		WithTxConfig(enc.TxConfig).WithKeybase(mem).WithChainID(cfg.chainID).
		WithGas(cfg.gas).WithFees(cfg.fees).WithSignMode(signing.SignMode_SIGN_MODE_DIRECT)

	fmt.Fprintf(os.Stderr, "node %s (%s), %d sender(s) %s, N=%d per phase\n",
		cfg.node, cfg.chainID, len(senders), strings.Join(cfg.from, ","), cfg.n)

	phases := []struct {
		name string
		msg  func(s *sender) sdk.Msg
	}{
		{"bank send", func(s *sender) sdk.Msg { return banktypes.NewMsgSend(s.addr, to, sendAmt) }},
		{"delegate-pool", func(s *sender) sdk.Msg {
			return &restakingtypes.MsgDelegatePool{Delegator: s.addr.String(), Amount: delegateAmt}
		}},
	}
	results := make([]result, 0, len(phases))
	for _, ph := range phases {
		txs, err := signAll(ctx, factory, enc.TxConfig, senders, cfg.n, ph.msg)
		if err != nil {
			return fmt.Errorf("%s: signing: %w", ph.name, err)
		}
		r, err := measure(ctx, rpc, ph.name, txs, len(senders), cfg.timeout)
		if err != nil {
			return fmt.Errorf("%s: %w", ph.name, err)
		}
		results = append(results, r)
		printDetails(r)
	}

	for _, r := range results {
		fmt.Printf("%-17s N=%d  included in %.2fs  -> %.1f tx/s\n", r.name+":", r.n, r.included.Seconds(), r.tps())
	}
	fmt.Printf("ratio delegate/bank: %.2f\n", results[1].tps()/results[0].tps())
	for _, r := range results {
		if r.failed > 0 {
			return fmt.Errorf("%s: %d of %d txs failed in their block; first: %s", r.name, r.failed, r.n, r.firstFail)
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
