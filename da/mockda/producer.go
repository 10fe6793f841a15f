package mockda

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"time"
)

// submission is one blob.Submit call waiting for the next DA block, like a
// PayForBlobs tx sitting in a Celestia mempool.
type submission struct {
	entries []blockEntry
	result  chan submitResult // buffered(1): the producer never blocks
}

type submitResult struct {
	height uint64
	err    error
}

// produce makes one DA block per tick, empty or not, until ctx is done.
func (s *Server) produce(ctx context.Context) {
	defer close(s.produced)
	ticker := time.NewTicker(s.cfg.BlockTime)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			s.failPending()
			return
		case now := <-ticker.C:
			s.produceBlock(now)
		}
	}
}

// produceBlock includes every pending submission in the next height,
// persists the block and then answers the waiting blob.Submit calls.
func (s *Server) produceBlock(now time.Time) {
	s.mu.Lock()
	subs := s.pending
	s.pending = nil
	s.mu.Unlock()

	var entries []blockEntry
	for _, sub := range subs {
		entries = append(entries, sub.entries...)
	}
	h := newHeader(s.height.Load()+1, now, entries)

	// The producer is the only writer and Stop closes the store only after
	// the producer has exited, so the store can be used without storeMu.
	if err := s.store.writeBlock(h, entries); err != nil {
		s.logger.Error("failed to persist DA block", "height", h.Height, "err", err)
		for _, sub := range subs {
			sub.result <- submitResult{err: fmt.Errorf("persist DA block %d: %w", h.Height, err)}
		}
		return
	}
	s.height.Store(h.Height)
	s.mu.Lock()
	close(s.newBlock) // wakes header.WaitForHeight callers
	s.newBlock = make(chan struct{})
	s.mu.Unlock()

	for _, sub := range subs {
		sub.result <- submitResult{height: h.Height}
	}
	if len(entries) > 0 {
		s.logger.Info("produced DA block", "height", h.Height, "blobs", h.BlobCount, "bytes", h.BlobBytes,
			"submissions", len(subs), "data_root", fmt.Sprintf("%X", h.DataRoot))
	}
}

// newHeader builds the header of the block at height holding entries,
// which it sorts into data-root leaf order: by namespace, and within a
// namespace in submission order.
func newHeader(height uint64, now time.Time, entries []blockEntry) Header {
	slices.SortStableFunc(entries, func(a, b blockEntry) int { return bytes.Compare(a.ns, b.ns) })
	leaves := make([][]byte, len(entries))
	var size uint64
	for i, e := range entries {
		leaves[i] = makeLeaf(e.ns, e.commitment)
		size += uint64(len(e.data))
	}
	return Header{
		Height:    height,
		Time:      now.UTC(),
		DataRoot:  dataRoot(leaves),
		BlobCount: uint32(len(entries)),
		BlobBytes: size,
	}
}

// enqueue adds sub to the next block, unless the producer has stopped.
func (s *Server) enqueue(sub *submission) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.running {
		return fmt.Errorf("%w: cannot accept blobs", ErrNotRunning)
	}
	s.pending = append(s.pending, sub)
	return nil
}

// withdraw removes sub if no block has picked it up yet, and reports
// whether it did. Once picked up, the blobs will be included regardless.
func (s *Server) withdraw(sub *submission) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := slices.Index(s.pending, sub)
	if i < 0 {
		return false
	}
	s.pending = slices.Delete(s.pending, i, i+1)
	return true
}

// failPending stops accepting submissions and fails the waiting ones.
func (s *Server) failPending() {
	s.mu.Lock()
	subs := s.pending
	s.pending = nil
	s.running = false
	s.mu.Unlock()
	for _, sub := range subs {
		sub.result <- submitResult{err: fmt.Errorf("%w: stopped before the blobs were included", ErrNotRunning)}
	}
}
