package ibc

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/tests/nodetest"
)

// chain is one side of the IBC link, driven through its own CLI against
// one node's RPC. Both milkywayd and simd are SDK v0.50 CLIs, so one type
// serves both.
type chain struct {
	t       testing.TB
	name    string // the chain's name in the relayer config
	chainID string
	bin     string
	home    string // the CLI home: keyring (test backend) and config
	rpc     string // host:port of the node that takes queries and txs
	// relayRPC, if set, is the node the relayer uses instead of rpc (the
	// rollup's DA-only full node, which forwards broadcasts).
	relayRPC string
	fees     string // fee for a transfer with gasLimit
	prefix   string // bech32 account prefix
	// channel is this chain's end of the transfer channel, set by link.
	channel string
	// mnemonics of the keys addKey created, by name.
	mnemonics map[string]string
}

// gasLimit covers an ICS-20 transfer on both chains with room to spare.
const gasLimit = "300000"

// cli runs a command of the chain's binary to completion and returns its stdout.
func (c *chain) cli(args ...string) string {
	c.t.Helper()
	out, err := c.run(args...)
	require.NoError(c.t, err, "%s %s", c.name, strings.Join(args, " "))
	return out
}

func (c *chain) run(args ...string) (string, error) {
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(c.bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.String(), &cliError{err: err, stdout: stdout.String(), stderr: stderr.String()}
	}
	return stdout.String(), nil
}

type cliError struct {
	err            error
	stdout, stderr string
}

func (e *cliError) Error() string {
	return e.err.Error() + "\nstdout: " + e.stdout + "\nstderr: " + e.stderr
}

// query runs a query against the chain's node and decodes its JSON answer.
func (c *chain) query(out any, args ...string) {
	c.t.Helper()
	bz := c.cli(append(args, "--node", "tcp://"+c.rpc, "-o", "json")...)
	require.NoError(c.t, json.Unmarshal([]byte(bz), out), bz)
}

// address returns the bech32 address of a key in the chain's test keyring.
func (c *chain) address(key string) string {
	c.t.Helper()
	return strings.TrimSpace(c.cli("keys", "show", key, "-a", "--keyring-backend", "test", "--home", c.home))
}

// addKey creates a key in the chain's test keyring and returns its address
// and mnemonic (the relayer imports its keys by mnemonic).
func (c *chain) addKey(name string) (addr, mnemonic string) {
	c.t.Helper()
	var out struct {
		Address  string `json:"address"`
		Mnemonic string `json:"mnemonic"`
	}
	bz := c.cli("keys", "add", name, "--keyring-backend", "test", "--home", c.home, "--output", "json")
	require.NoError(c.t, json.Unmarshal([]byte(bz), &out), bz)
	if c.mnemonics == nil {
		c.mnemonics = map[string]string{}
	}
	c.mnemonics[name] = out.Mnemonic
	return out.Address, out.Mnemonic
}

// txResult is what a chain reports for an included transaction.
type txResult struct {
	Height string `json:"height"`
	TxHash string `json:"txhash"`
	Code   uint32 `json:"code"`
	RawLog string `json:"raw_log"`
	Events []struct {
		Type       string `json:"type"`
		Attributes []struct {
			Key   string `json:"key"`
			Value string `json:"value"`
		} `json:"attributes"`
	} `json:"events"`
}

// event returns the value of the first attribute key in an event of type typ.
func (r txResult) event(typ, key string) string {
	for _, ev := range r.Events {
		if ev.Type != typ {
			continue
		}
		for _, a := range ev.Attributes {
			if a.Key == key {
				return a.Value
			}
		}
	}
	return ""
}

// tx signs args with key, broadcasts it and waits until the chain has
// included it with code 0.
func (c *chain) tx(key string, args ...string) txResult {
	c.t.Helper()
	res := c.tryTx(key, args...)
	require.Zero(c.t, res.Code, "%s tx %s: %s", c.name, res.TxHash, res.RawLog)
	return res
}

// tryTx is tx for a transaction that may fail in its block: CheckTx must
// accept it, and its block result (code, log) is returned as it is.
func (c *chain) tryTx(key string, args ...string) txResult {
	c.t.Helper()
	args = append([]string{"tx"}, args...)
	args = append(args, "--from", key, "--chain-id", c.chainID, "--keyring-backend", "test", "--home", c.home,
		"--gas", gasLimit, "--fees", c.fees, "--node", "tcp://"+c.rpc, "-y", "-o", "json")
	bz := c.cli(args...)
	var sent txResult
	require.NoError(c.t, json.Unmarshal([]byte(bz), &sent), bz)
	require.Zero(c.t, sent.Code, "%s tx %v: %s", c.name, args, sent.RawLog)
	var res txResult
	nodetest.WaitFor(c.t, 60*time.Second, c.name+" to include tx "+sent.TxHash, func() bool {
		out, err := c.run("q", "tx", sent.TxHash, "--node", "tcp://"+c.rpc, "-o", "json")
		return err == nil && json.Unmarshal([]byte(out), &res) == nil && res.Height != ""
	})
	return res
}

// balanceAt is addr's balance of denom on the node at rpc (0 if none).
func (c *chain) balanceAt(rpc, addr, denom string) int64 {
	c.t.Helper()
	var res struct {
		Balance struct {
			Amount string `json:"amount"`
		} `json:"balance"`
	}
	bz := c.cli("q", "bank", "balance", addr, denom, "--node", "tcp://"+rpc, "-o", "json")
	require.NoError(c.t, json.Unmarshal([]byte(bz), &res), bz)
	if res.Balance.Amount == "" {
		return 0
	}
	n, err := strconv.ParseInt(res.Balance.Amount, 10, 64)
	require.NoError(c.t, err)
	return n
}

// latestBlockTime is the time of the chain's latest block, by its node.
func (c *chain) latestBlockTime() time.Time {
	c.t.Helper()
	var st struct {
		Result struct {
			SyncInfo struct {
				LatestBlockTime time.Time `json:"latest_block_time"`
			} `json:"sync_info"`
		} `json:"result"`
	}
	require.NoError(c.t, nodetest.GetJSON("http://"+c.rpc+"/status", &st))
	return st.Result.SyncInfo.LatestBlockTime
}

// packetCommitted reports whether the packet with sequence seq sent on the
// chain's transfer channel still has a commitment: it is neither
// acknowledged nor timed out yet.
func (c *chain) packetCommitted(seq uint64) bool {
	c.t.Helper()
	var res struct {
		Commitments []struct {
			Sequence string `json:"sequence"`
		} `json:"commitments"`
	}
	c.query(&res, "q", "ibc", "channel", "packet-commitments", "transfer", c.channel)
	for _, pc := range res.Commitments {
		if pc.Sequence == strconv.FormatUint(seq, 10) {
			return true
		}
	}
	return false
}

// transferChannel reads the chain's one open transfer channel.
func (c *chain) transferChannel() string {
	c.t.Helper()
	var res struct {
		Channels []struct {
			State     string `json:"state"`
			PortID    string `json:"port_id"`
			ChannelID string `json:"channel_id"`
		} `json:"channels"`
	}
	c.query(&res, "q", "ibc", "channel", "channels")
	for _, ch := range res.Channels {
		if ch.PortID == "transfer" && ch.State == "STATE_OPEN" {
			return ch.ChannelID
		}
	}
	c.t.Fatalf("%s has no open transfer channel: %+v", c.name, res.Channels)
	return ""
}
