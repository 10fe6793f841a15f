//go:build celestia

package celestiae2e

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/tests/nodetest"
)

// Large transactions: a backlog of rollup blocks bigger than one Celestia
// transaction can carry is made of bank sends with 700,000-character memos.
// Each stays under the 1,000,000-byte body limit of the sequencer's RPC
// (CometBFT's default, which serveRPC applies) once base64-encoded.
const (
	bigMemo     = 700_000   // characters of each big memo (random base64, ~75% after zstd)
	bigTxs      = 13        // 13 x 700,000: more than the node's 8,388,221-byte limit
	nodeMaxBlob = 8_388_221 // largest blob celestia-node v0.32.1 / celestia-app 9.0.8 accepted here
	bigTxGas    = "8000000"
	bigTxFees   = "25000umilk" // above 0.0025umilk/gas, the sequencer's minimum
	loadTxFees  = "1000umilk"
)

// allowLargeTxs raises the memo limit in the genesis in home (copied to
// every node) so that the sequencer takes the big-memo transactions.
func allowLargeTxs(t *testing.T, home string) {
	t.Helper()
	path := filepath.Join(home, "config", "genesis.json")
	bz, err := os.ReadFile(path)
	require.NoError(t, err)
	var g map[string]any
	require.NoError(t, json.Unmarshal(bz, &g))
	params := g["app_state"].(map[string]any)["auth"].(map[string]any)["params"].(map[string]any)
	params["max_memo_characters"] = strconv.Itoa(2 * bigMemo)
	bz, err = json.MarshalIndent(g, "", "  ")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, bz, 0o600))
}

// account returns key's account number and sequence as the sequencer's
// committed state has them (0 for fields the JSON omits).
func (r *rollup) account(key string) (num, seq uint64) {
	r.t.Helper()
	out := r.cli("query", "auth", "account", r.address(key), "--node", "tcp://"+r.seqRPC, "-o", "json")
	var v any
	require.NoError(r.t, json.Unmarshal([]byte(out), &v), out)
	var walk func(any)
	walk = func(x any) {
		switch x := x.(type) {
		case map[string]any:
			for k, val := range x {
				if s, ok := val.(string); ok && (k == "account_number" || k == "sequence") {
					n, err := strconv.ParseUint(s, 10, 64)
					require.NoError(r.t, err, out)
					if k == "account_number" {
						num = n
					} else {
						seq = n
					}
				}
				walk(val)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return num, seq
}

// sendBigTxs signs bigTxs bank sends from alice, each with its own random
// bigMemo-character memo, offline with consecutive sequences, and
// broadcasts them to the sequencer, and waits until they are in blocks. It
// returns a lower bound of their bytes (the memos').
func (r *rollup) sendBigTxs(t *testing.T) int {
	t.Helper()
	bob := r.address("bob")
	num, seq := r.account("alice")
	unsigned := r.cli("tx", "bank", "send", "alice", bob, "1umilk", "--chain-id", chainID, "--keyring-backend", "test",
		"--home", r.home("sequencer"), "--gas", bigTxGas, "--fees", bigTxFees, "--generate-only", "-o", "json")
	var tx map[string]any
	require.NoError(t, json.Unmarshal([]byte(unsigned), &tx), unsigned)
	dir := t.TempDir()
	total := 0
	for i := 0; i < bigTxs; i++ {
		random := make([]byte, bigMemo*3/4)
		_, err := rand.Read(random)
		require.NoError(t, err)
		tx["body"].(map[string]any)["memo"] = base64.StdEncoding.EncodeToString(random)
		bz, err := json.Marshal(tx)
		require.NoError(t, err)
		path := filepath.Join(dir, "unsigned-"+strconv.Itoa(i)+".json")
		require.NoError(t, os.WriteFile(path, bz, 0o600))
		signed := r.cli("tx", "sign", path, "--from", "alice", "--chain-id", chainID, "--keyring-backend", "test",
			"--home", r.home("sequencer"), "--offline", "--account-number", strconv.FormatUint(num, 10),
			"--sequence", strconv.FormatUint(seq+uint64(i), 10), "-o", "json")
		signedPath := filepath.Join(dir, "signed-"+strconv.Itoa(i)+".json")
		require.NoError(t, os.WriteFile(signedPath, []byte(signed), 0o600))
		out := r.cli("tx", "broadcast", signedPath, "--node", "tcp://"+r.seqRPC, "-o", "json")
		var res struct {
			Code   uint32 `json:"code"`
			RawLog string `json:"raw_log"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &res), out)
		require.Zero(t, res.Code, "big tx %d: %s", i, res.RawLog)
		total += bigMemo // the memo alone: a lower bound of the tx's bytes
	}
	waitFor(t, 60*time.Second, "the big transactions in blocks", func() bool {
		_, s := r.account("alice")
		return s >= seq+bigTxs
	})
	return total
}

// startLoad sends small bank transfers (alice to bob, bob to alice, one
// sender each, explicit sequences) until the returned stop is called, which
// returns how many the sequencer's mempool accepted.
func (r *rollup) startLoad() (stop func() int) {
	r.t.Helper()
	var (
		wg    sync.WaitGroup
		count atomic.Int64
		done  = make(chan struct{})
	)
	for _, pair := range [][2]string{{"alice", "bob"}, {"bob", "alice"}} {
		from, fromAddr, to := pair[0], r.address(pair[0]), r.address(pair[1])
		num, seq := r.account(from)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				stdout, _, err := run("tx", "bank", "send", from, to, "1umilk", "--chain-id", chainID, "--keyring-backend", "test",
					"--home", r.home("sequencer"), "--fees", loadTxFees, "--node", "tcp://"+r.seqRPC,
					"--account-number", strconv.FormatUint(num, 10), "--sequence", strconv.FormatUint(seq, 10), "-y", "-o", "json")
				var res struct {
					Code uint32 `json:"code"`
				}
				if err == nil && json.Unmarshal([]byte(stdout), &res) == nil && res.Code == 0 {
					seq++
					count.Add(1)
					continue
				}
				// A sequence mismatch or a busy node: resynchronise from
				// committed state once the mempool has drained.
				time.Sleep(time.Second)
				if out, _, err := run("query", "auth", "account", fromAddr, "--node", "tcp://"+r.seqRPC, "-o", "json"); err == nil {
					if s, ok := sequenceOf(out); ok {
						seq = s
					}
				}
			}
		}()
	}
	return func() int {
		close(done)
		wg.Wait()
		return int(count.Load())
	}
}

// sequenceOf reads "sequence" from `query auth account -o json` output.
func sequenceOf(out string) (uint64, bool) {
	i := strings.Index(out, `"sequence":"`)
	if i < 0 {
		return 0, strings.Contains(out, `"account_number"`) || strings.Contains(out, `"address"`)
	}
	rest := out[i+len(`"sequence":"`):]
	j := strings.IndexByte(rest, '"')
	if j < 0 {
		return 0, false
	}
	n, err := strconv.ParseUint(rest[:j], 10, 64)
	return n, err == nil
}

// txsIn counts the transactions in blocks 1..upTo of the node at rpc.
func txsIn(t *testing.T, rpc string, upTo int64) int {
	t.Helper()
	n := 0
	for h := int64(1); h <= upTo; h++ {
		hashes, err := nodetest.BlockTxHashes(rpc, h)
		require.NoError(t, err, "block %d", h)
		n += len(hashes)
	}
	return n
}
