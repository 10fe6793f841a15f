package txindex

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/libs/pubsub/query"
	"github.com/cometbft/cometbft/libs/pubsub/query/syntax"
	cmtypes "github.com/cometbft/cometbft/types"
	"github.com/dgraph-io/badger/v4"
)

// Search returns the transactions matching q, in height and index order.
// A cancelled ctx ends it with the results found so far, as CometBFT's kv
// indexer does.
func (ix *Index) Search(ctx context.Context, q *query.Query) ([]*abci.TxResult, error) {
	p, err := newPlan(q.Syntax())
	if err != nil {
		return nil, err
	}
	var results []*abci.TxResult
	err = ix.read(func(txn *badger.Txn) error {
		if p.hash != nil {
			// As CometBFT's kv index: a tx.hash condition answers alone,
			// whatever the others say.
			res, err := getResult(txn, p.hash)
			if err != nil || res == nil {
				return err
			}
			results = append(results, res)
			return nil
		}
		p.choosePrefix(txn)
		s := &scan{txn: txn, plan: p, ctx: ctx, seen: map[string]bool{}, groups: map[string]map[uint32][]byte{}}
		err := s.run()
		results = s.results
		return err
	})
	// A tag's postings run in value order first.
	sort.Slice(results, func(i, j int) bool {
		a, b := results[i], results[j]
		return a.Height < b.Height || a.Height == b.Height && a.Index < b.Index
	})
	return results, err
}

// plan is how one query is answered: which keys give the candidates, and
// the conditions every candidate must then meet.
type plan struct {
	hash     []byte             // tx.hash = X: the answer
	prefix   []byte             // postings to take candidates from; nil: the groups
	seekable bool               // prefix is one value's: its keys run in height order
	lo, hi   int64              // the tx.height bounds the conditions imply
	conds    []syntax.Condition // every condition but tx.hash
	match    *matcher
}

func newPlan(conds syntax.Query) (*plan, error) {
	p := &plan{lo: 1, hi: math.MaxInt64}
	for _, c := range conds {
		if c.Tag == cmtypes.TxHashKey && c.Op == syntax.TEq {
			if p.hash == nil { // the first, as CometBFT's kv index
				h, err := hex.DecodeString(c.Arg.Value())
				if err != nil {
					return nil, fmt.Errorf("error during searching for a hash in the query: %w", err)
				}
				p.hash = h
			}
			continue
		}
		p.conds = append(p.conds, c)
		if c.Tag == cmtypes.TxHeightKey {
			p.narrowHeight(c)
		}
	}
	p.match = newMatcher(p.conds)
	return p, nil
}

// narrowHeight applies a tx.height condition with an integer argument to
// the bounds; any other stays a condition only.
func (p *plan) narrowHeight(c syntax.Condition) {
	if c.Arg == nil || c.Arg.Type != syntax.TNumber {
		return
	}
	h, err := strconv.ParseInt(c.Arg.Value(), 10, 64)
	if err != nil {
		return
	}
	switch c.Op {
	case syntax.TEq:
		p.lo, p.hi = max(p.lo, h), min(p.hi, h)
	case syntax.TLt:
		if h == math.MinInt64 {
			h++ // nothing is below; the matcher says so
		}
		p.hi = min(p.hi, h-1)
	case syntax.TLeq:
		p.hi = min(p.hi, h)
	case syntax.TGt:
		if h == math.MaxInt64 {
			h-- // nothing is above; the matcher says so
		}
		p.lo = max(p.lo, h+1)
	case syntax.TGeq:
		p.lo = max(p.lo, h)
	}
}

// choosePrefix picks where candidates come from: the value with
// the fewest postings in the height range if a condition asks for one
// (a relayer's packet_src_channel and packet_sequence: the sequence);
// else, with no height bound, one tag's postings; else the groups of the
// height range.
func (p *plan) choosePrefix(txn *badger.Txn) {
	bounded := p.lo > 1 || p.hi < math.MaxInt64
	var tagOnly []byte
	fewest := math.MaxInt
	for _, c := range p.conds {
		if c.Tag == cmtypes.TxHeightKey {
			continue
		}
		if c.Op == syntax.TEq { // kv compares the text, whatever its type
			prefix := valuePrefix(c.Tag, c.Arg.Value())
			if n := p.countPostings(txn, prefix, min(fewest, maxCounted)); n < fewest {
				p.prefix, p.seekable, fewest = prefix, true, n
			}
			continue
		}
		if tagOnly == nil {
			tagOnly = tagPrefix(c.Tag)
		}
	}
	if p.prefix == nil && !bounded {
		p.prefix = tagOnly
	}
}

