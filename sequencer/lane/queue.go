package lane

import "sync"

// Queue holds the forced transactions the sequencer has yet to put into a
// block, in DA order. PrepareProposal takes from its front ahead of the
// mempool. It is safe for concurrent use.
type Queue struct {
	mu     sync.Mutex
	items  []Forced
	queued map[[32]byte]struct{}
}

// NewQueue returns an empty queue.
func NewQueue() *Queue { return &Queue{queued: map[[32]byte]struct{}{}} }

// Add appends forced transactions that are not queued already.
func (q *Queue) Add(fs ...Forced) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, f := range fs {
		if _, ok := q.queued[f.Hash]; ok {
			continue
		}
		q.queued[f.Hash] = struct{}{}
		q.items = append(q.items, f)
	}
}

// Take removes and returns the transactions at the front, in order, while
// their total size stays within maxBytes. A transaction is never skipped
// for a later one: forced transactions keep their DA order.
func (q *Queue) Take(maxBytes int64) [][]byte {
	q.mu.Lock()
	defer q.mu.Unlock()
	var out [][]byte
	var size int64
	n := 0
	for _, f := range q.items {
		if size+int64(len(f.Tx)) > maxBytes {
			break
		}
		size += int64(len(f.Tx))
		out = append(out, f.Tx)
		delete(q.queued, f.Hash)
		n++
	}
	q.items = q.items[n:]
	return out
}

// Len is the number of transactions waiting.
func (q *Queue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}
