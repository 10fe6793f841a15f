package fraud

import (
	"bytes"
	"context"

	rollkittypes "github.com/rollkit/rollkit/types"
)

// Where an app hash lives in rollkit v0.13.6 (block/manager.go,
// state/executor.go): the sequencer builds header h+1 with
// AppHash = its state's AppHash after executing block h (CreateBlock), and
// a syncing node accepts block h+1 only if that equals its own state's
// AppHash after h (BlockExecutor.Validate). So header h carries the state
// *before* block h, and the result of block h is judged by header h+1.
// Header h+1 also names block h by hash (LastHeaderHash).
//
// The node's own result is read from rollkit's stored State rather than
// from the app (LastCommitID): the State holds LastBlockHeight and AppHash
// together in one record written after the block is committed, it is the
// exact value rollkit's Validate compares, and reading it is safe from the
// gateway's goroutine, whereas the app is mid-FinalizeBlock/Commit on
// rollkit's goroutine and commits before rollkit records its height.

// halted says whether height is at or above the halt height.
func (d *Detector) halted(height uint64) bool { return d.halt != 0 && height >= d.halt }

// observe records the first DA header of each height and reports a second,
// different one as an equivocation. Both passed the gateway's
// BlockVerifier, so both carry the genesis sequencer's signature; forged
// blobs never get here.
func (d *Detector) observe(daHeight uint64, b *rollkittypes.Block) {
	h, hash := b.Height(), b.Hash()
	first, ok := d.seen[h]
	if !ok {
		sh := b.SignedHeader // a copy: the block's txs are not kept
		d.seen[h] = &seenHeader{daHeight: daHeight, hash: hash, header: &sh}
		return
	}
	if bytes.Equal(first.hash, hash) {
		return // the same block again, e.g. resubmitted by the sequencer
	}
	d.equivocation(h, daHeight,
		evidence{first.header, first.daHeight, SourceDA},
		evidence{&b.SignedHeader, daHeight, SourceDA})
}

// check compares what the DA showed with what the node has applied. It
// runs on every DA read, so results that wait on the node executing a
// block are found within one DA poll of it.
func (d *Detector) check(ctx context.Context) {
	applied := d.cfg.Store.Height()
	for h, s := range d.seen {
		if s.storeChecked || h > applied || d.halted(h) {
			continue
		}
		// The block rollkit applied at h came from the DA or over P2P; a
		// different DA header for h means the sequencer signed both.
		stored, err := d.cfg.Store.GetBlock(ctx, h)
		if err != nil {
			d.logger.Debug("block not in rollkit's store yet; comparing later", "height", h, "err", err)
			continue
		}
		s.storeChecked = true
		if !bytes.Equal(stored.Hash(), s.hash) {
			d.equivocation(h, s.daHeight,
				evidence{&stored.SignedHeader, 0, SourceStore},
				evidence{s.header, s.daHeight, SourceDA})
		}
	}
	d.checkAppHash(ctx)
	for h := range d.seen {
		if h+memory < applied {
			delete(d.seen, h)
		}
	}
}

// checkAppHash compares the node's state after its last block s with the
// AppHash the DA header s+1 claims for it.
func (d *Detector) checkAppHash(ctx context.Context) {
	st, err := d.cfg.Store.GetState(ctx)
	if err != nil {
		return // before InitChain there is no state to compare
	}
	executed := st.LastBlockHeight
	next, ok := d.seen[executed+1]
	if !ok || next.appHashChecked || d.halted(executed+1) {
		return
	}
	next.appHashChecked = true // state after `executed` never changes
	if bytes.Equal(next.header.AppHash, st.AppHash) {
		return
	}
	var block *rollkittypes.Block
	if executed >= st.InitialHeight { // else the state is genesis: no block
		if block, err = d.cfg.Store.GetBlock(ctx, executed); err != nil {
			next.appHashChecked = false
			d.logger.Debug("executed block not readable yet; comparing later", "height", executed, "err", err)
			return
		}
		// A header built on another block than the one this node executed
		// is a fork, not a misstated result of this node's block: the app
		// hashes are then not comparable. Its other block, once on the DA,
		// is reported as an equivocation.
		if !bytes.Equal(next.header.LastHeaderHash, block.Hash()) {
			d.logger.Warn("the sequencer's next header builds on a block this node did not execute; rollkit will not apply it",
				"height", executed+1, "last_header_hash", hexHash(next.header.LastHeaderHash), "executed_block_hash", hexHash(block.Hash()))
			return
		}
	}
	d.stateMismatch(executed, st.AppHash, block, next)
}

// evidence is a header and where it came from.
type evidence struct {
	header   *rollkittypes.SignedHeader
	daHeight uint64
	source   string
}

func (d *Detector) equivocation(height, daHeight uint64, first, second evidence) {
	r := d.newReport(KindEquivocation, height, daHeight)
	for _, e := range []evidence{first, second} {
		h, err := headerEvidence(e.header, e.daHeight, e.source)
		if err != nil {
			d.logger.Error("SEQUENCER FRAUD (equivocation) found but its evidence does not encode", "height", height, "err", err)
			return
		}
		r.Headers = append(r.Headers, h)
	}
	d.record(r)
}

func (d *Detector) stateMismatch(executed uint64, computed []byte, block *rollkittypes.Block, next *seenHeader) {
	r := d.newReport(KindStateMismatch, executed, next.daHeight)
	r.ExpectedAppHash, r.ClaimedAppHash = hexHash(computed), hexHash(next.header.AppHash)
	nh, err := headerEvidence(next.header, next.daHeight, SourceDA)
	if err == nil && block != nil {
		// The block is read back from the store; its DA height is known
		// when this node read that very block from the DA recently.
		daHeight, source := uint64(0), SourceStore
		if s, ok := d.seen[executed]; ok && bytes.Equal(s.hash, block.Hash()) {
			daHeight, source = s.daHeight, SourceDA
		}
		r.Block, err = blockEvidence(block, daHeight, source)
	}
	if err != nil {
		d.logger.Error("SEQUENCER FRAUD (state mismatch) found but its evidence does not encode", "height", executed, "err", err)
		return
	}
	r.NextHeader = &nh
	d.record(r)
}