// maxCounted is where countPostings stops: a value with more postings is
// common enough that the query's other values decide.
const maxCounted = 4096

// countPostings counts one value's posting keys in the height range, up to
// limit: keys only, no values read.
func (p *plan) countPostings(txn *badger.Txn, prefix []byte, limit int) int {
	it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: false, Prefix: prefix})
	defer it.Close()
	n := 0
	for it.Seek(binary.BigEndian.AppendUint64(bytes.Clone(prefix), uint64(p.lo))); it.Valid() && n < limit; it.Next() {
		if _, height, _, err := splitPosting(it.Item().Key()); err != nil || height > p.hi {
			break
		}
		n++
	}
	return n
}

// scan walks the candidate keys of one plan.
type scan struct {
	txn     *badger.Txn
	plan    *plan
	ctx     context.Context
	seen    map[string]bool              // hashes already judged
	groups  map[string]map[uint32][]byte // group key -> index -> hash
	results []*abci.TxResult
}

func (s *scan) run() error {
	if s.plan.lo > s.plan.hi {
		return nil
	}
	if s.plan.prefix == nil {
		return s.groupsInRange()
	}
	return s.postings()
}

func (s *scan) groupsInRange() error {
	it := s.txn.NewIterator(badger.IteratorOptions{PrefetchValues: false, Prefix: []byte{groupPrefix}})
	defer it.Close()
	end := groupKey(s.plan.hi, math.MaxUint32, math.MaxUint32)
	for it.Seek(groupKey(s.plan.lo, 0, 0)); it.Valid() && bytes.Compare(it.Item().Key(), end) <= 0; it.Next() {
		members, err := it.Item().ValueCopy(nil)
		if err != nil {
			return err
		}
		for _, m := range decodeMembers(members) {
			if done, err := s.judge(m.hash); done || err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *scan) postings() error {
	it := s.txn.NewIterator(badger.IteratorOptions{PrefetchValues: false, Prefix: s.plan.prefix})
	defer it.Close()
	start := s.plan.prefix
	if s.plan.seekable {
		start = binary.BigEndian.AppendUint64(bytes.Clone(start), uint64(s.plan.lo))
	}
	for it.Seek(start); it.Valid(); it.Next() {
		item := it.Item()
		_, height, groupKey, err := splitPosting(item.Key())
		if err != nil {
			return err
		}
		if height < s.plan.lo || height > s.plan.hi {
			if s.plan.seekable {
				return nil // one value's keys are in height order: past the range
			}
			continue
		}
		list, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		hashes, err := s.group(groupKey)
		if err != nil {
			return err
		}
		for len(list) > 0 {
			idx, n := binary.Uvarint(list)
			if n <= 0 {
				return errBadKey
			}
			list = list[n:]
			if done, err := s.judge(hashes[uint32(idx)]); done || err != nil {
				return err
			}
		}
	}
	return nil
}

// group returns a group's hashes by tx index, read once per search.
func (s *scan) group(key []byte) (map[uint32][]byte, error) {
	if g, ok := s.groups[string(key)]; ok {
		return g, nil
	}
	item, err := s.txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, nil // written before its postings, so never; no candidates
	}
	if err != nil {
		return nil, fmt.Errorf("reading a group of txs of the index: %w", err)
	}
	members, err := item.ValueCopy(nil)
	if err != nil {
		return nil, err
	}
	g := map[uint32][]byte{}
	for _, m := range decodeMembers(members) {
		g[m.index] = m.hash
	}
	s.groups[string(key)] = g
	return g, nil
}

// judge reads one candidate and keeps it if it matches. done is true once
// the search is cancelled.
func (s *scan) judge(hash []byte) (done bool, err error) {
	if s.ctx.Err() != nil {
		return true, nil
	}
	if hash == nil || s.seen[string(hash)] {
		return false, nil
	}
	s.seen[string(hash)] = true
	res, err := getResult(s.txn, hash)
	if err != nil {
		return true, err
	}
	if res != nil && s.plan.match.matches(res) {
		s.results = append(s.results, res)
	}
	return false, nil
}

type member struct {
	index uint32
	hash  []byte
}

func decodeMembers(b []byte) []member {
	var ms []member
	for len(b) > 0 {
		idx, n := binary.Uvarint(b)
		if n <= 0 || len(b) < n+hashLen {
			break
		}
		ms = append(ms, member{uint32(idx), b[n : n+hashLen]})
		b = b[n+hashLen:]
	}
	return ms
}
