package gateway

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"cosmossdk.io/log"
	"github.com/filecoin-project/go-jsonrpc"
	goda "github.com/rollkit/go-da"
	rollkittypes "github.com/rollkit/rollkit/types"

	"github.com/milkyway-labs/milkyway-rollup/da"
	"github.com/milkyway-labs/milkyway-rollup/da/blobenc"
)

// Gateway is a go-da DA that forwards to an upstream DA and screens what
// rollkit reads. It is safe for concurrent use.
type Gateway struct {
	upstream goda.DA
	verifier *BlockVerifier
	logger   log.Logger
	progress *syncProgress
	metrics  *Metrics
	// rawBlobs posts blocks without the compression envelope, for a
	// rollout where full nodes older than blobenc still follow the DA.
	rawBlobs bool

	// screened keeps the blocks fetched by GetIDs, decoded to the raw bytes
	// rollkit reads, for the Get that rollkit issues right after it, so
	// each blob crosses the network and is decompressed once.
	mu       sync.Mutex
	screened map[string][]byte
	watcher  Watcher // nil: every screened block is handed on

	// includedHeight is the highest rollup height seen on DA, read or
	// submitted. Rollkit v0.13.6 keeps this only in memory.
	includedHeight atomic.Uint64

	srv *http.Server
}

var _ goda.DA = (*Gateway)(nil)

// New creates a gateway in front of upstream.
func New(upstream goda.DA, verifier *BlockVerifier, logger log.Logger) *Gateway {
	return &Gateway{
		upstream: upstream,
		verifier: verifier,
		logger:   logger.With("module", "da-gateway"),
		progress: newSyncProgress(),
		metrics:  unregisteredMetrics(),
		screened: make(map[string][]byte),
	}
}

// Listen serves the gateway over go-da JSON-RPC on addr (use
// "127.0.0.1:0" for a free port) and returns the URL rollkit should use.
func (g *Gateway) Listen(addr string) (string, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", fmt.Errorf("da gateway: listen on %s: %w", addr, err)
	}
	rpc := jsonrpc.NewServer()
	// Only the go-da methods: go-jsonrpc would expose every exported
	// method of *Gateway (Close, Watch, ...) to whoever reaches the port.
	rpc.Register("da", struct{ goda.DA }{g})
	g.srv = &http.Server{Handler: rpc, ReadHeaderTimeout: 2 * time.Second}
	go func() { _ = g.srv.Serve(ln) }()
	return "http://" + ln.Addr().String(), nil
}

// Close stops the JSON-RPC listener.
func (g *Gateway) Close() error {
	if g.srv == nil {
		return nil
	}
	return g.srv.Close()
}

// PostRaw makes Submit post blocks as they are, without blobenc's
// envelope (call before Listen). Reading is unaffected: both forms are
// always read.
func (g *Gateway) PostRaw() { g.rawBlobs = true }

// IncludedHeight is the highest rollup block height known to be on DA.
func (g *Gateway) IncludedHeight() uint64 { return g.includedHeight.Load() }

// MaxBlobSize forwards to the upstream DA.
func (g *Gateway) MaxBlobSize(ctx context.Context) (uint64, error) {
	return g.upstream.MaxBlobSize(ctx)
}

