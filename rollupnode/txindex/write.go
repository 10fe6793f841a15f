package txindex

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"slices"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtypes "github.com/cometbft/cometbft/types"
	"github.com/cosmos/gogoproto/proto"
	"github.com/dgraph-io/badger/v4"
	"github.com/rollkit/rollkit/state/txindex"
)

// AddBatch writes b's transactions: each one's result under its hash, and
// per run of consecutive txs of a block (a group) one key listing them and
// one posting per distinct indexed attribute value. Writing the same transactions again in the same
// batches changes nothing.
func (ix *Index) AddBatch(b *txindex.Batch) error {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.closed {
		return ErrClosed
	}
	results, err := ix.withoutFailedRepeats(b.Ops)
	if err != nil {
		return err
	}
	wb := ix.db.NewWriteBatch()
	defer wb.Cancel()
	for _, g := range groupRuns(results) {
		if err := writeGroup(wb, g); err != nil {
			return err
		}
	}
	return wb.Flush()
}

// withoutFailedRepeats leaves out a failed tx whose hash already has a
// successful result, as CometBFT's kv index does: the same tx sent again
// and refused (its sequence is spent) must not hide where it succeeded.
func (ix *Index) withoutFailedRepeats(results []*abci.TxResult) ([]*abci.TxResult, error) {
	var kept []*abci.TxResult // nil until a tx is left out: most batches have none
	for i, r := range results {
		drop := false
		if r.Result.Code != abci.CodeTypeOK {
			succeeded, err := ix.succeeded(cmtypes.Tx(r.Tx).Hash())
			if err != nil {
				return nil, err
			}
			drop = succeeded
		}
		switch {
		case drop && kept == nil:
			kept = append(make([]*abci.TxResult, 0, len(results)), results[:i]...)
		case !drop && kept != nil:
			kept = append(kept, r)
		}
	}
	if kept == nil {
		return results, nil
	}
	return kept, nil
}

// succeeded reports whether the index holds a successful result for hash.
func (ix *Index) succeeded(hash []byte) (bool, error) {
	var ok bool
	err := ix.db.View(func(txn *badger.Txn) error {
		old, err := getResult(txn, hash)
		ok = old != nil && old.Result.Code == abci.CodeTypeOK
		return err
	})
	return ok, err
}

// Index writes one transaction, as a batch of one.
func (ix *Index) Index(result *abci.TxResult) error {
	return ix.AddBatch(&txindex.Batch{Ops: []*abci.TxResult{result}})
}

// SetIndexedHeight records that every block up to height is written. The
// node calls it after each block, empty ones too, so a restart knows where
// the index stops (IndexedHeight).
func (ix *Index) SetIndexedHeight(height int64) error {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.closed {
		return ErrClosed
	}
	return ix.db.Update(func(txn *badger.Txn) error {
		return txn.Set([]byte{heightKey}, binary.BigEndian.AppendUint64(nil, uint64(height)))
	})
}

// group is a run of consecutive txs of one height, in index order.
type group struct {
	height      int64
	first, last uint32
	results     []*abci.TxResult
}

// groupRuns splits results into runs of consecutive txs of one height.
func groupRuns(results []*abci.TxResult) []group {
	sorted := slices.Clone(results)
	slices.SortFunc(sorted, func(a, b *abci.TxResult) int {
		if c := cmp.Compare(a.Height, b.Height); c != 0 {
			return c
		}
		return cmp.Compare(a.Index, b.Index)
	})
	var groups []group
	for _, r := range sorted {
		if n := len(groups); n > 0 && groups[n-1].height == r.Height && groups[n-1].last+1 >= r.Index {
			g := &groups[n-1]
			if g.last == r.Index {
				continue // the same tx twice in one batch
			}
			g.last, g.results = r.Index, append(g.results, r)
			continue
		}
		groups = append(groups, group{height: r.Height, first: r.Index, last: r.Index, results: []*abci.TxResult{r}})
	}
	return groups
}

func writeGroup(wb *badger.WriteBatch, g group) error {
	members := make([]byte, 0, len(g.results)*(hashLen+3))
	postings := map[attribute]*posting{}
	var order []attribute // the map's keys in first-seen order: a deterministic write
	for _, r := range g.results {
		hash := cmtypes.Tx(r.Tx).Hash()
		value, err := proto.Marshal(r)
		if err != nil {
			return fmt.Errorf("encoding the result of tx %X: %w", hash, err)
		}
		if err := wb.Set(resultKey(hash), value); err != nil {
			return err
		}
		members = binary.AppendUvarint(members, uint64(r.Index))
		members = append(members, hash...)
		for _, a := range indexedAttributes(r.Result.Events) {
			p, seen := postings[a]
			if !seen {
				p = &posting{}
				postings[a] = p
				order = append(order, a)
			} else if p.last == r.Index {
				continue // the same value twice in one tx: once is enough
			}
			p.list, p.last = binary.AppendUvarint(p.list, uint64(r.Index)), r.Index
		}
	}
	if err := wb.Set(groupKey(g.height, g.first, g.last), members); err != nil {
		return err
	}
	for _, a := range order {
		if err := wb.Set(postingKey(a.tag, a.value, g.height, g.first, g.last), postings[a].list); err != nil {
			return err
		}
	}
	return nil
}

// attribute is one indexed "type.key" = value.
type attribute struct{ tag, value string }

// indexedAttributes lists the attributes CometBFT's kv indexer would
// index: those marked for indexing, of typed events, with a key.
func indexedAttributes(events []abci.Event) []attribute {
	var attrs []attribute
	for _, e := range events {
		if e.Type == "" {
			continue
		}
		for _, a := range e.Attributes {
			if a.Key == "" || !a.Index {
				continue
			}
			attrs = append(attrs, attribute{tag: e.Type + "." + a.Key, value: a.Value})
		}
	}
	return attrs
}

// posting is one attribute value's list of tx indexes in a group.
type posting struct {
	list []byte // uvarint indexes, ascending as the batch is
	last uint32
}
