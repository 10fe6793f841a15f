package lane

import (
	"context"
	"errors"

	"cosmossdk.io/log"
	rollkittypes "github.com/rollkit/rollkit/types"

	"github.com/milkyway-labs/milkyway-rollup/da"
	sequencertypes "github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
)

// Tracker is a full node's check of the lane (ADR 004). It reads the lane
// at every DA height the node reads blocks from, tracks each forced
// transaction's deadline, and finds those the sequencer left out: a forced
// transaction is censored when the first sequencer block posted at a DA
// height past its deadline has height L and the transaction is in no block
// below L. Not safe for concurrent use: the fraud detector calls it under
// its lock, in DA order.
type Tracker struct {
	cfg TrackerConfig

	admission *Admission
	next      uint64 // next lane height to read; 0 before the first Observe
	from      uint64 // forced transactions at DA heights >= from are tracked
	pending   []*pending
	byHash    map[[32]byte]*pending
	scanned   []ScannedBlock // sequencer blocks seen, in DA order, for reports
	highest   uint64         // highest block height seen at an earlier DA height
}

// TrackerConfig is what a Tracker reads.
type TrackerConfig struct {
	Rules sequencertypes.ForcedInclusion
	Check TxCheck
	// Read returns the lane's blobs at a DA height (ReadHeight).
	Read func(ctx context.Context, daHeight uint64) ([]Blob, error)
	// Committed gives the height of the block a transaction is in, from
	// the node's tx index.
	Committed func(hash [32]byte) (height uint64, ok bool)
	// Indexed says whether the node has applied and indexed the block at
	// height, so Committed is complete up to it.
	Indexed func(height uint64) bool
	Logger  log.Logger
}

// ScannedBlock is a sequencer block the tracker saw.
type ScannedBlock struct {
	DAHeight uint64
	Height   uint64
	Hash     []byte
	Txs      int
}

// Late is the first sequencer block posted past a deadline.
type Late struct {
	DAHeight uint64
	ID       []byte
	Header   rollkittypes.SignedHeader
}

// Censored is a forced transaction the sequencer left out past its deadline.
type Censored struct {
	Forced  Forced
	Late    Late
	Scanned []ScannedBlock // blocks seen from Forced.DAHeight to Late.DAHeight
}

type pending struct {
	Forced
	late *Late
}

// NewTracker returns a tracker that starts at the first DA height observed.
func NewTracker(cfg TrackerConfig) *Tracker {
	return &Tracker{cfg: cfg, admission: NewAdmission(cfg.Rules, cfg.Check), byHash: map[[32]byte]*pending{}}
}

// Observe takes the sequencer blocks found at daHeight (with their DA IDs)
// and returns the forced transactions found censored. It is called once per
// DA read, with or without blocks; reading the lane up to daHeight is part
// of it, and a lane read that fails is retried on the next call.
func (t *Tracker) Observe(ctx context.Context, daHeight uint64, blocks []*rollkittypes.Block, ids [][]byte) []Censored {
	if t.next == 0 {
		// A node only judges what it watched: transactions posted from the
		// first DA height it reads blocks at. The lane is read from that
		// height's epoch start, so the budget counts as on every node.
		t.from, t.next = daHeight, FirstHeight(t.cfg.Rules, daHeight)
	}
	caughtUp := t.readLane(ctx, daHeight)
	for _, b := range blocks {
		t.seeBlock(daHeight, b)
	}
	if caughtUp {
		t.markLate(daHeight, blocks, ids)
	}
	for _, b := range blocks {
		t.highest = max(t.highest, b.Height())
	}
	return t.decide()
}

// Pending is the number of forced transactions being tracked.
func (t *Tracker) Pending() int { return len(t.pending) }

func (t *Tracker) readLane(ctx context.Context, daHeight uint64) bool {
	for t.next <= daHeight {
		blobs, err := t.cfg.Read(ctx, t.next)
		if err != nil {
			// rollkit polls heights the DA does not have yet; so does this.
			if !errors.Is(err, da.ErrHeightFromFuture) {
				t.cfg.Logger.Error("cannot read the forced-inclusion lane; retrying at the next DA read", "da_height", t.next, "err", err)
			}
			return false
		}
		admitted, _ := t.admission.Admit(t.next, blobs)
		for _, f := range admitted {
			if f.DAHeight < t.from || t.byHash[f.Hash] != nil {
				continue
			}
			p := &pending{Forced: f}
			t.pending, t.byHash[f.Hash] = append(t.pending, p), p
		}
		t.next++
	}
	return true
}

// seeBlock records a block and settles the forced transactions in it that
// were posted by their deadline.
func (t *Tracker) seeBlock(daHeight uint64, b *rollkittypes.Block) {
	t.scanned = append(t.scanned, ScannedBlock{DAHeight: daHeight, Height: b.Height(), Hash: b.Hash(), Txs: len(b.Data.Txs)})
	for _, tx := range b.Data.Txs {
		if p := t.byHash[hashTx(tx)]; p != nil && p.late == nil && daHeight <= p.Deadline {
			t.drop(p)
		}
	}
}

// markLate gives every transaction whose deadline has passed the first
// block posted after it: the lowest new block at this DA height. A block
// posted again (rollkit resubmits when it is unsure a submission landed)
// is not new and does not count.
func (t *Tracker) markLate(daHeight uint64, blocks []*rollkittypes.Block, ids [][]byte) {
	first := -1
	for i, b := range blocks {
		if b.Height() > t.highest && (first < 0 || b.Height() < blocks[first].Height()) {
			first = i
		}
	}
	if first < 0 {
		return
	}
	late := &Late{DAHeight: daHeight, ID: ids[first], Header: blocks[first].SignedHeader}
	for _, p := range t.pending {
		if p.late == nil && p.Deadline < daHeight {
			p.late = late
		}
	}
}

// decide settles the late transactions once the node has indexed every
// block below the late one: a transaction in one of them (put in before it
// was forced, say) was not censored.
func (t *Tracker) decide() []Censored {
	var out []Censored
	for _, p := range append([]*pending(nil), t.pending...) {
		if p.late == nil {
			continue
		}
		L := p.late.Header.Height()
		if L > 1 && !t.cfg.Indexed(L-1) {
			continue
		}
		if h, ok := t.cfg.Committed(p.Hash); ok && h < L {
			t.drop(p)
			continue
		}
		out = append(out, Censored{Forced: p.Forced, Late: *p.late, Scanned: t.scannedBetween(p.DAHeight, p.late.DAHeight)})
		t.drop(p)
	}
	t.prune()
	return out
}

func (t *Tracker) drop(p *pending) {
	delete(t.byHash, p.Hash)
	for i, q := range t.pending {
		if q == p {
			t.pending = append(t.pending[:i], t.pending[i+1:]...)
			return
		}
	}
}

func (t *Tracker) scannedBetween(from, to uint64) []ScannedBlock {
	var out []ScannedBlock
	for _, s := range t.scanned {
		if s.DAHeight >= from && s.DAHeight <= to {
			out = append(out, s)
		}
	}
	return out
}

// prune forgets blocks below every pending transaction's DA height (and
// all of them when nothing is pending): reports list only blocks from a
// transaction's DA height on.
func (t *Tracker) prune() {
	keepFrom := t.next
	for _, p := range t.pending {
		keepFrom = min(keepFrom, p.DAHeight)
	}
	i := 0
	for i < len(t.scanned) && t.scanned[i].DAHeight < keepFrom {
		i++
	}
	t.scanned = append(t.scanned[:0], t.scanned[i:]...)
}