// GetIDs returns the IDs at height whose blobs are valid sequencer blocks
// that the watcher admits. Invalid ones are logged and left out, so
// rollkit never sees them.
func (g *Gateway) GetIDs(ctx context.Context, height uint64, ns goda.Namespace) ([]goda.ID, error) {
	watcher := g.currentWatcher()
	ids, blobs, blocks, err := g.screen(ctx, height, ns)
	if err == nil {
		g.metrics.setRead(height)
	}
	if watcher != nil {
		watcher.Observe(ctx, height, blocks, ids)
	}
	if err != nil || len(ids) == 0 {
		return ids, err
	}
	valid := make([]goda.ID, 0, len(ids))
	var lastHeight uint64
	admitted := make([]bool, len(blocks))
	for i, block := range blocks {
		admitted[i] = watcher == nil || watcher.Admit(block.Height())
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	for i, block := range blocks {
		if !admitted[i] {
			continue
		}
		g.screened[string(ids[i])] = blobs[i]
		valid = append(valid, ids[i])
		lastHeight = max(lastHeight, block.Height())
	}
	if lastHeight > 0 {
		g.raiseIncluded(lastHeight)
		if rate, ok := g.progress.observe(lastHeight); ok {
			g.logger.Info("DA sync", "da_height", height, "rollup_height", lastHeight, "blocks_per_sec", fmt.Sprintf("%.1f", rate))
		}
	}
	return valid, nil
}

// screen reads the blobs at height and returns those that are blocks
// signed by the genesis sequencer, with their IDs and raw (decoded) block
// bytes, in DA order. An envelope that does not decode is rejected like a
// forgery.
func (g *Gateway) screen(ctx context.Context, height uint64, ns goda.Namespace) ([]goda.ID, []goda.Blob, []*rollkittypes.Block, error) {
	ids, err := g.upstream.GetIDs(ctx, height, ns)
	if err != nil || len(ids) == 0 {
		return ids, nil, nil, err
	}
	blobs, err := g.upstream.Get(ctx, ids, ns)
	if err != nil {
		return nil, nil, nil, err
	}
	if len(blobs) != len(ids) {
		return nil, nil, nil, fmt.Errorf("da gateway: upstream returned %d blobs for %d ids at height %d", len(blobs), len(ids), height)
	}
	var okIDs []goda.ID
	var okBlobs []goda.Blob
	var blocks []*rollkittypes.Block
	for i, blob := range blobs {
		block, raw, err := g.verifier.VerifyBlob(blob)
		if err != nil {
			g.metrics.RejectedBlobs.Inc()
			g.logger.Warn("rejected blob in the chain namespace", "da_height", height, "id", fmt.Sprintf("%X", ids[i]), "reason", err)
			continue
		}
		okIDs, okBlobs, blocks = append(okIDs, ids[i]), append(okBlobs, raw), append(blocks, block)
	}
	return okIDs, okBlobs, blocks, nil
}

// Get returns blocks screened by GetIDs from memory and fetches the rest,
// decoded to raw block bytes (rollkit cannot read an envelope). Those are
// not screened: rollkit only asks for IDs that GetIDs returned. A fetched
// blob that is an envelope this node cannot decode fails the call (and
// counts as rejected) rather than reaching rollkit.
func (g *Gateway) Get(ctx context.Context, ids []goda.ID, ns goda.Namespace) ([]goda.Blob, error) {
	out := make([]goda.Blob, len(ids))
	var missing []int
	g.mu.Lock()
	for i, id := range ids {
		if blob, ok := g.screened[string(id)]; ok {
			out[i] = blob
			delete(g.screened, string(id))
		} else {
			missing = append(missing, i)
		}
	}
	g.mu.Unlock()
	if len(missing) == 0 {
		return out, nil
	}
	want := make([]goda.ID, len(missing))
	for j, i := range missing {
		want[j] = ids[i]
	}
	blobs, err := g.upstream.Get(ctx, want, ns)
	if err != nil {
		return nil, err
	}
	if len(blobs) != len(want) {
		return nil, fmt.Errorf("da gateway: upstream returned %d blobs for %d ids", len(blobs), len(want))
	}
	for j, i := range missing {
		raw, _, err := blobenc.Decode(blobs[j])
		if err != nil {
			g.metrics.RejectedBlobs.Inc()
			g.logger.Warn("rejected blob in the chain namespace", "id", fmt.Sprintf("%X", want[j]), "reason", err)
			return nil, fmt.Errorf("da gateway: blob %X: %w", want[j], err)
		}
		out[i] = raw
	}
	return out, nil
}

// GetProofs forwards to the upstream DA.
func (g *Gateway) GetProofs(ctx context.Context, ids []goda.ID, ns goda.Namespace) ([]goda.Proof, error) {
	return g.upstream.GetProofs(ctx, ids, ns)
}

// Commit forwards to the upstream DA.
func (g *Gateway) Commit(ctx context.Context, blobs []goda.Blob, ns goda.Namespace) ([]goda.Commitment, error) {
	return g.upstream.Commit(ctx, blobs, ns)
}

// Validate forwards to the upstream DA.
func (g *Gateway) Validate(ctx context.Context, ids []goda.ID, proofs []goda.Proof, ns goda.Namespace) ([]bool, error) {
	return g.upstream.Validate(ctx, ids, proofs, ns)
}

// Submit compresses each of the sequencer's blocks into its own envelope
// (blobenc.Encode; one blob per block, so the IDs stay 1:1 with the blocks
// rollkit submitted), forwards them and records the highest rollup height
// they carry once the DA accepted them. Upstream errors pass through
// unchanged: rollkit retries with backoff and keeps the blocks pending.
func (g *Gateway) Submit(ctx context.Context, blobs []goda.Blob, gasPrice float64, ns goda.Namespace) ([]goda.ID, error) {
	start := time.Now()
	posted := blobs
	if !g.rawBlobs {
		posted = make([]goda.Blob, len(blobs))
		for i, blob := range blobs {
			posted[i] = blobenc.Encode(blob)
		}
	}
	ids, err := g.upstream.Submit(ctx, posted, gasPrice, ns)
	took := time.Since(start).Round(time.Millisecond)
	g.metrics.SubmissionSeconds.Observe(took.Seconds())
	g.metrics.GasPrice.Set(gasPrice)
	if err != nil {
		g.metrics.Submissions.WithLabelValues("failed").Inc()
		g.logger.Error("DA submission failed; blocks stay pending and are retried", "blobs", len(blobs), "took", took.String(), "err", err)
		return nil, err
	}
	var daHeight uint64
	if len(ids) > 0 {
		daHeight, _, _ = da.SplitID(ids[0])
	}
	var size int
	for _, b := range posted {
		size += len(b)
	}
	g.logger.Info("DA submission included", "blobs", len(blobs), "bytes", size, "da_height", daHeight, "took", took.String())
	g.metrics.Submissions.WithLabelValues("ok").Inc()
	for i, blob := range blobs[:min(len(ids), len(blobs))] {
		g.metrics.SubmittedBlobs.Inc()
		g.metrics.SubmittedBytes.Add(float64(len(posted[i])))
		g.metrics.SubmittedBlockBytes.Add(float64(len(blob)))
	}
	for _, blob := range blobs[:min(len(ids), len(blobs))] {
		if block, verr := g.verifier.Verify(blob); verr == nil {
			g.raiseIncluded(block.Height())
		}
	}
	return ids, nil
}

func (g *Gateway) raiseIncluded(h uint64) {
	for {
		cur := g.includedHeight.Load()
		if h <= cur || g.includedHeight.CompareAndSwap(cur, h) {
			return
		}
	}
}
