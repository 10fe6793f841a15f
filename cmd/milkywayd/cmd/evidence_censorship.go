package cmd

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"

	goda "github.com/rollkit/go-da"
	rollkittypes "github.com/rollkit/rollkit/types"

	"github.com/milkyway-labs/milkyway-rollup/da"
	"github.com/milkyway-labs/milkyway-rollup/da/gateway"
	"github.com/milkyway-labs/milkyway-rollup/sequencer/lane"
	sequencertypes "github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
	slashingtypes "github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// checkCensorship re-checks censorship evidence from the DA alone, given
// the lane's rules and the chain's test of "is a transaction" (check): the
// forced blob is where the Msg says (commitment, inclusion proof), hashes
// to its tx hash, and is a forced transaction by the lane's rule (read
// from its epoch's start, in DA order, within the byte budget); the late
// block is on the DA, is the sequencer's and carries the late header,
// posted after the deadline; and the tx is in no sequencer block posted to
// the chain namespace ns from the forced tx's DA height up to the deadline,
// nor in any block below the first one posted late. The scan stops at the
// first DA height past the deadline that holds a sequencer block, whose
// lowest block is the first block posted late, L (ADR 004). It returns L's
// rollup height, 0 if the checks did not get that far.
func checkCensorship(ctx context.Context, client goda.DA, verifier *gateway.BlockVerifier, ns []byte, v *evidenceVerdict,
	m *slashingtypes.MsgSubmitCensorship, rules sequencertypes.ForcedInclusion, check lane.TxCheck, chainID string, seqKey []byte,
) uint64 {
	header, err := slashingtypes.VerifySequencerHeader(m.LateHeader, chainID, seqKey)
	if err != nil {
		v.add("late header signed by the sequencer", false, "%s", err)
		return 0
	}
	v.add("late header signed by the sequencer", true, "rollup height %d, hash %X", header.Height(), []byte(header.Hash()))

	forced := m.ForcedTx
	if !rules.Enabled() {
		v.add("forced tx in the forced-inclusion lane", false, "the chain has no forced-inclusion lane")
		return 0
	}
	inLane := bytes.Equal(forced.Namespace, rules.Namespace) && rules.Counts(forced.Height)
	v.add("forced tx in the forced-inclusion lane", inLane, "namespace %X (lane %X), DA height %d (lane counts from %d)",
		forced.Namespace, rules.Namespace, forced.Height, max(rules.StartDaHeight, 1))
	if !inLane {
		return 0
	}
	deadline := rules.Deadline(forced.Height)
	late := m.LateBlock
	v.add("late block posted after the deadline", late.Height > deadline,
		"late block at DA height %d; deadline %d (epoch %d of %d DA blocks, plus %d grace epochs)",
		late.Height, deadline, rules.Epoch(forced.Height), rules.EpochLength, rules.GraceEpochs)
	if late.Height <= deadline {
		return 0
	}

	tx := checkBlobOnDA(ctx, client, v, forced, "forced tx blob")
	if tx == nil {
		return 0
	}
	checkInclusion(ctx, client, v, forced, "forced tx blob")
	sum := sha256.Sum256(tx)
	v.add("forced tx blob hashes to the tx hash", bytes.Equal(sum[:], m.TxHash), "sha256 %X, evidence %X", sum, m.TxHash)
	if !checkAdmitted(ctx, client, v, forced, rules, check) {
		return 0
	}

	if !bytes.Equal(late.Namespace, ns) {
		v.add("late block in the chain namespace", false, "namespace %X, the chain's is %X", late.Namespace, ns)
		return 0
	}
	lateBlob := checkBlobOnDA(ctx, client, v, late, "late block")
	if lateBlob == nil {
		return 0
	}
	lateBlock, err := verifier.Verify(lateBlob)
	ok := err == nil && bytes.Equal(lateBlock.Hash(), header.Hash())
	if err == nil && !ok {
		err = fmt.Errorf("the blob is block %d %X, not the late header", lateBlock.Height(), []byte(lateBlock.Hash()))
	}
	v.add("late block signed by the sequencer, with the late header", ok, "%v", errOrNil(err))
	if !ok {
		return 0
	}

	var (
		first    *rollkittypes.Block
		firstDA  uint64
		highest  uint64 // highest block height seen at an earlier DA height
		scanned  int
		minH     uint64
		maxH     uint64
		included *rollkittypes.Block
		inclDA   uint64
	)
	// B is the lowest new block (above every block posted at a lower DA
	// height: a block rollkit posts again does not count) at the first DA
	// height past the deadline that has one. The named late block is past
	// the deadline, so B is usually found by its DA height; if it is not
	// new, the scan goes on to the DA's tip.
	for h := forced.Height; first == nil; h++ {
		blocks, err := sequencerBlocksAt(ctx, client, verifier, ns, h)
		if errors.Is(err, da.ErrHeightFromFuture) {
			v.add("first sequencer block posted after the deadline", false, "no new sequencer block from DA height %d to the DA's tip %d", deadline+1, h-1)
			return 0
		}
		if err != nil {
			v.add("forced tx absent from every sequencer block posted by the deadline", false, "%s", err)
			return 0
		}
		for _, b := range blocks {
			switch {
			case h > deadline:
				if b.Height() > highest && (first == nil || b.Height() < first.Height()) {
					first, firstDA = b, h
				}
			default:
				if scanned == 0 || b.Height() < minH {
					minH = b.Height()
				}
				maxH = max(maxH, b.Height())
				scanned++
				if included == nil && containsTx(b, tx) {
					included, inclDA = b, h
				}
			}
		}
		for _, b := range blocks {
			highest = max(highest, b.Height())
		}
	}
	v.add("first sequencer block posted after the deadline", true, "rollup height %d at DA height %d; the evidence names rollup height %d at DA height %d",
		first.Height(), firstDA, header.Height(), late.Height)
	if included != nil {
		v.add("forced tx absent from every sequencer block posted by the deadline", false,
			"the tx is in rollup block %d at DA height %d, by the deadline %d: it was included in time", included.Height(), inclDA, deadline)
		return 0
	}
	detail := fmt.Sprintf("%d sequencer blocks at DA heights %d..%d", scanned, forced.Height, deadline)
	if scanned > 0 {
		detail += fmt.Sprintf(" (rollup heights %d..%d)", minH, maxH)
	}
	v.add("forced tx absent from every sequencer block posted by the deadline", true, "%s; first late block %d", detail, first.Height())
	return first.Height()
}

