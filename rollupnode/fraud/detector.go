package fraud

import (
	"context"
	"fmt"
	"sync"
	"time"

	"cosmossdk.io/log"
	goda "github.com/rollkit/go-da"
	rollkittypes "github.com/rollkit/rollkit/types"
)

// ReportsPath is the RPC route that lists a node's fraud reports.
const ReportsPath = "/fraud_reports"

// memory is how many rollup heights below the node's height the detector
// remembers DA headers for. It bounds memory (a header is a few hundred
// bytes) while keeping the DA heights of recent blocks for reports. Headers
// above the node's height are kept until it applies them; rollkit stops
// reading the DA when 10000 blocks wait to be applied, which bounds those.
const memory = 1024

// Store is what detection reads of rollkit's block store; rollkit's
// store.Store (node.(*rollnode.FullNode).Store) has it.
type Store interface {
	// Height is the highest block rollkit has applied.
	Height() uint64
	GetBlock(ctx context.Context, height uint64) (*rollkittypes.Block, error)
	// GetState is rollkit's state after its last applied block.
	GetState(ctx context.Context) (rollkittypes.State, error)
}

// Config describes the chain and node a Detector watches.
type Config struct {
	Dir       string // where reports are written: <home>/data/fraud
	ChainID   string
	Sequencer []byte // the genesis sequencer's address
	Namespace string // the DA namespace, hex
	Store     Store
	Logger    log.Logger
	Now       func() time.Time // nil: time.Now
	// Lane checks the forced-inclusion lane (nil: the chain has none).
	Lane *LaneCheck
}

// Detector finds sequencer fraud in the blocks the DA gateway screened
// (so only blocks validly signed by the genesis sequencer) and decides
// which of them rollkit still gets. It implements gateway.Watcher and is
// safe for concurrent use.
type Detector struct {
	cfg    Config
	logger log.Logger

	mu       sync.Mutex
	seen     map[uint64]*seenHeader // first DA header per height
	reports  []*Report
	reported map[string]bool // kind/height: one report each
	// halt is the lowest HaltHeight of all reports; 0 while following
	// (no report can halt at 0: heights start at 1).
	halt     uint64
	withheld uint64 // highest block height withheld because of the halt
}

// seenHeader is the first header the DA showed for a height.
type seenHeader struct {
	daHeight uint64
	hash     rollkittypes.Hash
	header   *rollkittypes.SignedHeader // a copy, without the block's txs
	// storeChecked: compared with the block rollkit applied at this height.
	storeChecked bool
	// appHashChecked: its AppHash compared with the node's state after
	// the previous height.
	appHashChecked bool
}

// NewDetector loads the reports already in cfg.Dir: a node that found
// fraud before a restart keeps not following the sequencer.
func NewDetector(cfg Config) (*Detector, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	d := &Detector{
		cfg: cfg, logger: cfg.Logger.With("module", "fraud"),
		seen: make(map[uint64]*seenHeader), reported: make(map[string]bool),
	}
	reports, err := List(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("%w; fix or remove the file (removing every report makes the node follow the sequencer again)", err)
	}
	for _, r := range reports {
		d.reported[reportKey(r)] = true
		d.reports = append(d.reports, r)
		d.lowerHalt(r.HaltHeight())
	}
	if d.halt != 0 {
		d.logger.Error("this node found sequencer fraud before and does not follow the sequencer at or above the halt height; remove the reports to follow it again",
			"halt_height", d.halt, "reports", len(reports), "dir", cfg.Dir)
	}
	return d, nil
}

// Observe looks at the blocks the gateway screened at daHeight (possibly
// none) and at the node's progress since the last call. The gateway calls
// it on every DA read, so checks that wait for the node to execute a block
// run at least once per DA poll.
func (d *Detector) Observe(ctx context.Context, daHeight uint64, blocks []*rollkittypes.Block, ids []goda.ID) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.checkLane(ctx, daHeight, blocks, ids)
	for _, b := range blocks {
		// Height 0 is never applied (rollkit starts at the initial height
		// >= 1) and would collide with "not halted"; blocks at or above
		// the halt are not followed any more, so not judged either.
		if b.Height() == 0 || d.halted(b.Height()) {
			continue
		}
		d.observe(daHeight, b)
	}
	d.check(ctx)
}

// Admit says whether rollkit may get the block at height: not at or above
// the halt height once there is a report.
func (d *Detector) Admit(height uint64) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.halted(height) {
		return true
	}
	d.withheld = max(d.withheld, height)
	return false
}

