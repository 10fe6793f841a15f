package e2e

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// txLoad keeps a steady stream of transactions flowing through the CLI, one
// sender per key, while processes are killed. Each sender waits for its
// last transaction to land in a block (or to be lost with a killed
// sequencer's mempool) before signing the next, so account sequences never
// race. Every transaction seen in a block is recorded with its height: it
// is committed and must survive every later crash.
type txLoad struct {
	c    *cluster
	stop chan struct{}
	wg   sync.WaitGroup

	mu        sync.Mutex
	committed map[string]int64 // tx hash -> height it was seen at
	sent      int              // accepted by CheckTx
	refused   int              // CLI or CheckTx error (sequencer down, stale sequence)
	lost      int              // accepted, then never seen in a block
}

// loadSender is one key and the transaction it sends over and over.
type loadSender struct {
	key  string
	args []string // `tx ...` arguments without --from and the fee flags
}

func (c *cluster) startLoad(senders ...loadSender) *txLoad {
	l := &txLoad{c: c, stop: make(chan struct{}), committed: map[string]int64{}}
	for _, s := range senders {
		l.wg.Add(1)
		go l.run(s)
	}
	return l
}

// finish stops the senders and waits for their last transactions.
func (l *txLoad) finish() {
	close(l.stop)
	l.wg.Wait()
}

func (l *txLoad) run(s loadSender) {
	defer l.wg.Done()
	for !l.stopped() {
		hash, err := l.send(s)
		if err != nil {
			l.count(&l.refused)
			l.pause(300 * time.Millisecond)
			continue
		}
		l.count(&l.sent)
		if height, ok := l.await(hash, 20*time.Second); ok {
			l.mu.Lock()
			l.committed[hash] = height
			l.mu.Unlock()
		} else {
			l.count(&l.lost)
		}
	}
}

func (l *txLoad) send(s loadSender) (string, error) {
	args := append([]string{"tx"}, s.args...)
	args = append(args, "--from", s.key, "--chain-id", chainID, "--keyring-backend", "test",
		"--home", l.c.home("sequencer"), "--fees", "5000umilk", "--gas", "400000",
		"--node", "tcp://"+l.c.seqRPC, "-y", "-o", "json")
	out, err := l.c.tryCLI(args...)
	if err != nil {
		return "", err
	}
	var res struct {
		Code   uint32 `json:"code"`
		TxHash string `json:"txhash"`
		RawLog string `json:"raw_log"`
	}
	if err := json.Unmarshal([]byte(out[max(strings.Index(out, "{"), 0):]), &res); err != nil {
		return "", err
	}
	if res.Code != 0 {
		return "", fmt.Errorf("CheckTx code %d: %s", res.Code, res.RawLog)
	}
	return res.TxHash, nil
}

// await polls the sequencer for the transaction until it is in a block,
// the limit passes or the load stops.
func (l *txLoad) await(hash string, limit time.Duration) (int64, bool) {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if h, ok := txHeight(l.c.seqRPC, hash); ok {
			return h, true
		}
		if l.stopped() && time.Until(deadline) > 3*time.Second {
			deadline = time.Now().Add(3 * time.Second) // let the last one land, once
		}
		time.Sleep(100 * time.Millisecond)
	}
	return 0, false
}

func (l *txLoad) stopped() bool {
	select {
	case <-l.stop:
		return true
	default:
		return false
	}
}

func (l *txLoad) pause(d time.Duration) {
	select {
	case <-l.stop:
	case <-time.After(d):
	}
}

func (l *txLoad) count(n *int) {
	l.mu.Lock()
	*n++
	l.mu.Unlock()
}

// snapshot returns the committed transactions so far.
func (l *txLoad) snapshot() map[string]int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make(map[string]int64, len(l.committed))
	for k, v := range l.committed {
		out[k] = v
	}
	return out
}

// txHeight asks a node's RPC for a transaction by hash (JSON-RPC POST: the
// hash is bytes, base64 in JSON) and returns the height of its block.
func txHeight(rpc, hexHash string) (int64, bool) {
	raw, err := hex.DecodeString(hexHash)
	if err != nil {
		return 0, false
	}
	body := fmt.Sprintf(`{"jsonrpc":"2.0","id":1,"method":"tx","params":{"hash":%q}}`, base64.StdEncoding.EncodeToString(raw))
	client := http.Client{Timeout: 3 * time.Second}
	resp, err := client.Post("http://"+rpc, "application/json", bytes.NewBufferString(body))
	if err != nil {
		return 0, false
	}
	defer resp.Body.Close()
	var out struct {
		Result *struct {
			Height string `json:"height"`
		} `json:"result"`
	}
	if json.NewDecoder(resp.Body).Decode(&out) != nil || out.Result == nil {
		return 0, false
	}
	h, err := strconv.ParseInt(out.Result.Height, 10, 64)
	return h, err == nil && h > 0
}