// checkAdmitted applies the lane's rule (sequencer/lane.Admission) to the
// lane from the forced blob's epoch start up to its DA height, as every
// node does, and checks the blob is admitted: a blob the lane skips (not a
// transaction, over max_tx_bytes, past the epoch's byte budget, a repeat
// within the epoch) binds nobody.
func checkAdmitted(ctx context.Context, client goda.DA, v *evidenceVerdict, forced slashingtypes.DAPointer,
	rules sequencertypes.ForcedInclusion, check lane.TxCheck,
) bool {
	const what = "forced tx admitted by the lane's rule"
	id := da.MakeID(forced.Height, forced.Commitment)
	admission := lane.NewAdmission(rules, check)
	from := lane.FirstHeight(rules, forced.Height)
	for h := from; h <= forced.Height; h++ {
		blobs, err := lane.ReadHeight(ctx, client, forced.Namespace, h)
		if err != nil {
			v.add(what, false, "reading the lane at DA height %d: %s", h, err)
			return false
		}
		admitted, skipped := admission.Admit(h, blobs)
		if h < forced.Height {
			continue
		}
		for _, f := range admitted {
			if bytes.Equal(f.ID, id) {
				v.add(what, true, "lane read from DA height %d; deadline %d", from, f.Deadline)
				return true
			}
		}
		for _, s := range skipped {
			if bytes.Equal(s.Blob.ID, id) {
				v.add(what, false, "the lane skips it: %s", s.Err)
				return false
			}
		}
	}
	v.add(what, false, "blob %X is not in the lane at DA height %d", id, forced.Height)
	return false
}

// containsTx says whether the block carries tx byte for byte.
func containsTx(b *rollkittypes.Block, tx []byte) bool {
	for _, t := range b.Data.Txs {
		if bytes.Equal(t, tx) {
			return true
		}
	}
	return false
}