// Reports returns the reports this node has, oldest first.
func (d *Detector) Reports() []*Report {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]*Report(nil), d.reports...)
}

// HaltStatus is the fraud part of a node's status.
type HaltStatus struct {
	// HaltHeight is the first rollup height the node no longer applies.
	HaltHeight uint64 `json:"halt_height"`
	Reports    int    `json:"reports"`
	// HighestWithheldHeight is the highest block the node read from the
	// DA since it started and did not apply because of the halt.
	HighestWithheldHeight uint64 `json:"highest_withheld_height"`
	// ReportsPath is the RPC route listing the reports.
	ReportsPath string `json:"reports_path"`
}

// Status is nil while the node follows the sequencer.
func (d *Detector) Status() *HaltStatus {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.halt == 0 {
		return nil
	}
	return &HaltStatus{HaltHeight: d.halt, Reports: len(d.reports), HighestWithheldHeight: d.withheld, ReportsPath: ReportsPath}
}

func (d *Detector) lowerHalt(h uint64) {
	if d.halt == 0 || h < d.halt {
		d.halt = h
	}
}

func reportKey(r *Report) string {
	if r.Kind == KindCensorship && r.Forced != nil {
		return fmt.Sprintf("%s/%s", r.Kind, r.Forced.TxHash)
	}
	return fmt.Sprintf("%s/%d", r.Kind, r.Height)
}

// record halts the node at the report's height, writes the report and
// logs it, once per kind and height. The halt comes first, so nothing at
// or above it reaches rollkit even if the report cannot be written.
func (d *Detector) record(r *Report) {
	if d.reported[reportKey(r)] {
		return
	}
	d.reported[reportKey(r)] = true
	d.lowerHalt(r.HaltHeight())
	d.reports = append(d.reports, r)
	kv := []any{"kind", r.Kind, "height", r.Height, "da_height", r.DAHeight, "halt_height", d.halt}
	switch r.Kind {
	case KindEquivocation:
		kv = append(kv, "header_hash_1", r.Headers[0].Hash, "da_height_1", r.Headers[0].DAHeight,
			"header_hash_2", r.Headers[1].Hash, "da_height_2", r.Headers[1].DAHeight)
	case KindCensorship:
		kv = append(kv, "tx_hash", r.Forced.TxHash, "forced_da_height", r.Forced.DAHeight,
			"deadline_da_height", r.Forced.Deadline, "late_block_hash", r.LateHeader.Hash)
	default:
		kv = append(kv, "next_header_hash", r.NextHeader.Hash, "expected_app_hash", r.ExpectedAppHash, "claimed_app_hash", r.ClaimedAppHash)
		if r.Block != nil {
			kv = append(kv, "block_hash", r.Block.Hash, "block_da_height", r.Block.DAHeight)
		}
	}
	path, err := Write(d.cfg.Dir, r)
	if err != nil {
		d.logger.Error("SEQUENCER FRAUD detected; the report could not be written, it is served on "+ReportsPath+" until restart",
			append(kv, "err", err)...)
		return
	}
	d.logger.Error("SEQUENCER FRAUD detected; this node no longer follows the sequencer at or above halt_height",
		append(kv, "report", path)...)
}

func (d *Detector) newReport(kind Kind, height, daHeight uint64) *Report {
	return &Report{
		Kind: kind, ChainID: d.cfg.ChainID, SequencerAddress: fmt.Sprintf("%X", d.cfg.Sequencer),
		Namespace: d.cfg.Namespace, Height: height, DAHeight: daHeight, DetectedAt: d.cfg.Now().UTC(),
	}
}

func hexHash(h []byte) string { return fmt.Sprintf("%X", h) }

// headerEvidence encodes a signed header for a report. The signature
// covers the header's fields (CometBFT vote sign bytes), not an encoding,
// so it still verifies after the decode/encode round trip.
func headerEvidence(sh *rollkittypes.SignedHeader, daHeight uint64, source string) (Header, error) {
	bz, err := sh.MarshalBinary()
	if err != nil {
		return Header{}, fmt.Errorf("encoding header %d: %w", sh.Height(), err)
	}
	return Header{Hash: hexHash(sh.Hash()), DAHeight: daHeight, Source: source, SignedHeader: bz}, nil
}

func blockEvidence(b *rollkittypes.Block, daHeight uint64, source string) (*Block, error) {
	bz, err := b.MarshalBinary()
	if err != nil {
		return nil, fmt.Errorf("encoding block %d: %w", b.Height(), err)
	}
	return &Block{Hash: hexHash(b.Hash()), DAHeight: daHeight, Source: source, Data: bz}, nil
}
