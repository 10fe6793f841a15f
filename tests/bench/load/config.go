package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/app"
)

type config struct {
	n        int
	node     string
	home     string
	chainID  string
	prefix   string
	from     []string
	to       string
	gas      uint64
	fees     string
	send     string
	delegate string
	kinds    []string
	timeout  time.Duration
	// requestTimeout bounds one broadcast's answer. A slow answer is
	// latency to measure, not a failed run: it is far above a block time.
	requestTimeout time.Duration
	// senders > 0 replaces the -from keys by that many derived accounts,
	// funded by the first -from key: more senders, more txs in flight.
	senders  int
	duration time.Duration // > 0: broadcast each phase for this long (at most -n txs)
	jsonOut  bool
	batch    int     // txs per broadcast request (a JSON-RPC batch)
	rate     float64 // > 0: offered load in tx/s, spread over the senders
	follower string  // a full node RPC whose lag behind the sequencer is measured
}

// knownKinds are the transactions the generator can send.
var knownKinds = map[string]bool{"bank": true, "delegate": true}

func parseFlags(args []string) (config, error) {
	var cfg config
	var from, kinds string
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	fs.IntVar(&cfg.n, "n", 500, "transactions per phase (with -duration: the most signed up front)")
	fs.StringVar(&cfg.node, "node", "tcp://127.0.0.1:26657", "sequencer RPC (loopback only)")
	fs.StringVar(&cfg.home, "home", "local-devnet/.devnet/sequencer", "home holding the test keyring of the devnet keys")
	fs.StringVar(&cfg.chainID, "chain-id", app.DefaultChainID, "chain id")
	fs.StringVar(&cfg.prefix, "bech32-prefix", app.Bech32Prefix, "account address prefix of the chain (cosmos for ibc-go's simd)")
	fs.StringVar(&from, "from", "alice", "comma-separated sender keys; each sends its share of N in sequence order, in parallel with the others")
	fs.StringVar(&cfg.to, "to", "bob", "key name or address receiving the bank sends")
	fs.StringVar(&kinds, "kinds", "bank,delegate", "phases to run, in order: bank (bank sends), delegate (MsgDelegatePool)")
	fs.Uint64Var(&cfg.gas, "gas", 250000, "gas limit of every tx")
	fs.StringVar(&cfg.fees, "fees", "2500umilk", "fee of every tx (the devnet's minimum gas price is 0.0025umilk)")
	fs.StringVar(&cfg.send, "send-amount", "1umilk", "amount of each bank send")
	fs.StringVar(&cfg.delegate, "delegate-amount", "1000umilktia", "amount of each pool delegation")
	fs.DurationVar(&cfg.timeout, "timeout", 5*time.Minute, "limit for each phase (broadcast and inclusion)")
	fs.DurationVar(&cfg.requestTimeout, "request-timeout", time.Minute, "limit for one broadcast's answer (a slower answer ends the run)")
	fs.IntVar(&cfg.senders, "senders", 0, "use this many derived sender accounts, funded by the first -from key, instead of the -from keys (one tx in flight per sender)")
	fs.DurationVar(&cfg.duration, "duration", 0, "sustained mode: broadcast each phase for this long")
	fs.Float64Var(&cfg.rate, "rate", 0, "offered load in tx/s: each sender sends a batch every senders x batch / rate seconds (0: as fast as CheckTx takes them, which measures capacity; a rate below it measures latency at that load)")
	fs.IntVar(&cfg.batch, "batch", 1, "transactions per broadcast request of a sender (a JSON-RPC batch, run in order by the node)")
	fs.StringVar(&cfg.follower, "follower", "", "RPC of a full node (loopback): after each phase, how long until it has the last block")
	fs.BoolVar(&cfg.jsonOut, "json", false, "print one JSON object per phase instead of the table")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	cfg.from = splitList(from)
	cfg.kinds = splitList(kinds)
	return cfg, nil
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func (cfg config) validate() error {
	if cfg.n <= 0 {
		return errors.New("-n must be positive")
	}
	if len(cfg.from) == 0 {
		return errors.New("-from names no key")
	}
	if cfg.senders < 0 || cfg.duration < 0 || cfg.rate < 0 {
		return errors.New("-senders, -duration and -rate cannot be negative")
	}
	if cfg.batch < 1 {
		return errors.New("-batch must be at least 1")
	}
	if cfg.requestTimeout <= 0 {
		return errors.New("-request-timeout must be positive")
	}
	if len(cfg.kinds) == 0 {
		return errors.New("-kinds names no phase")
	}
	for _, k := range cfg.kinds {
		if !knownKinds[k] {
			return fmt.Errorf("-kinds: unknown phase %q (want bank or delegate)", k)
		}
	}
	if err := checkLoopback(cfg.node); err != nil {
		return err
	}
	if cfg.follower != "" {
		if err := checkLoopback(cfg.follower); err != nil {
			return fmt.Errorf("-follower: %w", err)
		}
	}
	if _, err := sdk.ParseCoinsNormalized(cfg.fees); err != nil {
		return fmt.Errorf("-fees: %w", err)
	}
	if amt, err := sdk.ParseCoinsNormalized(cfg.send); err != nil || amt.Empty() {
		return fmt.Errorf("-send-amount %q: want coins such as 1umilk", cfg.send)
	}
	if amt, err := sdk.ParseCoinNormalized(cfg.delegate); err != nil || !amt.Amount.IsPositive() {
		return fmt.Errorf("-delegate-amount %q: want one coin such as 1000umilktia", cfg.delegate)
	}
	return nil
}

// funding is what each derived sender gets: fees, sends and delegations
// for its share of every phase.
func (cfg config) funding(send sdk.Coins, delegate sdk.Coin) sdk.Coins {
	perSender := sdkmath.NewInt(int64((cfg.n + cfg.senders - 1) / cfg.senders))
	fees, _ := sdk.ParseCoinsNormalized(cfg.fees)
	out := sdk.Coins{}
	for _, k := range cfg.kinds {
		out = out.Add(fees...)
		switch k {
		case "bank":
			out = out.Add(send...)
		case "delegate":
			out = out.Add(delegate)
		}
	}
	for i := range out {
		out[i].Amount = out[i].Amount.Mul(perSender)
	}
	return out
}
