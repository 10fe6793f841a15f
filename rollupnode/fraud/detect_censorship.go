package fraud

import (
	"context"
	"fmt"

	goda "github.com/rollkit/go-da"
	rollkittypes "github.com/rollkit/rollkit/types"

	"github.com/milkyway-labs/milkyway-rollup/da"
	"github.com/milkyway-labs/milkyway-rollup/sequencer/lane"
)

// LaneCheck is how a detector watches the forced-inclusion lane.
type LaneCheck struct {
	Tracker   *lane.Tracker
	Namespace []byte
	// Proof fetches the DA's inclusion proof of a lane blob for the report
	// (best effort: a report without one is still a report).
	Proof func(ctx context.Context, id []byte) ([]byte, error)
}

// checkLane hands the tracker what the DA showed at daHeight and reports
// each forced transaction it finds censored.
func (d *Detector) checkLane(ctx context.Context, daHeight uint64, blocks []*rollkittypes.Block, ids []goda.ID) {
	if d.cfg.Lane == nil {
		return
	}
	raw := make([][]byte, len(blocks))
	for i := range blocks {
		if i < len(ids) {
			raw[i] = ids[i]
		}
	}
	for _, c := range d.cfg.Lane.Tracker.Observe(ctx, daHeight, blocks, raw) {
		d.censorship(ctx, c)
	}
}

func (d *Detector) censorship(ctx context.Context, c lane.Censored) {
	r := d.newReport(KindCensorship, c.Late.Header.Height(), c.Late.DAHeight)
	late, err := headerEvidence(&c.Late.Header, c.Late.DAHeight, SourceDA)
	if err != nil {
		d.logger.Error("SEQUENCER FRAUD (censorship) found but its evidence does not encode", "tx_hash", hexHash(c.Forced.Hash[:]), "err", err)
		return
	}
	_, commitment, err := da.SplitID(c.Forced.ID)
	if err != nil {
		d.logger.Error("SEQUENCER FRAUD (censorship) found but the forced blob's ID is malformed", "id", hexHash(c.Forced.ID), "err", err)
		return
	}
	var proof []byte
	if d.cfg.Lane.Proof != nil {
		if proof, err = d.cfg.Lane.Proof(ctx, c.Forced.ID); err != nil {
			d.logger.Warn("no DA inclusion proof for the censored transaction; the report names its blob", "err", err)
		}
	}
	r.LateHeader, r.LateBlockID = &late, hexHash(c.Late.ID)
	r.Forced = &ForcedTx{
		Namespace: hexHash(d.cfg.Lane.Namespace), DAHeight: c.Forced.DAHeight, Commitment: hexHash(commitment),
		Deadline: c.Forced.Deadline, TxHash: hexHash(c.Forced.Hash[:]), Tx: c.Forced.Tx, Proof: proof,
	}
	r.Scanned = &Scan{FromDAHeight: c.Forced.DAHeight, ToDAHeight: c.Late.DAHeight, Blocks: []ScannedBlock{}}
	for _, b := range c.Scanned {
		r.Scanned.Blocks = append(r.Scanned.Blocks, ScannedBlock{DAHeight: b.DAHeight, Height: b.Height, Hash: hexHash(b.Hash), Txs: b.Txs})
	}
	if err := r.Validate(); err != nil {
		d.logger.Error("SEQUENCER FRAUD (censorship) found but the report is inconsistent", "err", fmt.Sprint(err))
		return
	}
	d.record(r)
}
